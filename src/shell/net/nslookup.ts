// nslookup in two builds: bind9's (bin/dig/nslookup.c: netshoot, the learner's machine) and
// BusyBox's (networking/nslookup.c: busybox images), whose outputs differ in telling ways.

import type { Program } from '../program.ts';
import { display, query, resolverOf, searchOrder, type QType } from './dns-query.ts';
import { netHost, type NetHost } from './host.ts';

export const nslookup: Program = async (ctx) => {
  const net = netHost(ctx, 'nslookup');
  if (!net) return 1;
  let type: QType = 'A';
  const args: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    const m = /^-(?:type|query|q|t)=(\w+)$/i.exec(a);
    if (m) type = m[1].toUpperCase() as QType;
    else if (!a.startsWith('-')) args.push(a);
  }
  if (!args.length) {
    ctx.stderr.write(net.flavor === 'busybox' ? 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n' : '> ');
    return 1;
  }
  const r = net.flavor === 'busybox' ? busybox(net, args[0], type, args[1]) : bind(net, args[0], type, args[1]);
  ctx.stdout.write(r.out);
  return r.code;
};

function bind(net: NetHost, name: string, type: QType, server?: string): { out: string; code: number } {
  const res = { ...resolverOf(net), ...(server ? { server } : {}) };
  let out = `Server:\t\t${res.server}\nAddress:\t${res.server}#53\n\n`;
  let found: { fq: string; reply: ReturnType<typeof query> } | undefined;
  let last = '';
  for (const fq of searchOrder({ ...res, search: net.vantage.kind === 'pod' ? res.search : [] }, name)) {
    last = fq;
    const reply = query(net, fq, type, server);
    if (reply.rcode === 'NOERROR') {
      found = { fq, reply };
      break;
    }
  }
  if (!found) return { out: out + `** server can't find ${display(last)}: NXDOMAIN\n\n`, code: 1 };
  const { reply, fq } = found;
  if (!reply.authoritative) out += 'Non-authoritative answer:\n';
  if (!reply.answers.length) out += `*** Can't find ${display(fq)}: No answer\n`;
  for (const rr of reply.answers) {
    if (rr.type === 'A') out += `Name:\t${display(rr.name)}\nAddress: ${rr.data}\n`;
    else if (rr.type === 'CNAME') out += `${display(rr.name)}\tcanonical name = ${rr.data}\n`;
    else if (rr.type === 'SRV') out += `${display(rr.name)}\tservice = ${rr.data}\n`;
  }
  return { out: out + '\n', code: 0 };
}

/**
 * BusyBox sends every query at once — A then AAAA, each with every search domain appended when
 * the name has no dot (and never the bare name) — and prints each reply; any NXDOMAIN makes the
 * exit status 1, even when another query found the name.
 */
function busybox(net: NetHost, name: string, type: QType, server?: string): { out: string; code: number } {
  const res = { ...resolverOf(net), ...(server ? { server } : {}) };
  let out = `Server:\t\t${res.server}\nAddress:\t${res.server}:53\n\n`;
  let code = 0;
  const names = name.includes('.') || !res.search.length ? [name] : res.search.map((s) => `${name}.${s}`);
  const types: QType[] = type === 'A' ? ['A', 'AAAA'] : [type];
  for (const t of types) {
    for (const n of names) {
      const reply = query(net, n, t, server);
      if (reply.rcode !== 'NOERROR') {
        out += `** server can't find ${n}: NXDOMAIN\n\n`;
        code = 1;
        continue;
      }
      if (!reply.authoritative) out += 'Non-authoritative answer:\n';
      for (const rr of reply.answers) {
        if (rr.type === 'A') out += `Name:\t${display(rr.name)}\nAddress: ${rr.data}\n`;
        else if (rr.type === 'CNAME') out += `${display(rr.name)}\tcanonical name = ${display(rr.data)}\n`;
        else if (rr.type === 'SRV') out += `${display(rr.name)}\tservice = ${rr.data.replace(/\.$/, '')}\n`;
      }
      out += '\n';
    }
  }
  return { out, code };
}
