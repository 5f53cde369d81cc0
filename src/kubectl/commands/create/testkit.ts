// Test helper for the write commands: the whole kubectl against a fresh createCluster(), with a
// virtual file system, optional stdin, and a sleep that advances the cluster's virtual clock.

import { createCluster, type Cluster } from '../../../cluster/cluster.ts';
import { VirtualFs } from '../../../shell/fs/vfs.ts';
import type { Output, ProcessContext } from '../../../shell/program.ts';
import { createKubectl } from '../../index.ts';

export interface Sandbox {
  cluster: Cluster;
  fs: VirtualFs;
  kubectl(args: string | string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }>;
}

function sink(): Output & { text: string } {
  const o = { text: '', isTTY: false, write: (s: string) => void (o.text += s) };
  return o;
}

/** Split like a shell would for simple lines: spaces separate, single quotes group. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

export function sandbox(seed = 1): Sandbox {
  const cluster = createCluster({ seed });
  const fs = new VirtualFs({ cwd: '/root', home: '/root', now: () => cluster.clock.now() });
  const prog = createKubectl(() => cluster.api);
  return {
    cluster,
    fs,
    async kubectl(args, stdin = '') {
      const stdout = sink();
      const stderr = sink();
      const ctx: ProcessContext = {
        argv: ['kubectl', ...(typeof args === 'string' ? words(args) : args)],
        stdin: { read: async () => null, readAll: async () => stdin, isTTY: false },
        stdout,
        stderr,
        env: { HOME: '/root' },
        cwd: '/root',
        fs,
        signal: new AbortController().signal,
        sleep: async (ms) => {
          cluster.clock.advance(ms);
        },
        host: undefined,
      };
      const code = await prog(ctx);
      return { code, stdout: stdout.text, stderr: stderr.text };
    },
  };
}
