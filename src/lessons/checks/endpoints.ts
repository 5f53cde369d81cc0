// `check: endpoints` — how many ready addresses a Service balances over ("its endpoints number 3").
// When the count is wrong, the why says the cause (diagnoseService), not just the number.
import * as v from 'valibot';
import { defineCheck, fail, pass } from './types.ts';
import { plural, readyEndpoints } from '../state.ts';
import { diagnoseService } from '../diagnose.ts';
import { R } from '../../cluster/apiserver/resources.ts';

export default defineCheck({
  name: 'endpoints',
  schema: v.strictObject({
    service: v.string(),
    namespace: v.optional(v.string()),
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    min: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  title: (p) => (p.count !== undefined ? `Service ${p.service} has ${plural(p.count, 'endpoint')}` : `Service ${p.service} has at least ${plural(p.min ?? 1, 'endpoint')}`),
  evaluate(p, ctx) {
    const ns = p.namespace ?? ctx.namespace;
    if (!ctx.kube.get(R.services, ns, p.service)) return fail(`There is no Service named ${p.service} in ${ns} yet.`);
    const eps = readyEndpoints(ctx.kube, ns, p.service);
    const ok = p.count !== undefined ? eps.length === p.count : eps.length >= (p.min ?? 1);
    const list = eps.map((e) => e.ip).join(', ');
    if (ok) return pass(`Service ${p.service} sends to ${plural(eps.length, 'ready endpoint')}${list ? `: ${list}` : ''}.`);
    const causes = eps.length < (p.count ?? p.min ?? 1) ? diagnoseService(ctx.cluster, ns, p.service).map((r) => r.text) : [];
    return fail([`Service ${p.service} has ${plural(eps.length, 'ready endpoint')}${list ? ` (${list})` : ''}, expected ${p.count ?? `at least ${p.min ?? 1}`}.`, ...causes].join(' '));
  },
});
