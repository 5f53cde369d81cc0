// Cluster DNS as CoreDNS's kubernetes plugin answers it (kubernetes/dns docs/specification.md),
// plus the Pod resolver's search path (ndots:5). Names outside the cluster resolve only from a
// small table of well-known hosts: the sandbox has no internet.

import type { ClusterConfig } from '../config.ts';
import type { KObject } from '../apiserver/types.ts';
import type { ClusterView } from './view.ts';
import type { Vantage } from './trace.ts';

export interface DnsRecord {
  name: string; // fully qualified, with trailing dot
  type: 'A' | 'CNAME' | 'SRV' | 'PTR';
  ttl: number;
  data: string; // address, target name, or "priority weight port target"
}

export interface DnsAnswer {
  /** The name as asked. */
  query: string;
  /** The fully qualified name that answered (after the search path), or undefined. */
  fqdn?: string;
  records: DnsRecord[];
  /** Fully qualified names tried, in order (for dig +search / teaching). */
  tried: string[];
  status: 'NOERROR' | 'NXDOMAIN';
  /** Which server answered: kube-dns for Pods, the host's resolver elsewhere. */
  server: string;
}

/** Hosts "on the internet" the sandbox knows, for ExternalName and curl from the outside. */
export const EXTERNAL_HOSTS: Record<string, string> = {
  'example.com': '93.184.215.14',
  'www.example.com': '93.184.215.14',
  'example.org': '93.184.215.14',
};

const TTL = 30; // CoreDNS's default in minikube's Corefile

export function searchPath(config: ClusterConfig, namespace: string): string[] {
  const d = config.clusterDomain;
  return [`${namespace}.svc.${d}`, `svc.${d}`, d];
}

/** /etc/resolv.conf inside a Pod with dnsPolicy ClusterFirst. */
export function podResolvConf(config: ClusterConfig, namespace: string): string {
  return `search ${searchPath(config, namespace).join(' ')}\nnameserver ${config.dnsServiceIP}\noptions ndots:5\n`;
}

/**
 * Answer `name` as the resolver at `from` would. `server` is the nameserver a tool was told to ask
 * (`dig @10.96.0.10`, `nslookup NAME 10.96.0.10`): asking kube-dns from a node gets cluster
 * answers too, though the node's own resolver does not know the cluster's names.
 */
export function resolve(view: ClusterView, config: ClusterConfig, from: Vantage, name: string, type: 'A' | 'SRV' | 'ANY' = 'A', askServer?: string): DnsAnswer {
  const q = name.toLowerCase();
  const clusterDns = askServer ? from.kind !== 'outside' && isClusterDns(view, config, askServer) : from.kind === 'pod';
  const inPod = from.kind === 'pod' && !askServer;
  const server = askServer ?? (from.kind === 'pod' ? config.dnsServiceIP : from.kind === 'node' ? '192.168.49.1' : '127.0.0.53');
  const tried: string[] = [];
  const candidates: string[] = [];
  const absolute = q.endsWith('.');
  const bare = absolute ? q.slice(0, -1) : q;
  const dots = bare.split('.').length - 1;
  if (inPod && !absolute) {
    const search = searchPath(config, from.pod!.namespace);
    if (dots < 5) candidates.push(...search.map((s) => `${bare}.${s}`), bare);
    else candidates.push(bare, ...search.map((s) => `${bare}.${s}`));
  } else candidates.push(bare);

  for (const c of candidates) {
    tried.push(c + '.');
    const records = clusterDns ? lookupCluster(view, config, c, type) ?? lookupExternal(c) : lookupExternal(c);
    if (records) return { query: name, fqdn: c + '.', records, tried, status: 'NOERROR', server };
  }
  return { query: name, records: [], tried, status: 'NXDOMAIN', server };
}

