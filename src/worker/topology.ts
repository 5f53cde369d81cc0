// The cluster as the traffic diagram draws it: nodes, Pods, Services with their endpoints,
// Ingresses and port-forward tunnels, kept up to date from API watches (like any controller would
// learn them), never by polling a terminal. The page gets compact updates: only the collections
// that changed since the last one, at most ~10 per second.

import type { ApiClient } from '../cluster/apiserver/client.ts';
import type { KObject, WatchEvent, WatchHandle } from '../cluster/apiserver/types.ts';
import type { Forward } from '../cluster/network/dataplane.ts';

export interface TopoNode {
  name: string;
  ip: string;
  podCIDR: string;
  ready: boolean;
  controlPlane: boolean;
  created: string;
}

export interface TopoPod {
  namespace: string;
  name: string;
  node?: string;
  ip?: string;
  phase: string;
  ready: boolean;
  deleting: boolean;
  labels: Record<string, string>;
  created: string;
}

export interface TopoEndpoint {
  ip: string;
  node?: string;
  /** namespace/name of the Pod behind it. */
  pod?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface TopoServicePort {
  name?: string;
  port: number;
  targetPort: string;
  nodePort?: number;
  protocol: string;
}

export interface TopoService {
  namespace: string;
  name: string;
  type: string;
  clusterIP?: string;
  ports: TopoServicePort[];
  externalIPs: string[];
  loadBalancerIPs: string[];
  externalName?: string;
  selector: Record<string, string>;
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string;
  sessionAffinity?: string;
  endpoints: TopoEndpoint[];
  created: string;
}

export interface TopoIngressRule {
  host?: string;
  path: string;
  pathType: string;
  service: string;
  port: string;
}

export interface TopoIngress {
  namespace: string;
  name: string;
  className?: string;
  addresses: string[];
  rules: TopoIngressRule[];
  tls: string[];
  created: string;
}

export type TopoForward = Pick<Forward, 'id' | 'localPort' | 'address' | 'namespace' | 'pod' | 'podPort' | 'target'>;

export interface Topology {
  nodes: TopoNode[];
  pods: TopoPod[];
  services: TopoService[];
  ingresses: TopoIngress[];
  forwards: TopoForward[];
}

/** An update: only the collections that changed (the first one has all of them). */
export type TopologyUpdate = Partial<Topology>;

type Kind = 'nodes' | 'pods' | 'services' | 'endpointslices' | 'ingresses';

const WATCHES: [Kind, string][] = [
  ['nodes', '/api/v1/nodes'],
  ['pods', '/api/v1/pods'],
  ['services', '/api/v1/services'],
  ['endpointslices', '/apis/discovery.k8s.io/v1/endpointslices'],
  ['ingresses', '/apis/networking.k8s.io/v1/ingresses'],
];

const key = (o: KObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const created = (o: KObject) => o.metadata.creationTimestamp ?? '';

export function toNode(n: KObject): TopoNode {
  const conditions = (n.status?.conditions ?? []) as { type: string; status: string }[];
  const labels = n.metadata.labels ?? {};
  return {
    name: n.metadata.name!,
    ip: (n.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '',
    podCIDR: n.spec?.podCIDR ?? '',
    ready: conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    controlPlane: 'node-role.kubernetes.io/control-plane' in labels,
    created: created(n),
  };
}

export function toPod(p: KObject): TopoPod {
  const conditions = (p.status?.conditions ?? []) as { type: string; status: string }[];
  return {
    namespace: p.metadata.namespace!,
    name: p.metadata.name!,
    node: p.spec?.nodeName,
    ip: p.status?.podIP,
    phase: p.status?.phase ?? 'Pending',
    ready: conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    deleting: !!p.metadata.deletionTimestamp,
    labels: p.metadata.labels ?? {},
    created: created(p),
  };
}

export function toService(s: KObject, slices: KObject[]): TopoService {
  const spec = s.spec ?? {};
  const endpoints: TopoEndpoint[] = [];
  for (const slice of slices) {
    for (const e of (slice.endpoints ?? []) as { addresses: string[]; nodeName?: string; targetRef?: { kind: string; name: string; namespace?: string }; conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean } }[]) {
      const ref = e.targetRef?.kind === 'Pod' ? `${e.targetRef.namespace ?? s.metadata.namespace}/${e.targetRef.name}` : undefined;
      for (const ip of e.addresses ?? []) {
        endpoints.push({ ip, node: e.nodeName, pod: ref, ready: e.conditions?.ready ?? true, serving: e.conditions?.serving ?? true, terminating: e.conditions?.terminating ?? false });
      }
    }
  }
  endpoints.sort((a, b) => (a.pod ?? a.ip).localeCompare(b.pod ?? b.ip));
  return {
    namespace: s.metadata.namespace!,
    name: s.metadata.name!,
    type: spec.type ?? 'ClusterIP',
    clusterIP: spec.clusterIP && spec.clusterIP !== 'None' ? spec.clusterIP : spec.clusterIP === 'None' ? 'None' : undefined,
    ports: ((spec.ports ?? []) as { name?: string; port: number; targetPort?: number | string; nodePort?: number; protocol?: string }[]).map((p) => ({
      name: p.name,
      port: p.port,
      targetPort: String(p.targetPort ?? p.port),
      nodePort: p.nodePort,
      protocol: p.protocol ?? 'TCP',
    })),
    externalIPs: spec.externalIPs ?? [],
    loadBalancerIPs: ((s.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean),
    externalName: spec.externalName,
    selector: spec.selector ?? {},
    externalTrafficPolicy: spec.externalTrafficPolicy,
    internalTrafficPolicy: spec.internalTrafficPolicy,
    sessionAffinity: spec.sessionAffinity,
    endpoints,
    created: created(s),
  };
}

export function toIngress(i: KObject): TopoIngress {
  const spec = i.spec ?? {};
  const backend = (b?: { service?: { name: string; port?: { number?: number; name?: string } } }) => ({
    service: b?.service?.name ?? '',
    port: String(b?.service?.port?.number ?? b?.service?.port?.name ?? ''),
  });
  const rules: TopoIngressRule[] = [];
  for (const r of (spec.rules ?? []) as { host?: string; http?: { paths?: { path?: string; pathType?: string; backend?: never }[] } }[]) {
    for (const p of r.http?.paths ?? []) rules.push({ host: r.host, path: p.path ?? '/', pathType: p.pathType ?? 'Prefix', ...backend(p.backend) });
  }
  if (spec.defaultBackend) rules.push({ path: '*', pathType: 'default', ...backend(spec.defaultBackend) });
  return {
    namespace: i.metadata.namespace!,
    name: i.metadata.name!,
    className: spec.ingressClassName,
    addresses: ((i.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]).map((x) => x.ip ?? x.hostname ?? '').filter(Boolean),
    rules,
    tls: ((spec.tls ?? []) as { hosts?: string[] }[]).flatMap((t) => t.hosts ?? []),
    created: created(i),
  };
}


export interface TopologyFeedOptions {
  /** The port-forward tunnels (they are not API objects: the dataplane holds them). */
  forwards: () => Iterable<Forward>;
  /** Minimum time between two updates, in ms. */
  intervalMs?: number;
  now?: () => number;
}

/** Watches the API and hands out updates. Call `poll()` often (each clock tick); it decides when. */
export class TopologyFeed {
  readonly #objects = new Map<Kind, Map<string, KObject>>();
  readonly #dirty = new Set<keyof Topology>(['nodes', 'pods', 'services', 'ingresses', 'forwards']);
  readonly #watches: WatchHandle[] = [];
  readonly #listeners = new Set<(u: TopologyUpdate) => void>();
  readonly #options: TopologyFeedOptions;
  /** When each object was first seen: creationTimestamp has whole seconds, this breaks ties. */
  readonly #seen = new Map<string, number>();
  #seq = 0;
  #forwardsKey = '';
  #lastAt = -Infinity;
  #current: Topology = { nodes: [], pods: [], services: [], ingresses: [], forwards: [] };

  constructor(api: ApiClient, options: TopologyFeedOptions) {
    this.#options = options;
    for (const [kind, path] of WATCHES) {
      const objects = new Map<string, KObject>();
      this.#objects.set(kind, objects);
      this.#watches.push(
        api.watch({ method: 'GET', path, query: { watch: 'true' } }, (e: WatchEvent) => {
          if (e.type === 'ERROR' || e.type === 'BOOKMARK') return;
          if (e.type === 'DELETED') {
            objects.delete(key(e.object));
            this.#seen.delete(`${kind}:${key(e.object)}`);
          }
          else objects.set(key(e.object), e.object);
          if (e.type === 'ADDED') this.#seen.set(`${kind}:${key(e.object)}`, this.#seq++);
          this.#dirty.add(kind === 'endpointslices' ? 'services' : kind);
        }),
      );
    }
  }

  /** Subscribe; the whole topology arrives at once. */
  subscribe(listener: (u: TopologyUpdate) => void): () => void {
    this.poll(true); // pending changes go to the others first
    this.#listeners.add(listener);
    this.#build();
    listener({ ...this.#current });
    return () => this.#listeners.delete(listener);
  }

  /** Send an update if something changed and the last one is old enough. */
  poll(force = false): void {
    const fwKey = [...this.#options.forwards()].map((f) => `${f.id}:${f.localPort}`).join(',');
    if (fwKey !== this.#forwardsKey) {
      this.#forwardsKey = fwKey;
      this.#dirty.add('forwards');
    }
    if (!this.#dirty.size || !this.#listeners.size) return;
    const now = (this.#options.now ?? (() => performance.now()))();
    if (!force && now - this.#lastAt < (this.#options.intervalMs ?? 100)) return;
    this.#lastAt = now;
    const changed = [...this.#dirty];
    this.#build();
    const update: TopologyUpdate = {};
    for (const k of changed) (update as Record<string, unknown>)[k] = this.#current[k];
    for (const l of [...this.#listeners]) l(update);
  }

  /** The whole topology now (for tests and the first subscriber). */
  current(): Topology {
    this.#build();
    return this.#current;
  }

  stop(): void {
    for (const w of this.#watches) w.stop();
    this.#listeners.clear();
  }

  #build(): void {
    if (!this.#dirty.size) return;
    const all = (k: Kind) => [...this.#objects.get(k)!.values()];
    const seen = this.#seen;
    const byCreation = (k: Kind) => <T extends { created: string; name: string; namespace?: string }>(a: T, b: T) =>
      a.created.localeCompare(b.created) || (seen.get(`${k}:${a.namespace ?? ''}/${a.name}`) ?? 0) - (seen.get(`${k}:${b.namespace ?? ''}/${b.name}`) ?? 0);
    const t = { ...this.#current };
    if (this.#dirty.has('nodes')) t.nodes = all('nodes').map(toNode).sort(byCreation('nodes'));
    if (this.#dirty.has('pods')) t.pods = all('pods').map(toPod).sort(byCreation('pods'));
    if (this.#dirty.has('services')) {
      const slices = new Map<string, KObject[]>();
      for (const s of all('endpointslices')) {
        const svc = s.metadata.labels?.['kubernetes.io/service-name'];
        if (!svc) continue;
        const k = `${s.metadata.namespace}/${svc}`;
        (slices.get(k) ?? slices.set(k, []).get(k)!).push(s);
      }
      t.services = all('services').map((s) => toService(s, slices.get(key(s)) ?? [])).sort(byCreation('services'));
    }
    if (this.#dirty.has('ingresses')) t.ingresses = all('ingresses').map(toIngress).sort(byCreation('ingresses'));
    if (this.#dirty.has('forwards'))
      t.forwards = [...this.#options.forwards()].map(({ id, localPort, address, namespace, pod, podPort, target }) => ({ id, localPort, address, namespace, pod, podPort, target }));
    this.#current = t;
    this.#dirty.clear();
  }
}
