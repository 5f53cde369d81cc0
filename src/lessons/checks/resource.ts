// `check: resource` — an object exists: "a Deployment named web exists".
import * as v from 'valibot';
import { defineCheck, fail, pass } from './types.ts';
import { resourceOf } from '../state.ts';

export default defineCheck({
  name: 'resource',
  schema: v.strictObject({ kind: v.string(), name: v.string(), namespace: v.optional(v.string()) }),
  title: (p) => `A ${p.kind} named ${p.name} exists`,
  evaluate(p, ctx) {
    const ref = resourceOf(p.kind);
    if (!ref) return fail(`Unknown kind ${p.kind} in the lesson (a lesson bug).`);
    const ns = p.namespace ?? ctx.namespace;
    const obj = ctx.kube.get(ref, ns, p.name);
    if (obj) return pass(`${p.kind} ${p.name} exists${ref.namespaced ? ` in ${ns}` : ''}.`);
    return fail(`There is no ${p.kind} named ${p.name}${ref.namespaced ? ` in namespace ${ns}` : ''} yet.`);
  },
});
