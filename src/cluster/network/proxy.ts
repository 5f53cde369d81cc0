// kube-proxy in iptables mode, as a readable rule table: one entry per Service port, with the
// addresses that capture it (ClusterIP, NodePort on every node, load-balancer IPs) and its
// endpoints. Models pkg/proxy/iptables/proxier.go: endpoints are picked uniformly at random
// (each KUBE-SEP rule matches with probability 1/remaining), ClientIP affinity through the
// "recent" module, traffic policies choosing local endpoints only.

import type { KObject } from '../apiserver/types.ts';
import type { ClusterView } from './view.ts';

export interface ProxyEndpoint {
  ip: string;
  port: number;
  node: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  pod?: { namespace: string; name: string };
}

export interface ServicePortRule {
  /** KUBE-SVC-style chain name, stable per namespace/name:port (a readable stand-in for the hash). */
  chain: string;
  namespace: string;
  service: string;
  type: string;
  portName: string;
  protocol: string;
  port: number;
  clusterIP?: string; // undefined for headless/ExternalName
  nodePort?: number;
  loadBalancerIPs: string[];
  /** Load-balancer IPs with ipMode Proxy: kube-proxy leaves them to the load balancer. */
  proxyIPs: string[];
  externalIPs: string[];
  externalTrafficPolicy: 'Cluster' | 'Local';
  internalTrafficPolicy: 'Cluster' | 'Local';
  affinity: { clientIP: boolean; timeoutSeconds: number };
  endpoints: ProxyEndpoint[];
}

export function buildRules(view: ClusterView): ServicePortRule[] {
  const slicesBySvc = new Map<string, KObject[]>();
  for (const s of view.endpointSlices()) {
    const svc = s.metadata.labels?.['kubernetes.io/service-name'];
    if (!svc) continue;
    const key = s.metadata.namespace + '/' + svc;
    (slicesBySvc.get(key) ?? slicesBySvc.set(key, []).get(key)!).push(s);
  }
  const rules: ServicePortRule[] = [];
  for (const svc of view.services()) {
    const spec = svc.spec ?? {};
    if (spec.type === 'ExternalName') continue;
    const ns = svc.metadata.namespace!;
    const name = svc.metadata.name!;
    const headless = spec.clusterIP === 'None';
    for (const p of spec.ports ?? []) {
      const portName = p.name ?? '';
      const endpoints: ProxyEndpoint[] = [];
      for (const slice of slicesBySvc.get(ns + '/' + name) ?? []) {
        const sp = (slice.ports ?? []).find((x: { name?: string; protocol?: string }) => (x.name ?? '') === portName && (x.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
        if (!sp) continue;
        for (const ep of slice.endpoints ?? []) {
          for (const ip of ep.addresses ?? []) {
            endpoints.push({
              ip,
              port: sp.port,
              node: ep.nodeName ?? '',
              ready: ep.conditions?.ready !== false,
              serving: ep.conditions?.serving !== false,
              terminating: ep.conditions?.terminating === true,
              pod: ep.targetRef?.kind === 'Pod' ? { namespace: ep.targetRef.namespace ?? ns, name: ep.targetRef.name } : undefined,
            });
          }
        }
      }
      rules.push({
        chain: `KUBE-SVC-${ns}/${name}:${portName || p.port}`,
        namespace: ns,
        service: name,
        type: spec.type ?? 'ClusterIP',
        portName,
        protocol: p.protocol ?? 'TCP',
        port: p.port,
        clusterIP: headless ? undefined : spec.clusterIP,
        nodePort: p.nodePort,
        loadBalancerIPs: (svc.status?.loadBalancer?.ingress ?? []).map((i: { ip?: string }) => i.ip).filter(Boolean),
        proxyIPs: (svc.status?.loadBalancer?.ingress ?? []).filter((i: { ipMode?: string }) => i.ipMode === 'Proxy').map((i: { ip?: string }) => i.ip).filter(Boolean),
        externalIPs: spec.externalIPs ?? [],
        externalTrafficPolicy: spec.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster',
        internalTrafficPolicy: spec.internalTrafficPolicy === 'Local' ? 'Local' : 'Cluster',
        affinity: {
          clientIP: spec.sessionAffinity === 'ClientIP',
          timeoutSeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800,
        },
        endpoints,
      });
    }
  }
  return rules;
}

/**
 * Which endpoints a rule may send to, seen from a node: ready ones; for Local policies only those
 * on that node (falling back to serving-terminating ones as kube-proxy does when none is ready).
 */
export function usableEndpoints(rule: ServicePortRule, local: boolean, node: string): ProxyEndpoint[] {
  const pool = local ? rule.endpoints.filter((e) => e.node === node) : rule.endpoints;
  const ready = pool.filter((e) => e.ready);
  if (ready.length || !local) return ready;
  return pool.filter((e) => e.serving && e.terminating);
}
