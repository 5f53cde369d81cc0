// `check: request` — a request reached where the step wants: "a request from outside reached a
// Pod of httpenv through the LoadBalancer". Reads the traffic traces (since the step began, by
// default); when none matches, the why tells what the nearest attempt did and why it failed.
import * as v from 'valibot';
import type { Trace } from '../../cluster/network/trace.ts';
import { R } from '../../cluster/apiserver/resources.ts';
import { defineCheck, fail, pass, type CheckContext } from './types.ts';
import { matchesSelector, plural, selectorString } from '../state.ts';
import { describeTrace, entryNode, serviceOf, viaOf } from '../traces.ts';

const Schema = v.strictObject({
  from: v.optional(v.picklist(['outside', 'node', 'pod'])),
  via: v.optional(v.picklist(['ClusterIP', 'NodePort', 'LoadBalancer', 'port-forward', 'pod', 'Ingress', 'external'])),
  /** The Service it went through. */
  service: v.optional(v.string()),
  namespace: v.optional(v.string()),
  /** The name the client asked for (e.g. `httpenv` to require DNS, not an address). A /regex/ too. */
  host: v.optional(v.string()),
  /** Labels of the Pod that answered. */
  pod: v.optional(v.union([v.string(), v.record(v.string(), v.string())])),
  result: v.optional(v.picklist(['connected', 'refused', 'timeout', 'nxdomain', 'external', 'unreachable', 'failed'])),
  tool: v.optional(v.string()),
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** At least this many different Pods answered (load balancing). */
  distinctPods: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** At least this many different nodes took the request in (NodePort, load balancer). */
  distinctNodes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
type Params = v.InferOutput<typeof Schema>;

const FROM = { outside: 'your machine', node: 'a node', pod: 'a Pod' };

function hostMatches(want: string, got: string): boolean {
  if (want.length > 2 && want.startsWith('/') && want.endsWith('/')) return new RegExp(want.slice(1, -1)).test(got);
  return want === got;
}

/** Everything but the result and the answering Pod: "the same attempt". */
function sameAttempt(p: Params, t: Trace, ns: string): boolean {
  if (p.from && t.from.kind !== p.from) return false;
  if (p.host && !hostMatches(p.host, t.target.host)) return false;
  if (p.tool && t.tool !== p.tool) return false;
  if (p.service) {
    const s = serviceOf(t);
    if (s && (s.name !== p.service || s.namespace !== ns)) return false;
  }
  return true;
}

function matches(p: Params, t: Trace, ns: string, ctx: CheckContext): boolean {
  if (!sameAttempt(p, t, ns)) return false;
  const want = p.result ?? 'connected';
  if (want === 'failed' ? t.result.kind === 'connected' || t.result.kind === 'external' : t.result.kind !== want) return false;
  if (p.via && viaOf(t) !== p.via) return false;
  if (p.service) {
    const s = serviceOf(t);
    if (!s && !(p.via === 'external' && t.target.host.split('.')[0] === p.service)) return false;
  }
  if (p.pod) {
    if (t.result.kind !== 'connected') return false;
    const pod = ctx.kube.get(R.pods, t.result.pod.namespace, t.result.pod.name);
    if (!pod || !matchesSelector(pod.metadata.labels, p.pod)) return false;
  }
  return true;
}

function title(p: Params): string {
  const what = p.result && p.result !== 'connected' ? `A request ${p.from ? `from ${FROM[p.from]} ` : ''}${p.host ? `to ${p.host} ` : ''}ended ${p.result}` : `A request ${p.from ? `from ${FROM[p.from]} ` : ''}${p.host ? `to ${p.host} ` : ''}reached ${p.pod ? `a Pod of ${selectorString(p.pod)}` : p.service ? `Service ${p.service}` : 'a Pod'}`;
  const via = p.via ? ` through ${p.via === 'port-forward' ? 'a port-forward' : p.via === 'pod' ? 'its Pod IP' : `the ${p.via}`}` : '';
  const many = p.distinctPods ? `, answered by ${p.distinctPods} different Pods` : p.distinctNodes ? `, entering at ${p.distinctNodes} different nodes` : '';
  return what + via + many;
}

export default defineCheck({
  name: 'request',
  schema: Schema,
  title,
  evaluate(p, ctx) {
    const ns = p.namespace ?? ctx.namespace;
    const hits = ctx.traces.filter((t) => matches(p, t, ns, ctx));
    const need = p.count ?? 1;
    const pods = new Set(hits.flatMap((t) => (t.result.kind === 'connected' ? [t.result.pod.name] : [])));
    const nodes = new Set(hits.map(entryNode).filter(Boolean));
    if (hits.length >= need && pods.size >= (p.distinctPods ?? 0) && nodes.size >= (p.distinctNodes ?? 0)) {
      const last = hits[hits.length - 1];
      const spread = p.distinctPods ? ` ${plural(pods.size, 'different Pod')} answered: ${[...pods].join(', ')}.` : p.distinctNodes ? ` It entered at ${plural(nodes.size, 'node')}: ${[...nodes].join(', ')}.` : '';
      return pass(describeTrace(last) + '.' + spread);
    }
    if (hits.length) {
      if (p.distinctPods && pods.size < p.distinctPods) return fail(`So far ${plural(pods.size, 'Pod')} answered (${[...pods].join(', ')}); send more requests: each new connection is balanced again, at random.`);
      if (p.distinctNodes && nodes.size < p.distinctNodes) return fail(`So far the requests entered at ${plural(nodes.size, 'node')} (${[...nodes].join(', ')}); try another node's address.`);
      return fail(`${plural(hits.length, 'matching request')} so far; ${need} needed.`);
    }
    const near = [...ctx.traces].reverse().find((t) => sameAttempt(p, t, ns));
    if (!near) return fail(`No request ${p.from ? `from ${FROM[p.from]} ` : ''}${p.host ? `to ${p.host} ` : ''}yet in this step.`);
    const why = near.why ? ' ' + near.why : p.via && viaOf(near) !== p.via ? ` It went ${viaOf(near) ? `through the ${viaOf(near)}` : 'nowhere'}, not the ${p.via}.` : '';
    return fail(`The last try: ${describeTrace(near)}.${why}`);
  },
});
