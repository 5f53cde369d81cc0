// Models kubectl's deployment util as rollout history and undo use it: the ReplicaSets a
// Deployment controls (selector match + controller owner reference), their revision annotation,
// and the template comparison that ignores the pod-template-hash label.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import type { Invocation } from '../../command.ts';
import { labelSelectorString } from '../../describe/selectors.ts';

export const REVISION = 'deployment.kubernetes.io/revision';
export const HASH_LABEL = 'pod-template-hash';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** Annotations rollback keeps from the Deployment instead of the ReplicaSet (rollback.go annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** GetAllReplicaSets without the old/new split: every ReplicaSet this Deployment controls. */
export function controlledReplicaSets(inv: Invocation, d: KObject): KObject[] {
  const list = inv.rest().get<{ items?: KObject[] }>(`/apis/apps/v1/namespaces/${d.metadata.namespace}/replicasets`, {
    labelSelector: labelSelectorString(d.spec?.selector),
  });
  return (list.items ?? []).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

export function revisionOf(obj: KObject): number | undefined {
  const v = obj.metadata.annotations?.[REVISION];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

export function templateWithoutHash(template: KObject | undefined): KObject {
  const t = structuredClone(template ?? {}) as KObject;
  if (t.metadata?.labels) {
    delete t.metadata.labels[HASH_LABEL];
  }
  return t;
}
