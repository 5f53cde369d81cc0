// nc: netshoot's OpenBSD netcat (Debian/Alpine port: "Connection to H (IP) P port [tcp/svc]
// succeeded!") and BusyBox's. -z scans, -v reports, -w bounds the connect; without -z, stdin is
// sent and the reply printed (`echo PING | nc redis 6379`).

import type { Program } from '../program.ts';
import { writeHint } from './hint.ts';
import { netHost } from './host.ts';
import { lookupHost, lookupWhy } from './lookup.ts';
import { interrupted, KERNEL_CONNECT_TIMEOUT_MS, wait } from './wait.ts';

/** /etc/services names getservbyport() finds for the ports the sandbox serves. */
const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt' };

export const nc: Program = async (ctx) => {
  const net = netHost(ctx, 'nc');
  if (!net) return 1;
  const busybox = net.flavor === 'busybox';
  let zero = false, verbose = false, waitS: number | undefined;
  const rest: string[] = [];
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'z') zero = true;
        else if (c === 'v') verbose = true;
        else if (c === 'w') { waitS = Number(a.slice(j + 1) || argv[++i]); break; }
        else if (c === 'n' || c === 'u' || c === '4' || c === 'N' || c === 'q') continue;
      }
    } else rest.push(a);
  }
  const [host, portSpec] = rest;
  if (!host || !portSpec) {
    ctx.stderr.write(busybox ? 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n' : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n');
    return 1;
  }
  const [from, to] = portSpec.split('-').map(Number);
  const ports: number[] = [];
  for (let p = from; p <= (to || from); p++) ports.push(p);
  const found = lookupHost(net, host);
  if (!found.ok) {
    ctx.stderr.write(busybox ? `nc: bad address '${host}'\n` : `nc: getaddrinfo for host "${host}" port ${portSpec}: Name does not resolve\n`);
    writeHint(ctx.stderr, lookupWhy(net, host));
    return 1;
  }
  const ip = found.addresses[0];
  const named = host !== ip ? `${host} (${ip})` : host;
  let code = 0;
  const stdinData = zero ? '' : await ctx.stdin.readAll();
  for (const port of ports) {
    const dp = net.network.dataplane;
    const fail = (reason: string, why?: string) => {
      code = 1;
      if (busybox) ctx.stderr.write(`nc: can't connect to remote host (${ip}): ${reason}\n`);
      else if (verbose || !zero) ctx.stderr.write(`nc: connect to ${named} port ${port} (tcp) ${reason === 'timed out' ? 'timed out: Operation now in progress' : `failed: ${reason}`}\n`);
      writeHint(ctx.stderr, why);
    };
    if (zero) {
      const t = dp.record(dp.connect(net.vantage, ip, port, { host, tool: 'nc' }));
      const r = t.result.kind;
      if (r === 'connected' || (r === 'external' && [80, 443].includes(port))) {
        if (verbose) ctx.stderr.write(busybox ? `${host} (${ip}:${port}) open\n` : `Connection to ${named} ${port} port [tcp/${SERVICES[port] ?? '*'}] succeeded!\n`);
        continue;
      }
      if (r === 'refused') { fail('Connection refused', t.why); continue; }
      const limit = waitS !== undefined ? waitS * 1000 : KERNEL_CONNECT_TIMEOUT_MS;
      if (!(await wait(ctx, Math.min(limit, KERNEL_CONNECT_TIMEOUT_MS)))) return interrupted(ctx);
      fail(waitS !== undefined && !busybox ? 'timed out' : 'Operation timed out', t.why);
      continue;
    }
    const x = net.network.tcp(net.vantage, ip, port, stdinData, { host, tool: 'nc' });
    const r = x.trace.result.kind;
    if (r === 'connected') {
      if (verbose && !busybox) ctx.stderr.write(`Connection to ${named} ${port} port [tcp/${SERVICES[port] ?? '*'}] succeeded!\n`);
      if (x.reply) ctx.stdout.write(x.reply.replace(/\r\n/g, '\n'));
      continue;
    }
    if (r === 'refused') { fail('Connection refused', x.trace.why); continue; }
    const limit = waitS !== undefined ? waitS * 1000 : KERNEL_CONNECT_TIMEOUT_MS;
    if (!(await wait(ctx, Math.min(limit, KERNEL_CONNECT_TIMEOUT_MS)))) return interrupted(ctx);
    fail(waitS !== undefined && !busybox ? 'timed out' : 'Operation timed out', x.trace.why);
  }
  return code;
};
