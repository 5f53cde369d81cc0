// Which surplus pods go first: Models pkg/controller/controller_utils.go ActivePodsWithRanks
// (getPodsToDelete ranks by how many pods of the set share the node) and its Less.

import { parseTimestamp } from '../../apiserver/meta.ts';
import type { KObject } from '../../apiserver/types.ts';
import { isPodReady, podCondition } from '../util/pods.ts';

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** `pods` sorted so the first ones are the best to delete. */
export function rankPodsForDeletion(pods: KObject[]): KObject[] {
  const perNode = new Map<string, number>();
  for (const p of pods) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const rank = (p: KObject) => (p.spec?.nodeName ? perNode.get(p.spec.nodeName)! : 0);
  return [...pods].sort((a, b) => less(a, b, rank) ? -1 : less(b, a, rank) ? 1 : 0);
}

function less(a: KObject, b: KObject, rank: (p: KObject) => number): boolean {
  // 1. Unassigned < assigned.
  if (!!a.spec?.nodeName !== !!b.spec?.nodeName) return !a.spec?.nodeName;
  // 2. Pending < Unknown < Running.
  const pa = PHASE_ORDER[a.status?.phase ?? 'Pending'] ?? 0;
  const pb = PHASE_ORDER[b.status?.phase ?? 'Pending'] ?? 0;
  if (pa !== pb) return pa < pb;
  // 3. Not ready < ready.
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  // 4. Lower pod-deletion-cost first.
  const ca = Number(a.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0) || 0;
  const cb = Number(b.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0) || 0;
  if (ca !== cb) return ca < cb;
  // 5. Doubled-up (more pods of the set on its node) first.
  if (rank(a) !== rank(b)) return rank(a) > rank(b);
  // 6. Been ready for less time first.
  if (isPodReady(a) && isPodReady(b)) {
    const ta = parseTimestamp(podCondition(a, 'Ready')?.lastTransitionTime) ?? 0;
    const tb = parseTimestamp(podCondition(b, 'Ready')?.lastTransitionTime) ?? 0;
    if (ta !== tb) return ta > tb;
  }
  // 7. More restarts first.
  const ra = restarts(a);
  const rb = restarts(b);
  if (ra !== rb) return ra > rb;
  // 8. Newer first.
  const na = parseTimestamp(a.metadata.creationTimestamp) ?? 0;
  const nb = parseTimestamp(b.metadata.creationTimestamp) ?? 0;
  return na > nb;
}

function restarts(p: KObject): number {
  return Math.max(0, ...((p.status?.containerStatuses ?? []) as { restartCount?: number }[]).map((c) => c.restartCount ?? 0));
}
