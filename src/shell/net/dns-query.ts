// One DNS question to this machine's nameserver, as dig/nslookup/host send it: an absolute name
// and a type, no search path (the tools apply their own). CoreDNS answers cluster names
// authoritatively (flag aa, no ra); other names it forwards, as the host's resolver does.

import type { DnsRecord } from '../../cluster/network/dns.ts';
import type { NetHost } from './host.ts';

export type QType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'ANY' | 'MX' | 'TXT' | 'PTR' | 'NS' | 'SOA';

export interface DnsReply {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: DnsRecord[];
  authoritative: boolean;
  /** The SOA that proves a negative answer (authority section). */
  soa?: DnsRecord;
}

export interface Resolver {
  server: string;
  search: string[];
  ndots: number;
}

export function resolverOf(net: NetHost): Resolver {
  const conf = net.resolvConf ?? '';
  const search = /^search\s+(.+)$/m.exec(conf)?.[1].trim().split(/\s+/) ?? [];
  const server = /^nameserver\s+(\S+)/m.exec(conf)?.[1] ?? net.network.resolve(net.vantage, 'localhost.', 'A').server;
  const ndots = Number(/ndots:(\d+)/.exec(conf)?.[1] ?? 1);
  return { server, search, ndots };
}

/** Ask `server` (default: this machine's nameserver) one question. */
export function query(net: NetHost, name: string, type: QType, server?: string): DnsReply {
  const fq = name.endsWith('.') ? name : name + '.';
  const domain = net.network.config.clusterDomain;
  const a = net.network.resolve(net.vantage, fq, type === 'SRV' ? 'SRV' : 'A', server);
  const clusterServer = a.server === net.network.config.dnsServiceIP || (net.vantage.kind === 'pod' && !server);
  const inCluster = clusterServer && (fq.endsWith(`.${domain}.`) || fq === `${domain}.`);
  const soa: DnsRecord = inCluster
    ? { name: `${domain}.`, type: 'SOA' as DnsRecord['type'], ttl: 30, data: `ns.dns.${domain}. hostmaster.${domain}. 1767225600 7200 1800 86400 30` }
    : { name: '.', type: 'SOA' as DnsRecord['type'], ttl: 86400, data: 'a.root-servers.net. nstld.verisign-grs.com. 2026010100 1800 900 604800 86400' };
  if (a.status === 'NXDOMAIN') return { rcode: 'NXDOMAIN', answers: [], authoritative: inCluster, soa };
  let answers = a.records;
  if (type === 'AAAA' || type === 'MX' || type === 'TXT' || type === 'NS' || type === 'PTR') answers = answers.filter((r) => r.type === 'CNAME');
  else if (type === 'CNAME') answers = answers.filter((r) => r.type === 'CNAME');
  return { rcode: 'NOERROR', answers, authoritative: inCluster, soa: answers.length ? undefined : soa };
}

/** Names to try for `name`, in the order a resolver with this search path tries them. */
export function searchOrder(r: Resolver, name: string): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const searched = r.search.map((s) => `${name}.${s}.`);
  return dots >= r.ndots ? [name + '.', ...searched] : [...searched, name + '.'];
}

/** An address literal for PTR queries, or undefined. */
export function reverseName(ip: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  return m ? `${m[4]}.${m[3]}.${m[2]}.${m[1]}.in-addr.arpa.` : undefined;
}

/** Omit the final dot, as dns_name_format() does. */
export function display(name: string): string {
  return name.length > 1 ? name.replace(/\.$/, '') : name;
}
