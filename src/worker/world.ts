// What the worker hosts: one sandbox (src/sandbox: the cluster and the machines around it) and, per
// terminal, a shell on the learner's laptop.

import type { VirtualClock } from '../cluster/clock.ts';
import { Sandbox } from '../sandbox/sandbox.ts';
import { complete } from '../shell/index.ts';
import { summarize } from './cluster-summary.ts';
import type { ClusterSummary } from './protocol.ts';
import type { HostedShell } from './sandbox-host.ts';

export interface World {
  clock: VirtualClock;
  summary(): ClusterSummary;
  newShell(id: string): HostedShell;
}

export function createWorld(): World {
  // As the CLI's interactive shell: real start time (AGE and timestamps look right) and a fresh
  // seed per visit. The clock is driven from real time by the worker entry.
  const sandbox = new Sandbox({ clock: 'realtime', startTime: Date.now(), seed: Date.now() % 2 ** 31 });
  return {
    clock: sandbox.cluster.clock,
    summary: () => summarize(sandbox.cluster.api),
    newShell: () => {
      const session = sandbox.laptopShell();
      return {
        run: (terminal) => session.repl(terminal),
        complete: (line, cursor) => complete(session, line, cursor),
      };
    },
  };
}
