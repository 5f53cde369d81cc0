// DEVELOPMENT PLACEHOLDER until src/cluster/cluster.ts and src/shell/index.ts build: an echo loop
// and a fake summary. Must not survive.

import { VirtualClock } from '../cluster/clock.ts';
import type { ClusterSummary } from './protocol.ts';
import type { HostedShell } from './sandbox-host.ts';

export interface World {
  clock: VirtualClock;
  summary(): ClusterSummary;
  newShell(id: string): HostedShell;
}

export function createWorld(): World {
  const clock = new VirtualClock();
  return {
    clock,
    summary: () => ({ nodes: 3, nodesReady: 3, pods: 0, podsRunning: 0 }),
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
