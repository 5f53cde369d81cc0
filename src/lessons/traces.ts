// Reading traffic traces as a lesson talks about them: "from outside, through the LoadBalancer,
// to a Pod of app=httpenv". Used by the request check and by answers ("which Pod answered?").

import type { Trace } from '../cluster/network/trace.ts';

export type Via = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'port-forward' | 'pod' | 'Ingress' | 'external';

/** How a request travelled: the outermost way in that its hops show. */
export function viaOf(t: Trace): Via | undefined {
  const kinds = new Set(t.hops.map((h) => h.kind));
  if (kinds.has('ingress')) return 'Ingress';
  if (kinds.has('port-forward')) return 'port-forward';
  if (kinds.has('load-balancer')) return 'LoadBalancer';
  if (t.result.kind === 'external') return 'external';
  const first = t.hops[0];
  if (kinds.has('dnat')) return first?.kind === 'node' && first.text.startsWith('arrives at node') ? 'NodePort' : 'ClusterIP';
  if (t.result.kind === 'connected' || kinds.has('pod')) return 'pod';
  return undefined;
}

/**
 * The Service a request went through (namespace/name), from its DNAT or load-balancer hop. Through
 * an Ingress it is the Service the rule sent it to, not the controller's own LoadBalancer.
 */
export function serviceOf(t: Trace): { namespace: string; name: string } | undefined {
  const hop = t.hops.find((h) => h.kind === 'ingress' && h.service) ?? t.hops.find((h) => h.service);
  return hop?.service ? { namespace: hop.service.namespace, name: hop.service.name } : undefined;
}

/** The node a request entered the cluster at (NodePort, load balancer), when it did. */
export function entryNode(t: Trace): string | undefined {
  return t.hops.find((h) => h.kind === 'load-balancer' || h.kind === 'node')?.node;
}

export function describeTrace(t: Trace): string {
  const where = t.from.kind === 'outside' ? 'your machine' : t.from.kind === 'node' ? `node ${t.from.node}` : `Pod ${t.from.pod?.name}`;
  const to = `${t.target.host}:${t.target.port}`;
  const r = t.result;
  switch (r.kind) {
    case 'connected':
      return `${t.tool ?? 'a request'} from ${where} to ${to} reached Pod ${r.pod.name}${viaOf(t) && viaOf(t) !== 'pod' ? ` through the ${viaOf(t)}` : ''}`;
    case 'external':
      return `${t.tool ?? 'a request'} from ${where} to ${to} left the cluster for ${r.host}`;
    case 'nxdomain':
      return `${t.tool ?? 'a lookup'} from ${where}: the name ${r.name} does not exist`;
    default:
      return `${t.tool ?? 'a request'} from ${where} to ${to} was ${r.kind === 'refused' ? 'refused' : r.kind === 'timeout' ? 'lost (timed out)' : 'unreachable'}`;
  }
}