/** kube-dns' ClusterIP, or a CoreDNS Pod's own address. */
function isClusterDns(view: ClusterView, config: ClusterConfig, ip: string): boolean {
  if (ip === config.dnsServiceIP) return true;
  return view.pods('kube-system').some((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns' && p.status?.podIP === ip);
}

function lookupExternal(name: string): DnsRecord[] | undefined {
  if (name === 'localhost') return [{ name: 'localhost.', type: 'A', ttl: 0, data: '127.0.0.1' }];
  const ip = EXTERNAL_HOSTS[name];
  return ip ? [{ name: name + '.', type: 'A', ttl: 300, data: ip }] : undefined;
}

/** Answers for a name inside the cluster domain; undefined when CoreDNS would say NXDOMAIN. */
function lookupCluster(view: ClusterView, config: ClusterConfig, name: string, type: 'A' | 'SRV' | 'ANY'): DnsRecord[] | undefined {
  const domain = config.clusterDomain;
  if (!name.endsWith('.' + domain)) return undefined;
  const labels = name.slice(0, -(domain.length + 1)).split('.');
  const fq = name + '.';
  // <a-b-c-d>.<ns>.pod.<domain>
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = labels[0].replace(/-/g, '.');
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) || !view.store.peek('/namespaces', undefined, labels[1])) return undefined;
    return [{ name: fq, type: 'A', ttl: TTL, data: ip }];
  }
  // _<port>._<proto>.<svc>.<ns>.svc.<domain>
  if (labels.length === 5 && labels[4] === 'svc' && labels[0].startsWith('_') && labels[1].startsWith('_')) {
    const svc = view.service(labels[3], labels[2]);
    if (!svc) return undefined;
    const port = (svc.spec?.ports ?? []).find(
      (p: { name?: string; protocol?: string }) => p.name === labels[0].slice(1) && (p.protocol ?? 'TCP').toLowerCase() === labels[1].slice(1),
    );
    if (!port) return undefined;
    const target = `${labels[2]}.${labels[3]}.svc.${domain}.`;
    return [{ name: fq, type: 'SRV', ttl: TTL, data: `0 100 ${port.port} ${target}` }];
  }
  // <svc>.<ns>.svc.<domain>
  if (labels.length === 3 && labels[2] === 'svc') {
    const svc = view.service(labels[1], labels[0]);
    if (!svc) return undefined;
    if (type === 'SRV') return srvRecords(svc, domain);
    return serviceRecords(view, svc, fq);
  }
  return undefined;
}

function serviceRecords(view: ClusterView, svc: KObject, fq: string): DnsRecord[] | undefined {
  const spec = svc.spec ?? {};
  if (spec.type === 'ExternalName') {
    const target = String(spec.externalName ?? '').replace(/\.$/, '');
    const recs: DnsRecord[] = [{ name: fq, type: 'CNAME', ttl: TTL, data: target + '.' }];
    const ext = lookupExternal(target);
    if (ext) recs.push(...ext);
    return recs;
  }
  if (spec.clusterIP === 'None') {
    // Headless: one A record per ready endpoint address (CoreDNS reads EndpointSlices).
    const ips = new Set<string>();
    for (const s of view.endpointSlices(svc.metadata.namespace))
      if (s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)
        for (const ep of s.endpoints ?? []) if (ep.conditions?.ready !== false) for (const a of ep.addresses ?? []) ips.add(a);
    if (!ips.size) return undefined;
    return [...ips].sort().map((ip) => ({ name: fq, type: 'A' as const, ttl: TTL, data: ip }));
  }
  if (!spec.clusterIP) return undefined;
  return [{ name: fq, type: 'A', ttl: TTL, data: spec.clusterIP }];
}

function srvRecords(svc: KObject, domain: string): DnsRecord[] | undefined {
  const named = (svc.spec?.ports ?? []).filter((p: { name?: string }) => p.name);
  if (!named.length) return undefined;
  const target = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${domain}.`;
  return named.map((p: { name: string; port: number; protocol?: string }) => ({
    name: `_${p.name}._${(p.protocol ?? 'TCP').toLowerCase()}.${target}`,
    type: 'SRV' as const,
    ttl: TTL,
    data: `0 100 ${p.port} ${target}`,
  }));
}
