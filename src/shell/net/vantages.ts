// A NetHost for each kind of machine the learner can stand on: their own machine outside the
// cluster, a node, a Pod. Interfaces follow a kindnet/bridge-style CNI: a Pod's eth0 is a veth
// with a /24 from its node's Pod CIDR and a default route via the CIDR's .1; nodes sit on the
// 192.168.49.0/24 network of minikube's docker driver.

import type { Clock } from '../../cluster/clock.ts';
import type { KObject } from '../../cluster/apiserver/types.ts';
import { podResolvConf } from '../../cluster/network/dns.ts';
import { OUTSIDE_IP } from '../../cluster/network/addresses.ts';
import type { NetworkService } from '../../cluster/network/service.ts';
import { nodeIP } from '../../cluster/network/view.ts';
import type { NetFlavor, NetHost, NetInterface } from './host.ts';

const LO: NetInterface = { name: 'lo', index: 1, ip: '127.0.0.1', cidr: '127.0.0.1/8', mac: '00:00:00:00:00:00', mtu: 65536 };

/** A stable, locally administered MAC from a seed string (the same object gives the same MAC). */
export function macFor(seed: string, prefix = '02:42'): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  const b = [h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255].map((x) => x.toString(16).padStart(2, '0'));
  return `${prefix}:${b.join(':')}`;
}

export function outsideHost(network: NetworkService, hostname = 'laptop', clock?: Clock): NetHost {
  return {
    network,
    now: clock && (() => clock.now()),
    vantage: { kind: 'outside', ip: OUTSIDE_IP },
    hostname,
    interfaces: [LO, { name: 'eth0', index: 2, ip: OUTSIDE_IP, cidr: `${OUTSIDE_IP}/24`, mac: macFor(hostname), mtu: 1500 }],
    gateway: '192.168.49.254',
    flavor: 'host',
  };
}

export function nodeHost(network: NetworkService, node: KObject, clock?: Clock): NetHost {
  const ip = nodeIP(node);
  const name = node.metadata.name!;
  return {
    network,
    now: clock && (() => clock.now()),
    vantage: { kind: 'node', ip, node: name },
    hostname: name,
    interfaces: [LO, { name: 'eth0', index: 2, peerIndex: 3, ip, cidr: `${ip}/24`, mac: macFor(name), mtu: 1500 }],
    gateway: OUTSIDE_IP,
    flavor: 'host',
  };
}

export function podHost(network: NetworkService, pod: KObject, flavor: NetFlavor = 'netshoot', clock?: Clock): NetHost {
  const ip: string = pod.status?.podIP ?? '';
  const ns = pod.metadata.namespace!;
  const octets = ip.split('.');
  const gateway = octets.length === 4 ? `${octets[0]}.${octets[1]}.${octets[2]}.1` : undefined;
  // The node's end of the veth: a small index that differs per Pod, as `eth0@if7` shows.
  const peer = 5 + (Number(octets[3] ?? 0) % 50);
  return {
    network,
    now: clock && (() => clock.now()),
    vantage: { kind: 'pod', ip, node: pod.spec?.nodeName, pod: { namespace: ns, name: pod.metadata.name! } },
    hostname: pod.spec?.hostname ?? pod.metadata.name!,
    resolvConf: podResolvConf(network.config, ns),
    interfaces: [LO, { name: 'eth0', index: 2, peerIndex: peer, ip, cidr: `${ip}/24`, mac: macFor(pod.metadata.uid ?? pod.metadata.name!, '0a:58'), mtu: 1500 }],
    gateway,
    flavor,
  };
}
