// What the Endpoints and EndpointSlice controllers agree on: which pods back a Service and which
// port each serves (pkg/controller/endpointslice/util ShouldPodBeInEndpoints, podutil.FindPort).

import type { KObject } from '../../apiserver/types.ts';
import { isPodTerminal } from './pods.ts';

export interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  appProtocol?: string;
}

/** ShouldPodBeInEndpoints */
export function shouldPodBeInEndpoints(pod: KObject, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** podutil.FindPort: the container port a Service port targets on this pod, if it has it. */
export function findPort(pod: KObject, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  const proto = sp.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  return undefined;
}

export function isHeadless(svc: KObject): boolean {
  return svc.spec?.clusterIP === 'None';
}

/** The pod's DNS hostname in a headless Service's records, when it names that Service as subdomain. */
export function podHostname(pod: KObject, svc: KObject): string | undefined {
  return pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name ? pod.spec.hostname : undefined;
}

export function podTargetRef(pod: KObject) {
  return { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name!, uid: pod.metadata.uid! };
}

/** An IPv4 address as a number, for sorting. */
export function ipNumber(ip: string): number {
  let n = 0;
  for (const o of ip.split('.')) n = n * 256 + Number(o);
  return n;
}
