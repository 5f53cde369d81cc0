// dig from bind9 (bin/dig/dig.c, dighost.c): the header, flags, sections in master-file columns
// (name 24, ttl 32, class 40, type 48 with 8-column tabs), the statistics footer; +short, +search,
// a query type as -t TYPE or as a bare argument.

import type { Program } from '../program.ts';
import { query, resolverOf, reverseName, searchOrder, type QType } from './dns-query.ts';
import { netHost } from './host.ts';

export const DIG_VERSION = '9.20.15';
const TYPES = new Set(['A', 'AAAA', 'SRV', 'CNAME', 'ANY', 'MX', 'TXT', 'PTR', 'NS', 'SOA']);

/** Display column of text with 8-column tabs. */
function column(text: string): number {
  let c = 0;
  for (const ch of text) c = ch === '\t' ? (Math.floor(c / 8) + 1) * 8 : c + 1;
  return c;
}

/** Pad `line` to `col` with tabs, or one space when it is already there (masterdump.c). */
function tabTo(line: string, col: number): string {
  let c = column(line);
  if (c >= col) return line + ' ';
  let out = line;
  while (c < col) {
    out += '\t';
    c = (Math.floor(c / 8) + 1) * 8;
  }
  return out;
}

export function rrLine(rr: { name: string; ttl: number; type: string; data: string }): string {
  let s = tabTo(rr.name, 24) + String(rr.ttl);
  s = tabTo(s, 32) + 'IN';
  s = tabTo(s, 40) + rr.type;
  return tabTo(s, 48) + rr.data;
}

export const dig: Program = async (ctx) => {
  const net = netHost(ctx, 'dig');
  if (!net) return 1;
  let short = false;
  let search = false;
  let type: QType = 'A';
  let name: string | undefined;
  let server: string | undefined;
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a === '+nosearch' || a === '+noall' || a === '+answer' || a.startsWith('+')) continue;
    else if (a === '-t') type = (argv[++i] ?? 'A').toUpperCase() as QType;
    else if (a === '-x') {
      name = reverseName(argv[++i] ?? '') ?? argv[i];
      type = 'PTR';
    } else if (a.startsWith('@')) server = a.slice(1);
    else if (TYPES.has(a.toUpperCase()) && name !== undefined) type = a.toUpperCase() as QType;
    else if (TYPES.has(a.toUpperCase()) && argv.slice(i + 1).some((x) => !x.startsWith('+') && !x.startsWith('@'))) type = a.toUpperCase() as QType;
    else name = a;
  }
  const res = resolverOf(net);
  const srv = server ?? res.server;
  name ??= '.';
  if (name === '.' && type === 'A') type = 'NS';
  const tries = search && net.vantage.kind === 'pod' ? searchOrder(res, name) : [name.endsWith('.') ? name : name + '.'];
  let fq = tries[0];
  let reply = query(net, fq, type, server);
  for (const t of tries.slice(1)) {
    if (reply.rcode === 'NOERROR') break;
    fq = t;
    reply = query(net, fq, type, server);
  }
  if (short) {
    ctx.stdout.write(reply.answers.map((r) => r.data + '\n').join(''));
    return 0;
  }
  const id = 1 + ((fq.length * 7919 + net.network.ephemeralPort()) % 65534);
  const flags = reply.authoritative ? 'qr aa rd' : 'qr rd ra';
  const authority = reply.soa ? [reply.soa] : [];
  let out = `\n; <<>> DiG ${DIG_VERSION} <<>> ${ctx.argv.slice(1).join(' ')}\n;; global options: +cmd\n;; Got answer:\n`;
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${id}\n`;
  out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: 1\n`;
  if (reply.authoritative) out += ';; WARNING: recursion requested but not available\n';
  out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n`;
  out += `;; QUESTION SECTION:\n${tabTo(tabTo(';' + fq, 32) + 'IN', 40)}${type}\n`;
  if (reply.answers.length) out += `\n;; ANSWER SECTION:\n${reply.answers.map((r) => rrLine(r) + '\n').join('')}`;
  if (authority.length) out += `\n;; AUTHORITY SECTION:\n${authority.map((r) => rrLine(r) + '\n').join('')}`;
  const size = 12 + fq.length + 5 + 11 + reply.answers.reduce((n, r) => n + 12 + (r.type === 'A' ? 4 : r.data.length + 2), 0) + authority.reduce((n, r) => n + 12 + r.data.length, 0);
  out += `\n;; Query time: 0 msec\n;; SERVER: ${srv}#53(${srv}) (UDP)\n;; WHEN: ${digWhen(net.now?.() ?? 0)}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  ctx.stdout.write(out);
  return 0;
};


/** strftime "%a %b %d %H:%M:%S %Z %Y" in UTC (containers run with TZ unset). */
function digWhen(at: number | undefined): string {
  const d = new Date(at ?? 0);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day} ${mon} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
