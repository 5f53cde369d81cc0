// Upstreams: ingress-nginx sends traffic to a Service's endpoints directly (from EndpointSlices),
// not to its ClusterIP, and balances them round-robin (load-balance: round_robin, the default).

import type { KObject } from '../../apiserver/types.ts';
import type { ClusterView } from '../view.ts';
import type { Backend } from './config.ts';

export interface UpstreamEndpoint {
  ip: string;
  port: number;
  pod?: { namespace: string; name: string };
  node?: string;
}

export interface Upstream {
  service?: KObject;
  /** The Service port the backend names (by number or name). */
  servicePort?: { name?: string; port: number };
  endpoints: UpstreamEndpoint[];
}

/** Ready endpoints of the backend's Service port (serviceEndpoints in controller.go). */
export function resolveUpstream(view: ClusterView, b: Backend): Upstream {
  const service = view.service(b.namespace, b.service);
  if (!service) return { endpoints: [] };
  const sp = (service.spec?.ports ?? []).find((p: { name?: string; port: number }) => (b.port.number !== undefined ? p.port === b.port.number : p.name === b.port.name));
  if (!sp) return { service, endpoints: [] };
  const portName = sp.name ?? '';
  const endpoints: UpstreamEndpoint[] = [];
  for (const slice of view.endpointSlices(b.namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== b.service) continue;
    const port = (slice.ports ?? []).find((p: { name?: string; protocol?: string }) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === 'TCP');
    if (!port) continue;
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      const ref = ep.targetRef?.kind === 'Pod' ? { namespace: ep.targetRef.namespace ?? b.namespace, name: ep.targetRef.name } : undefined;
      for (const ip of ep.addresses ?? []) endpoints.push({ ip, port: port.port, pod: ref, node: ep.nodeName });
    }
  }
  return { service, servicePort: { name: sp.name, port: sp.port }, endpoints };
}

/** Round-robin cursors per upstream, per cluster. */
const cursors = new WeakMap<ClusterView, Map<string, number>>();

export function pickRoundRobin(view: ClusterView, upstream: string, eps: UpstreamEndpoint[]): UpstreamEndpoint {
  let m = cursors.get(view);
  if (!m) cursors.set(view, (m = new Map()));
  const i = m.get(upstream) ?? 0;
  m.set(upstream, i + 1);
  return eps[i % eps.length];
}
