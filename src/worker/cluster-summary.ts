// The status line's figures, read through the API like any client would.

import type { ApiClient } from '../cluster/apiserver/client.ts';
import type { KObject } from '../cluster/apiserver/types.ts';
import type { ClusterSummary } from './protocol.ts';

function items(api: ApiClient, path: string): KObject[] {
  const res = api.request({ method: 'GET', path });
  const body = res.body as { items?: KObject[] } | undefined;
  return res.status === 200 && Array.isArray(body?.items) ? body.items : [];
}

/** Namespaces of a minikube-like cluster's add-ons, besides kube-*. */
const SYSTEM_NAMESPACES = new Set(['ingress-nginx', 'local-path-storage', 'metallb-system']);

export function summarize(api: ApiClient): ClusterSummary {
  const nodes = items(api, '/api/v1/nodes');
  const pods = items(api, '/api/v1/pods');
  const ready = (n: KObject) =>
    (n.status?.conditions as { type: string; status: string }[] | undefined)?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  // The cluster's own pods (kube-system, the ingress controller …) would drown the learner's few.
  const system = (p: KObject) => SYSTEM_NAMESPACES.has(p.metadata.namespace ?? '') || (p.metadata.namespace?.startsWith('kube-') ?? false);
  const mine = pods.filter((p) => !system(p));
  return {
    nodes: nodes.length,
    nodesReady: nodes.filter(ready).length,
    pods: mine.length,
    podsRunning: mine.filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp).length,
    systemPods: pods.length - mine.length,
  };
}

export function sameSummary(a: ClusterSummary | undefined, b: ClusterSummary): boolean {
  return !!a && a.nodes === b.nodes && a.nodesReady === b.nodesReady && a.pods === b.pods && a.podsRunning === b.podsRunning && a.systemPods === b.systemPods;
}
