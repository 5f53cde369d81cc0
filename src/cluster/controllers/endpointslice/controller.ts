// The EndpointSlice controller: Models pkg/controller/endpointslice (reconciler.go, utils.go).
// Slices named <service>-<5 random> (generateName), owned by the Service, one per distinct port
// set and at most 100 endpoints each; terminating pods stay listed with ready=false,
// serving=<readiness>, terminating=true. A Service without endpoints keeps one empty placeholder.

import { R } from '../../apiserver/resources.ts';
import { timestamp } from '../../apiserver/meta.ts';
import type { KObject } from '../../apiserver/types.ts';
import type { Controller, ControllerEnv } from '../controller.ts';
import { informer, splitKey, type Informer } from '../util/informer.ts';
import { mapSelects } from '../util/labels.ts';
import { isPodReady } from '../util/pods.ts';
import { findPort, isHeadless, podHostname, podTargetRef, shouldPodBeInEndpoints, type ServicePort } from '../util/endpoints.ts';
import { watchServicesAndPods, type ServiceWatch } from '../util/service-watch.ts';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';
const MAX_PER_SLICE = 100;

interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice';
  #env!: ControllerEnv;
  #w!: ServiceWatch;
  #slices!: Informer;

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#slices = informer(env.kube, R.endpointslices);
    this.#slices.addIndex('service', (s) =>
      s.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME ? [`${s.metadata.namespace}/${s.metadata.labels[SERVICE_NAME_LABEL] ?? ''}`] : [],
    );
    this.#w = watchServicesAndPods(this.name, env, (k) => this.#sync(k));
  }

  stop(): void {
    this.#w.stop();
  }

  #sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { kube, clock } = this.#env;
    const svc = this.#w.services.get(ns, name);
    const existing = this.#slices.byIndex('service', key).sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    if (!svc || !svc.spec?.selector || !Object.keys(svc.spec.selector).length || svc.spec.type === 'ExternalName') {
      // Deleted Services' slices go with the garbage collector (ownerReferences); a Service
      // that lost its selector loses its managed slices here.
      if (svc) for (const s of existing) kube.delete(R.endpointslices, ns, s.metadata.name!);
      return;
    }
    const groups = desiredGroups(svc, this.#w.pods.list(ns).filter((p) => mapSelects(svc.spec.selector, p.metadata.labels)));
    // Desired slices: per port set, chunks of MAX_PER_SLICE; or one empty placeholder.
    const desired: { ports?: SlicePort[]; endpoints: unknown[] }[] = [];
    for (const g of groups.values())
      for (let i = 0; i < g.endpoints.length; i += MAX_PER_SLICE) desired.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_PER_SLICE) });
    if (!desired.length) desired.push({ endpoints: [] });

    const labels: Record<string, string> = { ...svc.metadata.labels, [MANAGED_BY_LABEL]: CONTROLLER_NAME, [SERVICE_NAME_LABEL]: name };
    if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
    const unused = [...existing];
    const now = timestamp(clock.now());
    for (const d of desired) {
      // Prefer the slice that already carries this port set, so names stay stable.
      let i = unused.findIndex((s) => JSON.stringify(s.ports ?? null) === JSON.stringify(d.ports ?? null));
      if (i < 0 && unused.length) i = 0;
      const cur = i >= 0 ? unused.splice(i, 1)[0] : undefined;
      if (cur) {
        const same =
          JSON.stringify(cur.endpoints ?? []) === JSON.stringify(d.endpoints) &&
          JSON.stringify(cur.ports ?? null) === JSON.stringify(d.ports ?? null) &&
          JSON.stringify(cur.metadata.labels) === JSON.stringify(labels);
        if (same) continue;
        const next = structuredClone(cur);
        next.metadata.labels = labels;
        next.metadata.annotations = { ...cur.metadata.annotations, [TRIGGER]: now };
        next.endpoints = d.endpoints;
        if (d.ports) next.ports = d.ports;
        else delete next.ports;
        kube.update(R.endpointslices, next);
      } else {
        const slice: KObject = {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            generateName: `${name}-`,
            namespace: ns,
            labels,
            annotations: { [TRIGGER]: now },
            ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
          },
          addressType: 'IPv4',
          endpoints: d.endpoints,
        };
        if (d.ports) slice.ports = d.ports;
        kube.create(R.endpointslices, slice);
      }
    }
    for (const s of unused) kube.delete(R.endpointslices, ns, s.metadata.name!);
  }
}

function desiredGroups(svc: KObject, pods: KObject[]): Map<string, { ports: SlicePort[]; endpoints: unknown[] }> {
  const publish = !!svc.spec?.publishNotReadyAddresses;
  const svcPorts: ServicePort[] = svc.spec?.ports ?? [];
  const groups = new Map<string, { ports: SlicePort[]; endpoints: unknown[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: SlicePort[] = [];
    for (const sp of svcPorts) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const p: SlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
      if (sp.appProtocol) p.appProtocol = sp.appProtocol;
      ports.push(p);
    }
    if (!ports.length && svcPorts.length) continue;
    const terminating = !!pod.metadata.deletionTimestamp;
    const serving = isPodReady(pod);
    const ready = (publish || serving) && !terminating;
    const ep: Record<string, unknown> = {
      addresses: [pod.status.podIP],
      conditions: { ready, serving, terminating },
      targetRef: podTargetRef(pod),
    };
    const hostname = podHostname(pod, svc);
    if (hostname) ep.hostname = hostname;
    if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
    const k = JSON.stringify(ports);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports, endpoints: [] }));
    g.endpoints.push(ep);
  }
  return groups;
}
