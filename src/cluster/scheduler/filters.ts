// Filter plugins, each returning the reason text kube-scheduler aggregates in its FitError, or
// undefined when the node fits. Models pkg/scheduler/framework/plugins/{nodeunschedulable,
// tainttoleration,nodeaffinity}.

import type { KObject } from '../apiserver/types.ts';

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
}

/** v1helper.TolerationsTolerateTaint */
export function tolerates(tols: Toleration[], t: Taint): boolean {
  return tols.some((tol) => {
    if (tol.effect && tol.effect !== t.effect) return false;
    if ((tol.operator ?? 'Equal') === 'Exists') return !tol.key || tol.key === t.key;
    return tol.key === t.key && (tol.value ?? '') === (t.value ?? '');
  });
}

export function filterNode(pod: KObject, node: KObject): string | undefined {
  const tols: Toleration[] = pod.spec?.tolerations ?? [];
  // NodeUnschedulable (cordoned nodes), unless the pod tolerates the unschedulable taint.
  if (node.spec?.unschedulable && !tolerates(tols, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))
    return 'node(s) were unschedulable';
  // TaintToleration: the first untolerated NoSchedule/NoExecute taint.
  for (const t of (node.spec?.taints ?? []) as Taint[]) {
    if (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') continue;
    if (!tolerates(tols, t)) return `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;
  }
  // NodeAffinity (runs after TaintToleration in the default plugin order): nodeSelector (required node affinity terms are not modelled).
  const sel: Record<string, string> = pod.spec?.nodeSelector ?? {};
  const labels = node.metadata.labels ?? {};
  if (Object.entries(sel).some(([k, v]) => labels[k] !== v)) return "node(s) didn't match Pod's node affinity/selector";
  return undefined;
}
