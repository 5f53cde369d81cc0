// `check: pods` — Pods with these labels are Running and Ready ("3 Pods of app=web are ready").
import * as v from 'valibot';
import { R } from '../../cluster/apiserver/resources.ts';
import { defineCheck, fail, pass } from './types.ts';
import { isPodReady, plural, podStatusText, selectorString } from '../state.ts';

export default defineCheck({
  name: 'pods',
  schema: v.strictObject({
    selector: v.union([v.string(), v.record(v.string(), v.string())]),
    namespace: v.optional(v.string()),
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    /** Count only ready Pods (default); false counts every Pod that matches. */
    ready: v.optional(v.boolean()),
  }),
  title: (p) => `${p.count !== undefined ? plural(p.count, 'Pod') : 'Pods'} with ${selectorString(p.selector)} ${p.ready === false ? 'exist' : 'are ready'}`,
  evaluate(p, ctx) {
    const ns = p.namespace ?? ctx.namespace;
    const sel = selectorString(p.selector);
    const pods = ctx.kube.list(R.pods, { namespace: ns, labelSelector: sel }).filter((x) => !x.metadata.deletionTimestamp);
    const counted = p.ready === false ? pods : pods.filter(isPodReady);
    const ok = p.count !== undefined ? counted.length === p.count : counted.length > 0;
    const word = p.ready === false ? 'Pod' : 'ready Pod';
    if (ok) return pass(`${plural(counted.length, word)} with ${sel}.`);
    const waiting = pods.filter((x) => !isPodReady(x)).map((x) => `${x.metadata.name} is ${podStatusText(x)}`);
    return fail(`${plural(counted.length, word)} with ${sel}, expected ${p.count ?? 'at least 1'}.${waiting.length ? ' ' + waiting.slice(0, 3).join('; ') + '.' : ''}`);
  },
});
