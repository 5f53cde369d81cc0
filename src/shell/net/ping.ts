// ping: iputils (netshoot, nodes, the learner's machine) and BusyBox's applet. ICMP echo reaches
// Pods and nodes; a ClusterIP never answers, since kube-proxy translates only TCP/UDP/SCTP to a
// Service's ports — the classic surprise, explained in a hint after the statistics.

import { cidrContains } from '../../cluster/network/addresses.ts';
import type { Trace } from '../../cluster/network/trace.ts';
import type { Program } from '../program.ts';
import { writeHint } from './hint.ts';
import { netHost } from './host.ts';
import { lookupHost, lookupWhy } from './lookup.ts';
import { interrupted, wait } from './wait.ts';

/** iputils waits this long for the last reply when nothing came back (-W default). */
const LINGER_MS = 10_000;

export const ping: Program = async (ctx) => {
  const net = netHost(ctx, 'ping');
  if (!net) return 1;
  const busybox = net.flavor === 'busybox';
  let count = Infinity;
  let target: string | undefined;
  let quiet = false;
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c') count = Number(argv[++i]);
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s' || a === '-t') i++;
    else if (a === '-q') quiet = true;
    else if (a === '-4' || a === '-n') continue;
    else target = a;
  }
  if (!target) {
    ctx.stderr.write(busybox ? 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n');
    return busybox ? 1 : 2;
  }
  const found = lookupHost(net, target);
  if (!found.ok) {
    ctx.stderr.write(busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: Name or service not known\n`);
    writeHint(ctx.stderr, lookupWhy(net, target));
    return busybox ? 1 : 2;
  }
  const ip = found.addresses[0];
  const shown = found.answer?.fqdn ? found.answer.fqdn.replace(/\.$/, '') : target;
  ctx.stdout.write(busybox ? `PING ${shown} (${ip}): 56 data bytes\n` : `PING ${shown} (${ip}) 56(84) bytes of data.\n`);
  const rtts: number[] = [];
  let sent = 0;
  let last: Trace | undefined;
  let stopped = false;
  while (sent < count) {
    const seq = sent + 1;
    sent++;
    last = net.network.ping(net.vantage, ip);
    const reply = answers(last, net.network.config.serviceCIDR, ip);
    if (reply && !quiet) {
      const rtt = roundTrip(last, seq);
      rtts.push(rtt);
      ctx.stdout.write(`64 bytes from ${ip}: ${busybox ? `seq=${seq - 1}` : `icmp_seq=${seq}`} ttl=${ttl(last)} time=${rtt.toFixed(3)} ms\n`);
    } else if (reply) rtts.push(roundTrip(last, seq));
    else if (last.result.kind === 'unreachable' && !busybox) ctx.stdout.write(`From ${net.vantage.ip} icmp_seq=${seq} Destination Host Unreachable\n`);
    const pause = sent < count ? 1000 : reply ? 0 : LINGER_MS;
    if (!(await wait(ctx, pause))) {
      stopped = true;
      break;
    }
  }
  if (stopped) {
    if (ctx.signal.aborted && sent === 0) return interrupted(ctx);
  }
  const rx = rtts.length;
  const loss = sent ? Math.round(((sent - rx) * 100) / sent) : 0;
  let out = `\n--- ${shown} ping statistics ---\n`;
  const min = Math.min(...rtts), max = Math.max(...rtts), avg = rtts.reduce((a, b) => a + b, 0) / (rx || 1);
  if (busybox) {
    out += `${sent} packets transmitted, ${rx} packets received, ${loss}% packet loss\n`;
    if (rx) out += `round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n`;
  } else {
    out += `${sent} packets transmitted, ${rx} received, ${loss}% packet loss, time ${Math.max(0, sent - 1) * 1000 + (sent > 1 ? 3 * (sent - 1) : 0)}ms\n`;
    if (rx) {
      const mdev = Math.sqrt(rtts.reduce((a, r) => a + (r - avg) ** 2, 0) / rx);
      out += `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n`;
    }
  }
  ctx.stdout.write(out);
  if (!rx) writeHint(ctx.stderr, whyNoReply(last, net.network.config.serviceCIDR, ip));
  return rx ? 0 : 1;
};

/** A ClusterIP has no host behind it: iptables' DNAT rules match TCP/UDP/SCTP only. */
function answers(t: Trace, serviceCIDR: string, ip: string): boolean {
  if (t.result.kind !== 'connected' && t.result.kind !== 'external') return false;
  return !cidrContains(serviceCIDR, ip) && !t.hops.some((h) => h.kind === 'dnat');
}

function whyNoReply(t: Trace | undefined, serviceCIDR: string, ip: string): string | undefined {
  if (cidrContains(serviceCIDR, ip))
    return `${ip} is a Service's ClusterIP: kube-proxy forwards only the Service's TCP/UDP ports, so nothing answers ping there. Test a Service with curl or nc; ping Pod IPs.`;
  return t?.why;
}

function ttl(t: Trace): number {
  if (t.result.kind !== 'connected') return 64;
  const crossNode = t.hops.some((h) => h.kind === 'node' && h.text.startsWith('routed to node'));
  return crossNode && t.from.kind === 'pod' ? 62 : crossNode ? 63 : 64;
}

/** A plausible round trip: tens of microseconds on one node, a few hundred across nodes. */
function roundTrip(t: Trace, seq: number): number {
  const cross = t.hops.some((h) => h.kind === 'node');
  const jitter = ((seq * 37 + t.id * 11) % 29) / 1000;
  return (cross ? 0.21 : 0.041) + jitter;
}
