// `check: ingress` — some Ingress has a rule sending host/path to a Service.
import * as v from 'valibot';
import { R } from '../../cluster/apiserver/resources.ts';
import { defineCheck, fail, pass } from './types.ts';

interface Path { path?: string; backend?: { service?: { name: string; port?: { number?: number; name?: string } } } }

export default defineCheck({
  name: 'ingress',
  schema: v.strictObject({
    namespace: v.optional(v.string()),
    host: v.optional(v.string()),
    path: v.optional(v.string()),
    service: v.string(),
    port: v.optional(v.union([v.number(), v.string()])),
  }),
  title: (p) => `An Ingress sends ${p.host ?? '*'}${p.path ?? '/'} to Service ${p.service}`,
  evaluate(p, ctx) {
    const ns = p.namespace ?? ctx.namespace;
    const ings = ctx.kube.list(R.ingresses, { namespace: ns });
    if (!ings.length) return fail(`There is no Ingress in ${ns} yet.`);
    for (const ing of ings) {
      for (const rule of ing.spec?.rules ?? []) {
        if (p.host !== undefined && rule.host !== p.host) continue;
        for (const path of (rule.http?.paths ?? []) as Path[]) {
          const svc = path.backend?.service;
          if (p.path !== undefined && path.path !== p.path) continue;
          if (svc?.name !== p.service) continue;
          if (p.port !== undefined && svc.port?.number !== p.port && svc.port?.name !== p.port) continue;
          return pass(`Ingress ${ing.metadata.name} sends ${rule.host ?? '*'}${path.path ?? '/'} to ${p.service}.`);
        }
      }
    }
    const seen = ings.flatMap((i) => (i.spec?.rules ?? []).flatMap((r: { host?: string; http?: { paths?: Path[] } }) => (r.http?.paths ?? []).map((x) => `${r.host ?? '*'}${x.path ?? '/'} → ${x.backend?.service?.name}`)));
    return fail(`No Ingress rule sends ${p.host ?? '*'}${p.path ?? '/'} to ${p.service}${seen.length ? `; the rules are: ${seen.join(', ')}` : ''}.`);
  },
});
