// The shell's network programs, by name. The sandbox host registers these with the shell and puts
// a NetHost (host.ts, vantages.ts) in each process's context; programsFor() says which of them an
// image has (busybox images have no curl, dig, host or redis-cli).

import type { Program } from '../program.ts';
import { curl } from './curl.ts';
import { dig } from './dig.ts';
import { host } from './host-cmd.ts';
import type { NetFlavor } from './host.ts';
import { hostname } from './hostname.ts';
import { ip } from './ip.ts';
import { mongosh } from './mongosh.ts';
import { nc } from './nc.ts';
import { nslookup } from './nslookup.ts';
import { ping } from './ping.ts';
import { redisCli } from './redis-cli.ts';
import { wget } from './wget.ts';

export function netPrograms(): Map<string, Program> {
  return new Map<string, Program>([
    ['curl', curl],
    ['wget', wget],
    ['nslookup', nslookup],
    ['dig', dig],
    ['host', host],
    ['ping', ping],
    ['nc', nc],
    ['ip', ip],
    ['hostname', hostname],
    ['redis-cli', redisCli],
    ['mongosh', mongosh],
  ]);
}

const BUSYBOX = new Set(['wget', 'nslookup', 'ping', 'nc', 'ip', 'hostname']);

/** The network programs a machine of this flavour has. */
export function programsFor(flavor: NetFlavor): Map<string, Program> {
  const all = netPrograms();
  if (flavor !== 'busybox') return all;
  return new Map([...all].filter(([name]) => BUSYBOX.has(name)));
}

export type { NetHost, NetFlavor, NetInterface } from './host.ts';
export { outsideHost, nodeHost, podHost } from './vantages.ts';
