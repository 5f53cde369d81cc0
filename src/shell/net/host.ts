// What the network programs (curl, wget, nslookup, dig, host, ping, nc, ip, hostname, redis-cli)
// need from the sandbox: the network, where they stand, and that machine's name and interfaces.
// The sandbox host puts a NetHost in ProcessContext.host; vantages.ts builds one per machine.

import type { NetworkService } from '../../cluster/network/service.ts';
import type { Vantage } from '../../cluster/network/trace.ts';
import type { ProcessContext } from '../program.ts';

/**
 * Which build of the tools this machine has: netshoot (curl 8, bind9 nslookup/dig/host, iputils
 * ping, OpenBSD nc), busybox (applets with their own output), or the learner's own Linux machine.
 */
export type NetFlavor = 'netshoot' | 'busybox' | 'host';

export interface NetInterface {
  name: string; // eth0, lo, …
  /** Interface index as `ip addr` numbers it (lo is 1). */
  index: number;
  /** For a veth end: the peer's index on the node (`eth0@if7`). */
  peerIndex?: number;
  ip: string;
  /** The address with its prefix length, e.g. 10.244.1.5/24. */
  cidr: string;
  mac: string;
  mtu: number;
}

export interface NetHost {
  network: NetworkService;
  vantage: Vantage;
  /** This machine's hostname (the Pod name inside a Pod). */
  hostname: string;
  /** /etc/resolv.conf content (Pods with dnsPolicy ClusterFirst). */
  resolvConf?: string;
  interfaces: NetInterface[];
  /** The default route's gateway. */
  gateway?: string;
  flavor: NetFlavor;
  /** The sandbox clock (ms since epoch), for tools that print the time (dig's WHEN). */
  now?: () => number;
}

/** The NetHost of this process, or undefined (after printing why) when the sandbox gave none. */
export function netHost(ctx: ProcessContext, program: string): NetHost | undefined {
  const h = ctx.host as Partial<NetHost> | undefined;
  if (h && h.network && h.vantage) return { flavor: 'netshoot', interfaces: [], hostname: 'localhost', ...h } as NetHost;
  ctx.stderr.write(`${program}: no network in this sandbox session\n`);
  return undefined;
}
