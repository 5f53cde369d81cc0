// What the worker hosts: the one cluster and, per terminal, a shell on the learner's machine
// (outside the cluster, kubectl configured) with the shell's programs, the network tools and kubectl.

import type { VirtualClock } from '../cluster/clock.ts';
import { createCluster, type Cluster } from '../cluster/cluster.ts';
import { LogStore } from '../cluster/logs.ts';
import { NetworkService } from '../cluster/network/service.ts';
import { ClusterView } from '../cluster/network/view.ts';
import { ShellSession, complete, createDefaultPrograms, type Program } from '../shell/index.ts';
import { netPrograms, outsideHost } from '../shell/net/index.ts';
import { summarize } from './cluster-summary.ts';
import type { ClusterSummary } from './protocol.ts';
import type { HostedShell } from './sandbox-host.ts';

export interface World {
  clock: VirtualClock;
  summary(): ClusterSummary;
  newShell(id: string): HostedShell;
}

/** The cluster's network, when createCluster does not assemble one itself. */
function networkOf(cluster: Cluster): NetworkService {
  const own = (cluster as Cluster & { network?: NetworkService }).network;
  return own ?? new NetworkService(new ClusterView(cluster.store), cluster.config, new LogStore(), cluster.rng, cluster.clock);
}

/** `sleep` and other waits run on the cluster's clock, which the worker drives from real time. */
function clockSleep(clock: VirtualClock) {
  return (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new Error('aborted'));
      const cancel = clock.schedule(ms, () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
      const onAbort = () => {
        cancel();
        reject(new Error('aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
}

/**
 * kubectl is the largest part of the worker (help texts, printers, yaml): it loads on first use, or
 * shortly after the first prompt, so it does not delay that prompt.
 */
function lazyKubectl(cluster: Cluster): { program: Program; load: () => Promise<Program> } {
  let loading: Promise<Program> | undefined;
  const load = () => (loading ??= import('../kubectl/index.ts').then((m) => m.createKubectl(() => cluster.api)));
  return { program: async (ctx) => (await load())(ctx), load };
}

/** After the first prompt, the page is idle: fetch kubectl then, before the learner needs it. */
const KUBECTL_PREFETCH_MS = 1500;

export function createWorld(): World {
  const cluster = createCluster();
  const network = networkOf(cluster);
  const kubectl = lazyKubectl(cluster);
  setTimeout(() => void kubectl.load().catch(() => {}), KUBECTL_PREFETCH_MS);
  const sleep = clockSleep(cluster.clock);
  return {
    clock: cluster.clock,
    summary: () => summarize(cluster.api),
    newShell: () => {
      const programs = createDefaultPrograms();
      for (const [name, program] of netPrograms()) programs.set(name, program);
      programs.set('kubectl', kubectl.program);
      const session = new ShellSession({
        programs,
        host: outsideHost(network, 'laptop', cluster.clock),
        sleep,
      });
      return {
        run: (terminal) => session.repl(terminal),
        // kubectl's completer registers itself when kubectl loads.
        complete: async (line, cursor) => {
          if (/\bkubectl\b/.test(line)) await kubectl.load();
          return complete(session, line, cursor);
        },
      };
    },
  };
}
