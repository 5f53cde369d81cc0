// Answers to a step's questions are computed from the live state when the learner answers —
// "which node answered?" has the answer of *this* sandbox, never a constant in the lesson.

import * as v from 'valibot';
import type { CheckContext, CheckResult } from './checks/types.ts';
import { R } from '../cluster/apiserver/resources.ts';
import { resourceOf, readyEndpoints, selectorString } from './state.ts';
import { entryNode, viaOf } from './traces.ts';

export const AnswerSchema = v.union([
  // The most recent request (optionally: from, via, service) — its Pod, node, Pod IP or client IP.
  v.strictObject({
    lastRequest: v.picklist(['pod', 'node', 'podIP', 'clientIP', 'entryNode']),
    from: v.optional(v.picklist(['outside', 'node', 'pod'])),
    via: v.optional(v.string()),
    service: v.optional(v.string()),
  }),
  // A field of an object: `{kind: service, name: web, path: spec.ports[0].nodePort}`.
  v.strictObject({
    field: v.strictObject({ kind: v.string(), name: v.string(), namespace: v.optional(v.string()), path: v.string() }),
  }),
  // How many objects: `{kind: pods, selector: app=web}`.
  v.strictObject({
    count: v.strictObject({ kind: v.string(), namespace: v.optional(v.string()), selector: v.optional(v.union([v.string(), v.record(v.string(), v.string())])) }),
  }),
  // Any endpoint of a Service: its Pod's name or its address.
  v.strictObject({ endpointOf: v.string(), namespace: v.optional(v.string()) }),
  // The IP of any Pod with these labels.
  v.strictObject({ podIPs: v.union([v.string(), v.record(v.string(), v.string())]), namespace: v.optional(v.string()) }),
]);
export type AnswerSpec = v.InferOutput<typeof AnswerSchema>;

/** The answers the live state accepts (empty: the state cannot answer yet, and why). */
export function acceptedAnswers(spec: AnswerSpec, ctx: CheckContext): { accepted: string[]; why?: string } {
  if ('lastRequest' in spec) {
    const t = [...ctx.traces].reverse().find((x) => x.result.kind === 'connected' && (!spec.from || x.from.kind === spec.from) && (!spec.via || viaOf(x) === spec.via) && (!spec.service || x.hops.some((h) => h.service?.name === spec.service)));
    if (!t || t.result.kind !== 'connected') return { accepted: [], why: 'No request has reached a Pod yet in this step: send one first.' };
    const r = t.result;
    const value = { pod: r.pod.name, node: r.pod.node, podIP: r.pod.ip, clientIP: r.clientIP, entryNode: entryNode(t) ?? '' }[spec.lastRequest];
    return { accepted: value ? [value] : [] };
  }
  if ('field' in spec) {
    const ref = resourceOf(spec.field.kind);
    const obj = ref && ctx.kube.get(ref, spec.field.namespace ?? ctx.namespace, spec.field.name);
    if (!obj) return { accepted: [], why: `There is no ${spec.field.kind} ${spec.field.name} yet.` };
    const value = pathGet(obj, spec.field.path);
    return value === undefined || value === null ? { accepted: [], why: `${spec.field.kind} ${spec.field.name} has no ${spec.field.path} yet.` } : { accepted: [String(value)] };
  }
  if ('count' in spec) {
    const ref = resourceOf(spec.count.kind);
    if (!ref) return { accepted: [], why: `Unknown kind ${spec.count.kind} (a lesson bug).` };
    const items = ctx.kube.list(ref, { namespace: spec.count.namespace ?? ctx.namespace, labelSelector: spec.count.selector ? selectorString(spec.count.selector) : undefined });
    return { accepted: [String(items.filter((i) => !i.metadata.deletionTimestamp).length)] };
  }
  if ('podIPs' in spec) {
    const pods = ctx.kube.list(R.pods, { namespace: spec.namespace ?? ctx.namespace, labelSelector: selectorString(spec.podIPs) });
    const ips = pods.map((p) => p.status?.podIP).filter((ip): ip is string => !!ip);
    return ips.length ? { accepted: ips } : { accepted: [], why: `No Pod with ${selectorString(spec.podIPs)} has an IP yet.` };
  }
  const eps = readyEndpoints(ctx.kube, spec.namespace ?? ctx.namespace, spec.endpointOf);
  if (!eps.length) return { accepted: [], why: `Service ${spec.endpointOf} has no ready endpoints yet.` };
  return { accepted: eps.flatMap((e) => (e.pod ? [e.pod, e.ip] : [e.ip])) };
}

export function checkAnswer(spec: AnswerSpec, given: string | undefined, ctx: CheckContext): CheckResult {
  const { accepted, why } = acceptedAnswers(spec, ctx);
  if (!accepted.length) return { pass: false, why: why ?? 'The cluster cannot answer this yet.' };
  const g = (given ?? '').trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!g) return { pass: false, why: 'Type your answer in the box.' };
  if (accepted.some((a) => a.toLowerCase() === g)) return { pass: true, why: `Right: ${given!.trim()}.` };
  return { pass: false, why: `Not quite: the cluster says otherwise. Look again at the output.` };
}

/** `spec.ports[0].nodePort` → value. */
function pathGet(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.replace(/^\./, '').split(/\.|(?=\[)/)) {
    if (cur === undefined || cur === null) return undefined;
    const idx = /^\[(\d+)\]$/.exec(part);
    cur = idx ? (cur as unknown[])[Number(idx[1])] : (cur as Record<string, unknown>)[part];
  }
  return cur;
}
