// `check: deployment` — a Deployment wants (and has) so many replicas, with this image.
import * as v from 'valibot';
import { R } from '../../cluster/apiserver/resources.ts';
import { defineCheck, fail, pass } from './types.ts';

export default defineCheck({
  name: 'deployment',
  schema: v.strictObject({
    name: v.string(),
    namespace: v.optional(v.string()),
    replicas: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    /** Also require that many ready replicas (default: as many as `replicas`). */
    ready: v.optional(v.boolean()),
    image: v.optional(v.string()),
  }),
  title: (p) => `Deployment ${p.name}${p.replicas !== undefined ? ` runs ${p.replicas} replicas` : ' exists'}${p.image ? ` of ${p.image}` : ''}`,
  evaluate(p, ctx) {
    const ns = p.namespace ?? ctx.namespace;
    const d = ctx.kube.get(R.deployments, ns, p.name);
    if (!d) return fail(`There is no Deployment named ${p.name} in ${ns} yet.`);
    const want = d.spec?.replicas ?? 1;
    const ready = d.status?.readyReplicas ?? 0;
    if (p.image) {
      const images: string[] = (d.spec?.template?.spec?.containers ?? []).map((c: { image: string }) => c.image);
      if (!images.includes(p.image)) return fail(`Deployment ${p.name} runs ${images.join(', ')}, not ${p.image}.`);
    }
    if (p.replicas !== undefined && want !== p.replicas) return fail(`Deployment ${p.name} asks for ${want} replicas, not ${p.replicas} (kubectl scale changes it).`);
    if (p.ready !== false && ready < want) return fail(`Deployment ${p.name} has ${ready} of ${want} replicas ready: wait a moment, or look at its Pods.`);
    return pass(`Deployment ${p.name}: ${ready}/${want} ready.`);
  },
});
