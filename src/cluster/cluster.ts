// One emulated cluster: store, API server, controllers, clock and random source, assembled.
// createCluster() gives the empty default cluster (nodes, system namespaces, kube-dns …) of
// DESIGN.md; everything after that flows through the API.

import { VirtualClock } from './clock.ts';
import { defaultConfig, type ClusterConfig } from './config.ts';
import { SeededRandom } from './random.ts';
import { ApiServer } from './apiserver/server.ts';
import { Store } from './apiserver/store.ts';
import { Kube } from './apiserver/typed.ts';
import { allStrategies } from './apiserver/registry/index.ts';
import type { Controller, ControllerEnv } from './controllers/controller.ts';
import { defaultControllers } from './controllers/index.ts';
import { createEventRecorder } from './controllers/events.ts';
import { bootstrap } from './bootstrap.ts';

export interface ClusterOptions {
  seed?: number;
  /** Wall-clock start of the virtual clock (ms since epoch). */
  startTime?: number;
  config?: ClusterConfig;
}

export interface Cluster {
  readonly clock: VirtualClock;
  readonly rng: SeededRandom;
  readonly config: ClusterConfig;
  readonly store: Store;
  readonly api: ApiServer;
  readonly kube: Kube;
  readonly controllers: Controller[];
  /** Advance the clock until pending work is done (bounded); returns the ms advanced. */
  settle(maxMs?: number): number;
  stop(): void;
}

export function createCluster(opts: ClusterOptions = {}): Cluster {
  const clock = new VirtualClock(opts.startTime);
  const rng = new SeededRandom(opts.seed ?? 1);
  const config = opts.config ?? defaultConfig();
  const store = new Store();
  const api = new ApiServer({
    store,
    strategies: allStrategies(),
    context: { clock, rng, services: { config } },
    version: versionInfo(config),
  });
  const kube = new Kube(api);
  const env: ControllerEnv = { kube, clock, rng, config, events: createEventRecorder(kube, clock, rng) };
  // The cluster as it was when the learner arrived: created before the controllers start, then
  // aged, so system objects show a plausible AGE.
  bootstrap(env);
  const controllers = defaultControllers();
  for (const c of controllers) c.start(env);
  clock.settle(120_000);
  return {
    clock,
    rng,
    config,
    store,
    api,
    kube,
    controllers,
    settle: (maxMs = 60_000) => clock.settle(maxMs),
    stop: () => controllers.forEach((c) => c.stop()),
  };
}

function versionInfo(config: ClusterConfig): Record<string, string> {
  const [major, minor] = config.kubernetesVersion.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    emulationMajor: major,
    emulationMinor: minor,
    minCompatibilityMajor: major,
    minCompatibilityMinor: String(Number(minor) - 1),
    gitVersion: config.kubernetesVersion,
    gitCommit: 'f28b4c9efbca5c5c0af716d9f2d5702667ee8a45',
    gitTreeState: 'clean',
    buildDate: '2025-08-27T10:09:38Z',
    goVersion: 'go1.24.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
