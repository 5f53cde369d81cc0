// What the worker hosts: one sandbox (cluster + the machines around it) and, per terminal, a shell
// on the learner's machine (outside the cluster, kubectl configured).

import type { VirtualClock } from '../cluster/clock.ts';
import { Sandbox } from '../sandbox/sandbox.ts';
import { complete } from '../shell/index.ts';
import { summarize } from './cluster-summary.ts';
import type { ClusterSummary } from './protocol.ts';
import type { HostedShell } from './sandbox-host.ts';

export interface World {
  clock: VirtualClock;
  sandbox: Sandbox;
  summary(): ClusterSummary;
  newShell(id: string): HostedShell;
}

export function createWorld(opts: { seed?: number; startTime?: number } = {}): World {
  // The browser's clock is real time: the worker drives the cluster's clock from it.
  const sandbox = new Sandbox({ clock: 'realtime', seed: opts.seed, startTime: opts.startTime ?? Date.now() });
  return {
    clock: sandbox.cluster.clock,
    sandbox,
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
