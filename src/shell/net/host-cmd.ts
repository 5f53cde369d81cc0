// host from bind9 (bin/dig/host.c): one line per record — "has address", "is an alias for",
// "has SRV record" — with the resolver's search path; "Host X not found: 3(NXDOMAIN)".

import type { Program } from '../program.ts';
import { display, query, resolverOf, reverseName, searchOrder, type QType } from './dns-query.ts';
import { netHost } from './host.ts';

export const host: Program = async (ctx) => {
  const net = netHost(ctx, 'host');
  if (!net) return 1;
  let type: QType | undefined;
  const args: string[] = [];
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-t') type = (argv[++i] ?? 'A').toUpperCase() as QType;
    else if (argv[i] === '-a') type = 'ANY';
    else if (!argv[i].startsWith('-')) args.push(argv[i]);
  }
  if (!args.length) {
    ctx.stderr.write('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  const name = args[0];
  const ptr = reverseName(name);
  const res = resolverOf(net);
  const order = ptr ? [ptr] : searchOrder({ ...res, search: net.vantage.kind === 'pod' ? res.search : [] }, name);
  let out = '';
  let found = false;
  for (const fq of order) {
    const reply = query(net, fq, type ?? (ptr ? 'PTR' : 'A'));
    if (reply.rcode !== 'NOERROR') continue;
    found = true;
    for (const rr of reply.answers) {
      if (rr.type === 'A') out += `${display(rr.name)} has address ${rr.data}\n`;
      else if (rr.type === 'CNAME') out += `${display(rr.name)} is an alias for ${rr.data}\n`;
      else if (rr.type === 'SRV') out += `${display(rr.name)} has SRV record ${rr.data}\n`;
    }
    if (type && !reply.answers.some((r) => r.type === type)) out += `${display(fq)} has no ${type} record\n`;
    break;
  }
  if (!found) {
    ctx.stdout.write(`Host ${ptr ?? name} not found: 3(NXDOMAIN)\n`);
    return 1;
  }
  ctx.stdout.write(out);
  return 0;
};
