// Test fixtures for kubectl, in one place:
// - `sandbox()`: the whole kubectl against a fresh createCluster(), with a virtual file system,
//   optional stdin, and a sleep that advances the cluster's clock (as the CLI's run mode does), so
//   polling commands see controllers make progress; the host's `now` is that clock too.
// - `kubectl(client, args)`: kubectl against a bare ApiClient (or none), with no files or stdin.

import type { ApiClient } from '../../cluster/apiserver/client.ts';
import { createCluster, type Cluster } from '../../cluster/cluster.ts';
import { VirtualFs } from '../../shell/fs/vfs.ts';
import type { Input, Output, ProcessContext } from '../../shell/program.ts';
import { createKubectl } from '../index.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  cluster: Cluster;
  fs: VirtualFs;
  /** Run `kubectl <args>` (split as `words` does unless an array is given), with `stdin` as its input. */
  kubectl(args: string | string[], stdin?: string): Promise<RunResult>;
  write(path: string, text: string): void;
}

function sink(): Output & { text: string } {
  const o = { text: '', isTTY: false, write: (s: string) => void (o.text += s) };
  return o;
}

/** Split like a shell would for simple lines: white space separates, single quotes group. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** A non-terminal stdin holding `text`: read() hands it over once, then end of input. */
function input(text: string): Input {
  let rest: string | null = text;
  return {
    read: async () => {
      const s = rest;
      rest = null;
      return s === '' ? null : s;
    },
    readAll: async () => {
      const s = rest ?? '';
      rest = null;
      return s;
    },
    isTTY: false,
  };
}

async function runWith(getClient: () => ApiClient, argv: string[], ctx: Pick<ProcessContext, 'fs' | 'sleep' | 'host' | 'signal' | 'stdin'>): Promise<RunResult> {
  const stdout = sink();
  const stderr = sink();
  const code = await createKubectl(getClient)({ ...ctx, argv: ['kubectl', ...argv], stdout, stderr, env: { HOME: '/root' }, cwd: '/root' });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export function sandbox(seed = 1): Sandbox {
  const cluster = createCluster({ seed });
  const fs = new VirtualFs({ cwd: '/root', home: '/root', now: () => cluster.clock.now() });
  return {
    cluster,
    fs,
    write: (path, text) => fs.writeFile(path, text),
    kubectl: (args, stdin = '') =>
      runWith(() => cluster.api, typeof args === 'string' ? words(args) : args, {
        stdin: input(stdin),
        fs,
        signal: new AbortController().signal,
        sleep: async (ms) => void cluster.clock.advance(ms),
        host: { now: () => cluster.clock.now() },
      }),
  };
}

/** Run `kubectl <line>` against `client` (split on spaces, or pass an array). */
export function kubectl(client: ApiClient | null, args: string | string[], signal?: AbortSignal): Promise<RunResult> {
  const argv = typeof args === 'string' ? (args === '' ? [] : args.split(' ')) : args;
  const getClient = () => {
    if (!client) throw new Error('test: no cluster');
    return client;
  };
  return runWith(getClient, argv, {
    stdin: input(''),
    fs: undefined as never,
    signal: signal ?? new AbortController().signal,
    sleep: async () => {},
    host: undefined,
  });
}
