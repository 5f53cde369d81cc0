// hostname: the machine's name (a Pod's is its name); -i its addresses, -s the short name.

import type { Program } from '../program.ts';
import { netHost } from './host.ts';

export const hostname: Program = async (ctx) => {
  const net = netHost(ctx, 'hostname');
  if (!net) return 1;
  const flag = ctx.argv[1];
  if (flag === '-i' || flag === '--ip-address' || flag === '-I' || flag === '--all-ip-addresses') {
    const ips = net.interfaces.filter((i) => i.name !== 'lo').map((i) => i.ip);
    ctx.stdout.write(flag === '-I' || flag === '--all-ip-addresses' ? ips.join(' ') + ' \n' : ips.join(' ') + '\n');
    return 0;
  }
  if (flag === '-s' || flag === '--short') {
    ctx.stdout.write(net.hostname.split('.')[0] + '\n');
    return 0;
  }
  if (flag && flag.startsWith('-') && flag !== '-f' && flag !== '--fqdn') {
    ctx.stderr.write(`hostname: invalid option -- '${flag.replace(/^-+/, '')}'\n`);
    return 1;
  }
  ctx.stdout.write(net.hostname + '\n');
  return 0;
};
