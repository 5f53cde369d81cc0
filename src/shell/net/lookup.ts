// Name → addresses, as getaddrinfo() answers a program on this machine: literals as they are,
// localhost, then the resolver (cluster DNS with the search path inside a Pod; the host's own
// resolver, which knows only the sandbox's "internet", elsewhere).

import { isIPv4 } from '../../cluster/network/addresses.ts';
import type { DnsAnswer } from '../../cluster/network/dns.ts';
import type { NetHost } from './host.ts';

export type Lookup =
  | { ok: true; addresses: string[]; answer?: DnsAnswer }
  | { ok: false; answer: DnsAnswer };

export function isIPv6(s: string): boolean {
  return s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s);
}

export function lookupHost(host: NetHost, name: string): Lookup {
  if (isIPv4(name) || isIPv6(name)) return { ok: true, addresses: [name] };
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower === 'localhost' || lower === 'localhost.localdomain') return { ok: true, addresses: ['127.0.0.1'] };
  if (lower === host.hostname.toLowerCase()) {
    const eth = host.interfaces.find((i) => i.name !== 'lo');
    if (eth) return { ok: true, addresses: [eth.ip] }; // /etc/hosts has the machine's own name
  }
  const answer = host.network.resolve(host.vantage, name, 'A');
  const addresses = answer.records.filter((r) => r.type === 'A').map((r) => r.data);
  if (answer.status !== 'NOERROR' || !addresses.length) return { ok: false, answer };
  return { ok: true, addresses, answer };
}

/** Why a name did not resolve, in the model's words, for the hint line (undefined: no hint). */
export function lookupWhy(host: NetHost, name: string): string | undefined {
  if (host.vantage.kind === 'pod') {
    return undefined;
  }
  // Outside a Pod there is no cluster DNS: Service names mean nothing on a node or on your machine.
  if (!name.includes('.') || /\.svc(\.|$)|cluster\.local\.?$/.test(name)) {
    const where = host.vantage.kind === 'node' ? 'a node' : 'your machine';
    return `${name} would be resolved by cluster DNS (CoreDNS), which only Pods use; ${where} does not know Service names. Use an IP and port that reach the cluster from here, or run the command inside a Pod.`;
  }
  return undefined;
}
