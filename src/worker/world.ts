// What the worker hosts: the one cluster, and a shell session per terminal on it.
// DEVELOPMENT PLACEHOLDER for the shell (an echo loop) until src/shell/index.ts lands. Must not survive.

import type { VirtualClock } from '../cluster/clock.ts';
import { createCluster } from '../cluster/cluster.ts';
import { summarize } from './cluster-summary.ts';
import type { ClusterSummary } from './protocol.ts';
import type { HostedShell } from './sandbox-host.ts';

export interface World {
  clock: VirtualClock;
  summary(): ClusterSummary;
  newShell(id: string): HostedShell;
}

export function createWorld(): World {
  const cluster = createCluster();
  return {
    clock: cluster.clock,
    summary: () => summarize(cluster.api),
    newShell: () => ({
      async run(t) {
        for (;;) {
          const line = await t.readLine('$ ');
          if (line === null) return;
          if (line.startsWith('echo ')) t.write(line.slice(5) + '\n');
          else if (line === 'clear') t.clear();
          else if (line.startsWith('sleep'))
            await new Promise<void>((r) => {
              const off = t.onInterrupt(() => {
                off();
                r();
              });
            });
          else if (line) t.write(`${line.split(' ')[0]}: command not found\n`);
        }
      },
      complete: (line, cursor) => {
        const from = line.lastIndexOf(' ', cursor - 1) + 1;
        const word = line.slice(from, cursor);
        return { replaceFrom: from, candidates: ['echo', 'exit', 'kubectl', 'clear'].filter((w) => w.startsWith(word)) };
      },
    }),
  };
}
