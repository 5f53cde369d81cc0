// `check: service` — a Service has the shape the step asks for: type, port, targetPort, nodePort,
// selector, externalName. Each mismatch is said the way `kubectl get svc` would show it.
import * as v from 'valibot';
import { R } from '../../cluster/apiserver/resources.ts';
import { defineCheck, fail, pass } from './types.ts';
import { selectorString } from '../state.ts';

const PortOrName = v.union([v.number(), v.string()]);

export default defineCheck({
  name: 'service',
  schema: v.strictObject({
    name: v.string(),
    namespace: v.optional(v.string()),
    type: v.optional(v.picklist(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'])),
    port: v.optional(v.number()),
    targetPort: v.optional(PortOrName),
    /** A number, or true for "some NodePort was allocated". */
    nodePort: v.optional(v.union([v.number(), v.boolean()])),
    selector: v.optional(v.union([v.string(), v.record(v.string(), v.string())])),
    externalName: v.optional(v.string()),
    /** The load balancer has given it an address (status.loadBalancer.ingress). */
    externalIP: v.optional(v.boolean()),
    externalTrafficPolicy: v.optional(v.picklist(['Cluster', 'Local'])),
  }),
  title: (p) => `A Service named ${p.name}${p.type ? ` of type ${p.type}` : ''}${p.port ? ` exposes port ${p.port}` : ' exists'}`,
  evaluate(p, ctx) {
    const ns = p.namespace ?? ctx.namespace;
    const svc = ctx.kube.get(R.services, ns, p.name);
    if (!svc) return fail(`There is no Service named ${p.name} in ${ns} yet (kubectl get svc lists them).`);
    const spec = svc.spec ?? {};
    const type = spec.type ?? 'ClusterIP';
    if (p.type && type !== p.type) return fail(`Service ${p.name} is of type ${type}, not ${p.type}. The type cannot be changed by exposing again: edit or patch it, or delete and re-create it.`);
    if (p.externalName && spec.externalName !== p.externalName) return fail(`Service ${p.name} points to ${spec.externalName ?? 'no external name'}, not ${p.externalName}.`);
    const ports: { port: number; targetPort?: number | string; nodePort?: number }[] = spec.ports ?? [];
    const port = p.port === undefined ? ports[0] : ports.find((x) => x.port === p.port);
    if (p.port !== undefined && !port) return fail(`Service ${p.name} exposes ${ports.map((x) => x.port).join(', ') || 'no ports'}, not port ${p.port}.`);
    if (p.targetPort !== undefined && (port?.targetPort ?? port?.port) !== p.targetPort)
      return fail(`Port ${port?.port} of ${p.name} sends to targetPort ${port?.targetPort ?? port?.port}, not ${p.targetPort}: the targetPort must be the port the container listens on.`);
    if (p.nodePort === true && !port?.nodePort) return fail(`Service ${p.name} has no NodePort: only NodePort and LoadBalancer Services open one on every node.`);
    if (typeof p.nodePort === 'number' && port?.nodePort !== p.nodePort) return fail(`Port ${port?.port} of ${p.name} has NodePort ${port?.nodePort ?? 'none'}, not ${p.nodePort}.`);
    if (p.selector !== undefined) {
      const want = selectorString(p.selector);
      const have = selectorString(spec.selector ?? {});
      if (want !== have) return fail(`Service ${p.name} selects ${have || 'nothing (no selector)'}, not ${want}.`);
    }
    if (p.externalTrafficPolicy && (spec.externalTrafficPolicy ?? 'Cluster') !== p.externalTrafficPolicy)
      return fail(`Service ${p.name} has externalTrafficPolicy ${spec.externalTrafficPolicy ?? 'Cluster'}, not ${p.externalTrafficPolicy}.`);
    if (p.externalIP) {
      const ingress = svc.status?.loadBalancer?.ingress ?? [];
      if (!ingress.length) return fail(`Service ${p.name} has no external address yet (EXTERNAL-IP shows <pending>): the load balancer has not given it one.`);
    }
    const shown = ports.map((x) => (x.nodePort ? `${x.port}:${x.nodePort}` : `${x.port}`)).join(',');
    return pass(`Service ${p.name} is a ${type}${shown ? ` on ${shown}` : ''}${type === 'ExternalName' ? ` → ${spec.externalName}` : ''}.`);
  },
});
