// ip (iproute2): `ip addr` / `ip a` / `ip -4 a`, `ip route` / `ip r`, `ip link`. A Pod has lo and
// its end of a veth pair (eth0@ifN); routes follow a bridge/kindnet-style CNI (a /24 per node,
// a default route via the CIDR's .1). A node routes other nodes' Pod CIDRs via their addresses.

import type { Program } from '../program.ts';
import { netHost, type NetHost, type NetInterface } from './host.ts';
import { intToIp, parseCidr } from '../../cluster/network/addresses.ts';

function broadcast(cidr: string): string {
  const { base, bits } = parseCidr(cidr);
  return intToIp((base | (bits === 32 ? 0 : 0xffffffff >>> bits)) >>> 0);
}

/** EUI-64 link-local address from a MAC, as the kernel assigns it. */
function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] ^= 2;
  const w = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, 0xfe00 | b[3], (b[4] << 8) | b[5]];
  return 'fe80::' + w.map((x) => x.toString(16)).join(':');
}

function addr(i: NetInterface, family: '4' | '6' | undefined, linkOnly: boolean): string {
  const lo = i.name === 'lo';
  const name = i.peerIndex ? `${i.name}@if${i.peerIndex}` : i.name;
  const flags = lo ? '<LOOPBACK,UP,LOWER_UP>' : '<BROADCAST,MULTICAST,UP,LOWER_UP>';
  let s = `${i.index}: ${name}: ${flags} mtu ${i.mtu} qdisc noqueue state ${lo ? 'UNKNOWN' : 'UP'} ${lo ? 'group default qlen 1000' : 'group default'}\n`;
  s += lo ? `    link/loopback ${i.mac} brd 00:00:00:00:00:00\n` : `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff${i.peerIndex ? ' link-netnsid 0' : ''}\n`;
  if (linkOnly) return s;
  if (family !== '6') {
    s += lo ? `    inet ${i.cidr} scope host lo\n` : `    inet ${i.cidr} brd ${broadcast(i.cidr)} scope global ${i.name}\n`;
    s += '       valid_lft forever preferred_lft forever\n';
  }
  if (family !== '4') {
    s += lo ? '    inet6 ::1/128 scope host \n' : `    inet6 ${linkLocal(i.mac)}/64 scope link \n`;
    s += '       valid_lft forever preferred_lft forever\n';
  }
  return s;
}

function routes(net: NetHost): string {
  const eth = net.interfaces.find((i) => i.name !== 'lo');
  if (!eth) return '';
  const { base, bits } = parseCidr(eth.cidr);
  const network = `${intToIp(base)}/${bits}`;
  let s = net.gateway ? `default via ${net.gateway} dev ${eth.name} \n` : '';
  if (net.vantage.kind === 'pod') {
    s += `${network} via ${net.gateway} dev ${eth.name} src ${eth.ip} \n`;
    s += `${net.gateway} dev ${eth.name} scope link src ${eth.ip} \n`;
    return s;
  }
  if (net.vantage.kind === 'node') {
    // kindnet: a route per other node's Pod CIDR, via that node.
    for (const n of net.network.config.nodes) if (n.name !== net.vantage.node) s += `${n.podCIDR} via ${n.internalIP} dev ${eth.name} \n`;
  }
  return s + `${network} dev ${eth.name} proto kernel scope link src ${eth.ip} \n`;
}

export const ip: Program = async (ctx) => {
  const net = netHost(ctx, 'ip');
  if (!net) return 1;
  let family: '4' | '6' | undefined;
  const args: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    if (a === '-4' || a === '-6') family = a[1] as '4' | '6';
    else if (a === '-br' || a === '-c' || a === '-d') continue;
    else args.push(a);
  }
  const obj = args[0] ?? '';
  const is = (full: string) => obj.length > 0 && full.startsWith(obj);
  if (is('address') || obj === 'a' || is('addr')) {
    const dev = args.includes('dev') ? args[args.indexOf('dev') + 1] : args[1] === 'show' && args[2] ? args[2] : undefined;
    const list = net.interfaces.filter((i) => !dev || i.name === dev);
    if (dev && !list.length) {
      ctx.stderr.write(`Device "${dev}" does not exist.\n`);
      return 1;
    }
    ctx.stdout.write(list.map((i) => addr(i, family, false)).join(''));
    return 0;
  }
  if (is('link') || obj === 'l') {
    ctx.stdout.write(net.interfaces.map((i) => addr(i, family, true)).join(''));
    return 0;
  }
  if (is('route') || obj === 'r' || obj === 'ro') {
    ctx.stdout.write(routes(net));
    return 0;
  }
  if (!obj) {
    ctx.stderr.write('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | stats | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n');
    return 255;
  }
  ctx.stderr.write(`Object "${obj}" is unknown, try "ip help".\n`);
  return 255;
};

