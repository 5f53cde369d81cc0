// Test fixture for the commands in apply/, describe/, rollout/, wait/, explain/: kubectl run against
// createCluster() with a virtual file system, stdin, and a sleep that advances the cluster's
// clock (as the CLI's run mode does), so polling commands see controllers make progress.

import { createCluster, type Cluster } from '../../../cluster/cluster.ts';
import type { Output, ProcessContext } from '../../../shell/program.ts';
import { VirtualFs } from '../../../shell/fs/vfs.ts';
import type { Command } from '../../command.ts';
import { runKubectl } from '../../root.ts';
import { COMMANDS } from '../registry.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestEnv {
  cluster: Cluster;
  fs: VirtualFs;
  /** Run `kubectl <args>` (split on spaces unless an array is given). */
  kubectl(args: string | string[], stdin?: string): Promise<RunResult>;
  write(path: string, text: string): void;
}

function sink(): Output & { text: string } {
  const o = { text: '', isTTY: false, write: (s: string) => void (o.text += s) };
  return o;
}

export function testEnv(extra: readonly Command[], seed = 1): TestEnv {
  const cluster = createCluster({ seed });
  const fs = new VirtualFs({ now: () => cluster.clock.now() });
  const names = new Set(extra.map((c) => c.name));
  const commands = [...COMMANDS.filter((c) => !names.has(c.name)), ...extra];
  return {
    cluster,
    fs,
    write: (path, text) => fs.writeFile(path, text),
    async kubectl(args, stdin = '') {
      const stdout = sink();
      const stderr = sink();
      let input: string | null = stdin;
      const ctx: ProcessContext = {
        argv: ['kubectl', ...(typeof args === 'string' ? args.split(' ').filter((a) => a !== '') : args)],
        stdin: {
          read: async () => {
            const s = input;
            input = null;
            return s === '' ? null : s;
          },
          readAll: async () => {
            const s = input ?? '';
            input = null;
            return s;
          },
          isTTY: false,
        },
        stdout,
        stderr,
        env: { HOME: '/root' },
        cwd: '/root',
        fs,
        signal: new AbortController().signal,
        sleep: async (ms) => cluster.clock.advance(ms),
        host: { now: () => cluster.clock.now() },
      };
      const code = await runKubectl(ctx, { commands, getClient: () => cluster.api });
      return { code, stdout: stdout.text, stderr: stderr.text };
    },
  };
}
