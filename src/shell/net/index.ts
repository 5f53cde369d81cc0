// The shell's network programs, by name. The sandbox host registers these with the shell and puts
// a NetHost (host.ts, vantages.ts) in each process's context.

import type { Program } from '../program.ts';
import { curl } from './curl.ts';

export function netPrograms(): Map<string, Program> {
  return new Map<string, Program>([['curl', curl]]);
}

export type { NetHost, NetFlavor, NetInterface } from './host.ts';
export { outsideHost, nodeHost, podHost } from './vantages.ts';
