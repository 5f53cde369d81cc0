// Test helper: run the fake kubectl with argv against a client, capturing stdout/stderr.

import type { ApiClient } from '../../cluster/apiserver/client.ts';
import type { Output, ProcessContext } from '../../shell/program.ts';
import { createKubectl } from '../index.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): Output & { text: string } {
  const o = { text: '', isTTY: false, write: (s: string) => void (o.text += s) };
  return o;
}

/** Run `kubectl <line>` (split on spaces, or pass an array). */
export async function kubectl(client: ApiClient | null, args: string | string[], signal?: AbortSignal): Promise<RunResult> {
  const argv = typeof args === 'string' ? (args === '' ? [] : args.split(' ')) : args;
  const stdout = sink();
  const stderr = sink();
  const ctx = {
    argv: ['kubectl', ...argv],
    stdin: { read: async () => null, readAll: async () => '', isTTY: false },
    stdout,
    stderr,
    env: { HOME: '/root' },
    cwd: '/root',
    fs: undefined as never,
    signal: signal ?? new AbortController().signal,
    sleep: async () => {},
    host: undefined,
  } satisfies ProcessContext;
  const prog = createKubectl(() => {
    if (!client) throw new Error('test: no cluster');
    return client;
  });
  const code = await prog(ctx);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
