// Runs the real kubectl 1.34 binary against an emulated cluster served by the HTTP facade.
// Tests use it to check that real kubectl accepts our API server, and (later) to compare its
// output with our kubectl's on the same seed. When the binary cannot run here (not linux/x64, or
// node_modules missing), `realKubectl.available` is false and `describeRealKubectl` skips with the
// reason, so the suite stays green on a Mac.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { startFacade, type Facade, type FacadeCluster, type FacadeOptions } from '../../../src/cli/serve/facade.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

interface UnpackModule {
  ensureKubectl(opts?: { quiet?: boolean }): string | null;
}

async function locateKubectl(): Promise<{ path: string | null; reason: string }> {
  try {
    // A plain .js script (also run by hand); imported by path so the compiler does not need types.
    const script = join(ROOT, 'scripts/unpack-kubectl.js');
    const mod = (await import(/* @vite-ignore */ script)) as UnpackModule;
    const path = mod.ensureKubectl({ quiet: true });
    return path ? { path, reason: '' } : { path: null, reason: `real kubectl is linux/x64 only (this is ${process.platform}/${process.arch}) or node_modules is missing` };
  } catch (e) {
    return { path: null, reason: `real kubectl could not be unpacked: ${(e as Error).message}` };
  }
}

const located = await locateKubectl();

export const realKubectl = { path: located.path, available: located.path !== null, reason: located.reason };

/** `describe`, skipped with the reason when the real binary cannot run on this machine. */
export function describeRealKubectl(name: string, fn: () => void): void {
  describe.skipIf(!realKubectl.available)(realKubectl.available ? name : `${name} (skipped: ${realKubectl.reason})`, fn);
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface Streaming {
  /** Output so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Wait until stdout matches (or time out), for `get -w` style commands. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Interrupt (SIGINT, as Ctrl+C) and collect the result. */
  stop(): Promise<KubectlResult>;
}

export interface RealKubectlSession {
  cluster: FacadeCluster;
  facade: Facade;
  /** Run kubectl to completion. `args` as an array, or one string split on spaces. */
  kubectl(args: string[] | string, opts?: { stdin?: string; env?: Record<string, string>; timeoutMs?: number }): Promise<KubectlResult>;
  /** Start a long-running kubectl (watch, wait) and control it. */
  kubectlStream(args: string[] | string): Streaming;
}

export interface WithRealKubectlOptions extends Omit<FacadeOptions, 'cluster' | 'port' | 'host' | 'kubeconfigPath'> {
  /** The cluster to serve; default createCluster({seed}). */
  cluster?: FacadeCluster;
}

/** Start a cluster and the facade on a free port, hand fn a way to run real kubectl, clean up. */
export async function withRealKubectl<T>(seed: number, fn: (s: RealKubectlSession) => Promise<T>, opts: WithRealKubectlOptions = {}): Promise<T> {
  if (!realKubectl.path) throw new Error(`withRealKubectl: ${realKubectl.reason}`);
  const binary = realKubectl.path;
  const cluster = opts.cluster ?? (await defaultCluster(seed));
  const home = mkdtempSync(join(tmpdir(), 'kube-sandbox-kubectl-'));
  const facade = await startFacade({ ...opts, cluster, kubeconfigPath: join(home, '.kube/config') });
  // A private HOME and cache dir: no discovery cache from another server on the same port, and
  // nothing written to the developer's ~/.kube.
  const env = { PATH: process.env.PATH ?? '', HOME: home, KUBECONFIG: facade.kubeconfigPath, KUBECACHEDIR: join(home, 'cache') };
  const argv = (args: string[] | string) => (typeof args === 'string' ? args.split(' ').filter(Boolean) : args);

  const start = (args: string[] | string, extra: Record<string, string> = {}) => {
    const child = spawn(binary, argv(args), { env: { ...env, ...extra }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
    const done = new Promise<KubectlResult>((res) => child.on('close', (code) => res({ ...out, code })));
    return { child, out, done };
  };

  const session: RealKubectlSession = {
    cluster,
    facade,
    async kubectl(args, o = {}) {
      const { child, done } = start(args, o.env);
      child.stdin.end(o.stdin ?? '');
      const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 20_000);
      try {
        return await done;
      } finally {
        clearTimeout(timer);
      }
    },
    kubectlStream(args) {
      const { child, out, done } = start(args);
      child.stdin.end();
      return {
        get stdout() {
          return out.stdout;
        },
        get stderr() {
          return out.stderr;
        },
        async waitFor(pattern, timeoutMs = 10_000) {
          const until = Date.now() + timeoutMs;
          while (!pattern.test(out.stdout)) {
            if (Date.now() > until) throw new Error(`timed out waiting for ${pattern} in:\n${out.stdout}\n${out.stderr}`);
            await new Promise((r) => setTimeout(r, 25));
          }
        },
        async stop() {
          child.kill('SIGINT');
          return done;
        },
      };
    },
  };
  try {
    return await fn(session);
  } finally {
    await facade.close();
    rmSync(home, { recursive: true, force: true });
  }
}

async function defaultCluster(seed: number): Promise<FacadeCluster> {
  const { createCluster } = await import('../../../src/cluster/cluster.ts');
  return createCluster({ seed });
}
