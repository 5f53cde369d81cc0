// Our kubectl, run in-process against emulator B exactly as real kubectl runs against emulator A:
// the same seed, the same kubeconfig (server URL included) and the same "settle after every
// successful write" rule the HTTP facade applies, so both clusters see the same writes at the
// same virtual instants and draw the same names and IPs.

import { isDryRun } from '../../../src/cluster/apiserver/dry-run.ts';
import type { ApiClient } from '../../../src/cluster/apiserver/client.ts';
import type { ApiRequest, ApiResponse } from '../../../src/cluster/apiserver/types.ts';
import { createKubectl } from '../../../src/kubectl/index.ts';
import { DEFAULT_KUBECONFIG } from '../../../src/kubectl/config.ts';
import { createDefaultPrograms } from '../../../src/shell/commands/registry.ts';
import { VirtualFs } from '../../../src/shell/fs/vfs.ts';
import type { Output, ProcessContext } from '../../../src/shell/program.ts';
import type { KubectlResult } from './real-kubectl.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SettlingCluster {
  api: ApiClient;
  settle(maxMs?: number): number;
}

/**
 * The client our kubectl gets: requests pass through; successful writes settle, as in facade.ts.
 * Everything else (watch, stream, whatever ApiClient grows) is the server's own method.
 */
export function settlingClient(cluster: SettlingCluster): ApiClient {
  const request = (req: ApiRequest): ApiResponse => {
    const out = cluster.api.request(req);
    if (WRITES.has(req.method) && out.status < 400 && !isDryRun(req)) cluster.settle();
    return out;
  };
  return new Proxy(cluster.api, {
    get(target, prop) {
      if (prop === 'request') return request;
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

function sink(): Output & { text: string } {
  const o = { text: '', isTTY: false, write: (s: string) => void (o.text += s) };
  return o;
}

export interface OurKubectl {
  fs: VirtualFs;
  kubectl(argv: string[], opts?: { stdin?: string; env?: Record<string, string>; timeoutMs?: number }): Promise<KubectlResult>;
}

/** Our kubectl bound to a cluster; `server` is the facade's URL so kubeconfig output matches. */
export function ourKubectl(cluster: SettlingCluster, server: string): OurKubectl {
  const client = settlingClient(cluster);
  const fs = new VirtualFs({ now: () => 0 });
  const kubeconfig = { ...DEFAULT_KUBECONFIG, server, namespace: 'default' };
  const program = createKubectl(() => client, { kubeconfig: () => kubeconfig });
  const programs = createDefaultPrograms();
  return {
    fs,
    async kubectl(argv, opts = {}) {
      const stdout = sink();
      const stderr = sink();
      const abort = new AbortController();
      const stdinText = opts.stdin ?? '';
      let stdinRead = false;
      const ctx: ProcessContext = {
        argv: ['kubectl', ...argv],
        stdin: {
          read: async () => (stdinRead ? null : ((stdinRead = true), stdinText || null)),
          readAll: async () => ((stdinRead = true), stdinText),
          isTTY: false,
        },
        stdout,
        stderr,
        env: { HOME: '/root', PATH: '/usr/local/bin:/usr/bin:/bin', ...opts.env },
        cwd: fs.cwd,
        fs,
        signal: abort.signal,
        // Real kubectl's sleeps pass in real time while the facade's clock stands still (the
        // suite runs it with realTime: false); ours likewise wait briefly without moving time.
        sleep: (ms) =>
          new Promise<void>((resolve, reject) => {
            const t = setTimeout(resolve, Math.min(ms, 20));
            abort.signal.addEventListener('abort', () => (clearTimeout(t), reject(new Error('aborted'))), { once: true });
          }),
        host: undefined,
        // The shell's own programs (sed for KUBE_EDITOR, …), as the sandbox's shell runs them.
        exec: async (args, io = {}) => {
          const run = programs.get(args[0] ?? '');
          const err = io.stderr ?? stderr;
          if (!run) return err.write(`bash: ${args[0]}: command not found\n`), 127;
          const child = { ...ctx, argv: args, stdout: io.stdout ?? stdout, stderr: err, env: io.env ?? ctx.env };
          if (io.stdin) child.stdin = io.stdin;
          return run(child);
        },
      };
      // The same kill-after-timeout real kubectl gets in real-kubectl.ts.
      const timer = setTimeout(() => abort.abort(), opts.timeoutMs ?? 20_000);
      try {
        const code = await program(ctx);
        return { stdout: stdout.text, stderr: stderr.text, code };
      } catch (e) {
        return { stdout: stdout.text, stderr: stderr.text + `[harness: our kubectl threw: ${(e as Error)?.stack ?? e}]\n`, code: -1 };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
