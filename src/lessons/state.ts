// Reading the cluster the way a learner would with kubectl: through the API (lists, label
// selectors, EndpointSlices). Checks, answers and diagnoses share these few readers.

import type { Kube } from '../cluster/apiserver/typed.ts';
import type { KObject } from '../cluster/apiserver/types.ts';
import { R, type ResourceRef } from '../cluster/apiserver/resources.ts';
import { parseLabelSelector } from '../cluster/apiserver/selectors/labels.ts';

export interface ReadyEndpoint {
  ip: string;
  port?: number;
  node?: string;
  pod?: string;
}

/** Kinds an author may name (kubectl's spellings: Deployment, deployment, deploy, svc …). */
const KINDS: Record<string, ResourceRef> = {
  pod: R.pods, pods: R.pods, po: R.pods,
  service: R.services, services: R.services, svc: R.services,
  deployment: R.deployments, deployments: R.deployments, deploy: R.deployments,
  replicaset: R.replicasets, replicasets: R.replicasets, rs: R.replicasets,
  namespace: R.namespaces, namespaces: R.namespaces, ns: R.namespaces,
  configmap: R.configmaps, configmaps: R.configmaps, cm: R.configmaps,
  secret: R.secrets, secrets: R.secrets,
  ingress: R.ingresses, ingresses: R.ingresses, ing: R.ingresses,
  endpointslice: R.endpointslices, endpointslices: R.endpointslices,
  node: R.nodes, nodes: R.nodes, no: R.nodes,
};

export function resourceOf(kind: string): ResourceRef | undefined {
  return KINDS[kind.toLowerCase()];
}

/** Ready addresses of a Service, from its EndpointSlices (what kube-proxy balances over). */
export function readyEndpoints(kube: Kube, namespace: string, service: string): ReadyEndpoint[] {
  const slices = kube.list(R.endpointslices, { namespace, labelSelector: `kubernetes.io/service-name=${service}` });
  const out: ReadyEndpoint[] = [];
  for (const s of slices) {
    const port = s.ports?.[0]?.port;
    for (const ep of s.endpoints ?? []) {
      // A missing `ready` means ready (EndpointConditions docs: nil is interpreted as true).
      if (ep.conditions?.ready === false) continue;
      for (const ip of ep.addresses ?? []) out.push({ ip, port, node: ep.nodeName, pod: ep.targetRef?.name });
    }
  }
  return out;
}

export function isPodReady(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

/** A selector given as `app=web` or as a map. */
export function selectorString(sel: string | Record<string, string>): string {
  return typeof sel === 'string' ? sel : Object.entries(sel).map(([k, val]) => `${k}=${val}`).join(',');
}

export function matchesSelector(labels: Record<string, string> | undefined, sel: string | Record<string, string>): boolean {
  const parsed = parseLabelSelector(selectorString(sel));
  return parsed.ok && parsed.value.matches(labels ?? {});
}

/** Why a Pod is not ready, as `kubectl get pods` would show in STATUS. */
export function podStatusText(pod: KObject): string {
  for (const c of pod.status?.containerStatuses ?? []) {
    if (c.state?.waiting?.reason) return c.state.waiting.reason;
    if (c.state?.terminated?.reason) return c.state.terminated.reason;
  }
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  return pod.status?.phase ?? 'Pending';
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
