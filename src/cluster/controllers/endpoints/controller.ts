// The Endpoints controller: Models pkg/controller/endpoint/endpoints_controller.go. One v1
// Endpoints per Service with a selector, named like the Service: ready pods in addresses, unready
// ones in notReadyAddresses, terminating pods left out, subsets repacked by identical port sets.

import { R } from '../../apiserver/resources.ts';
import { timestamp } from '../../apiserver/meta.ts';
import type { KObject } from '../../apiserver/types.ts';
import type { Controller, ControllerEnv } from '../controller.ts';
import { informer, splitKey, type Informer } from '../util/informer.ts';
import { mapSelects } from '../util/labels.ts';
import { isPodReady } from '../util/pods.ts';
import { findPort, ipNumber, isHeadless, podHostname, podTargetRef, shouldPodBeInEndpoints, type ServicePort } from '../util/endpoints.ts';
import { watchServicesAndPods, type ServiceWatch } from '../util/service-watch.ts';

const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

interface Address {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef: ReturnType<typeof podTargetRef>;
}

interface EPPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export class EndpointsController implements Controller {
  readonly name = 'endpoint';
  #env!: ControllerEnv;
  #w!: ServiceWatch;
  #endpoints!: Informer;

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#endpoints = informer(env.kube, R.endpoints);
    this.#w = watchServicesAndPods(this.name, env, (k) => this.#sync(k));
  }

  stop(): void {
    this.#w.stop();
  }

  #sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { kube, clock } = this.#env;
    const svc = this.#w.services.get(ns, name);
    const current = this.#endpoints.get(ns, name);
    if (!svc) {
      // Selector-less Services' Endpoints belong to the user; ours go with the Service.
      if (current) kube.delete(R.endpoints, ns, name);
      return;
    }
    if (!svc.spec?.selector || !Object.keys(svc.spec.selector).length) return;
    const subsets = desiredSubsets(svc, this.#w.pods.list(ns).filter((p) => mapSelects(svc.spec.selector, p.metadata.labels)));
    const labels: Record<string, string> = { ...svc.metadata.labels };
    if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
    const want: KObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels, annotations: { [TRIGGER]: timestamp(clock.now()) } },
    };
    if (!Object.keys(labels).length) delete want.metadata.labels;
    if (subsets.length) want.subsets = subsets;
    if (current) {
      const same =
        JSON.stringify(current.subsets ?? []) === JSON.stringify(want.subsets ?? []) &&
        JSON.stringify(current.metadata.labels ?? {}) === JSON.stringify(want.metadata.labels ?? {});
      if (same) return;
      const next = structuredClone(current);
      next.metadata.labels = want.metadata.labels;
      next.metadata.annotations = { ...current.metadata.annotations, [TRIGGER]: timestamp(clock.now()) };
      if (want.subsets) next.subsets = want.subsets;
      else delete next.subsets;
      kube.update(R.endpoints, next);
    } else kube.create(R.endpoints, want);
  }
}

function desiredSubsets(svc: KObject, pods: KObject[]): Record<string, unknown>[] {
  const publish = !!svc.spec?.publishNotReadyAddresses;
  const ports: ServicePort[] = svc.spec?.ports ?? [];
  // address key -> { address, ready, ports }
  const entries = new Map<string, { addr: Address; ready: boolean; ports: EPPort[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, false)) continue;
    const addr: Address = { ip: pod.status.podIP, targetRef: podTargetRef(pod) };
    const hostname = podHostname(pod, svc);
    if (hostname) addr.hostname = hostname;
    if (pod.spec?.nodeName) addr.nodeName = pod.spec.nodeName;
    const ready = publish || isPodReady(pod);
    const epPorts: EPPort[] = [];
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const p: EPPort = { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) p.name = sp.name;
      if (sp.appProtocol) p.appProtocol = sp.appProtocol;
      epPorts.push(p);
    }
    // A headless Service without ports still lists its pods; otherwise a pod serving none of
    // the ports is left out.
    if (!epPorts.length && !(ports.length === 0 && isHeadless(svc))) continue;
    entries.set(pod.metadata.uid!, { addr, ready, ports: epPorts });
  }
  // RepackSubsets: one subset per distinct port set.
  const groups = new Map<string, { ports: EPPort[]; ready: Address[]; notReady: Address[] }>();
  for (const e of entries.values()) {
    const sorted = [...e.ports].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
    const k = JSON.stringify(sorted);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports: sorted, ready: [], notReady: [] }));
    (e.ready ? g.ready : g.notReady).push(e.addr);
  }
  const key = new Map<Address, number>();
  for (const e of entries.values()) key.set(e.addr, ipNumber(e.addr.ip));
  const byIP = (a: Address, b: Address) => key.get(a)! - key.get(b)! || (a.targetRef.uid < b.targetRef.uid ? -1 : 1);
  return [...groups.values()].map((g) => {
    const s: Record<string, unknown> = {};
    if (g.ready.length) s.addresses = g.ready.sort(byIP);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byIP);
    if (g.ports.length) s.ports = g.ports;
    return s;
  });
}
