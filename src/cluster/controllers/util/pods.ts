// Pod predicates the controllers share (k8s.io/kubernetes/pkg/api/v1/pod/util.go,
// pkg/controller/controller_utils.go).

import type { KObject } from '../../apiserver/types.ts';
import { parseTimestamp } from '../../apiserver/meta.ts';

export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastProbeTime: string | null;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

export function podCondition(pod: KObject, type: string): PodCondition | undefined {
  return (pod.status?.conditions as PodCondition[] | undefined)?.find((c) => c.type === type);
}

/** podutil.IsPodReady */
export function isPodReady(pod: KObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(pod: KObject, minReadySeconds: number, now: number): boolean {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const t = parseTimestamp(c.lastTransitionTime);
  return t !== undefined && t + minReadySeconds * 1000 <= now;
}

export function isPodTerminal(pod: KObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** controller.IsPodActive: not terminal and not being deleted. */
export function isPodActive(pod: KObject): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}
