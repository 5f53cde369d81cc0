// Resource arithmetic describe needs: kubectl's pkg/util/resource PodRequestsAndLimits (sum of
// containers, then the max with each init container; restartable "sidecar" init containers add up;
// overhead on top) and pkg/util/qos ComputePodQOS.

import { add, cmp, q, ZERO, type Quantity } from './quantity.ts';
import type { Json } from './types.ts';

export type ResourceList = Map<string, Quantity>;

function toList(raw: Record<string, string> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(raw ?? {})) out.set(k, q(v));
  return out;
}

function addList(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of from) into.set(k, add(into.get(k) ?? ZERO, v));
}

function maxList(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of from) {
    const cur = into.get(k);
    if (!cur || cmp(v, cur) > 0) into.set(k, v);
  }
}

function podTotals(pod: Json, field: 'requests' | 'limits'): ResourceList {
  const total: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) addList(total, toList(c.resources?.[field]));
  const restartable: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = toList(c.resources?.[field]);
    let eff: ResourceList;
    if (c.restartPolicy === 'Always') {
      addList(total, own);
      addList(restartable, own);
      eff = restartable;
    } else {
      eff = new Map();
      addList(eff, own);
      addList(eff, restartable);
    }
    maxList(initMax, eff);
  }
  maxList(total, initMax);
  const overhead = toList(pod.spec?.overhead);
  if (field === 'requests') addList(total, overhead);
  else for (const [k, v] of overhead) if (total.get(k)?.nano) total.set(k, add(total.get(k)!, v));
  return total;
}

export function podRequestsAndLimits(pod: Json): { reqs: ResourceList; limits: ResourceList } {
  return { reqs: podTotals(pod, 'requests'), limits: podTotals(pod, 'limits') };
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/** qos.GetPodQOS: status.qosClass when the kubelet set it, else computed from the spec. */
export function podQOS(pod: Json): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  let guaranteed = true;
  const process = (into: ResourceList, raw: Record<string, string> | undefined): void => {
    for (const [k, v] of toList(raw)) if (QOS_RESOURCES.has(k) && v.nano > 0n) into.set(k, add(into.get(k) ?? ZERO, v));
  };
  const hasBothLimits = (raw: Record<string, string> | undefined): boolean => {
    const l = toList(raw);
    return (l.get('cpu')?.nano ?? 0n) > 0n && (l.get('memory')?.nano ?? 0n) > 0n;
  };
  if (pod.spec?.resources) {
    process(requests, pod.spec.resources.requests);
    if (pod.spec.resources.limits) {
      process(limits, pod.spec.resources.limits);
      if (!hasBothLimits(pod.spec.resources.limits)) guaranteed = false;
    }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      process(requests, c.resources?.requests);
      process(limits, c.resources?.limits);
      if (!hasBothLimits(c.resources?.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [k, r] of requests) {
      const l = limits.get(k);
      if (!l || cmp(l, r) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
