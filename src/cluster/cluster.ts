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
import { bootstrap, BOOT_AGE_MS } from './bootstrap.ts';
import { bindingHandler } from './scheduler/binding.ts';
import { finalizeHandler } from './controllers/namespace/finalize.ts';
import { stopInformers } from './controllers/util/informer.ts';
import { LogStore } from './logs.ts';
import { NetworkService } from './network/service.ts';
import { ClusterView } from './network/view.ts';
import { containerRuntimeLogs } from './network/runtime-logs.ts';
import { logHandler, logStreamHandler } from './network/pod-log.ts';
import { Kubelet } from './kubelet/kubelet.ts';
import { networkProber } from './kubelet/probes.ts';

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
  /** Container stdout, per Pod and container (read through pods/log). */
  readonly logs: LogStore;
  /** kube-proxy, DNS and the apps: where requests go (see network/). */
  readonly network: NetworkService;
  /** Advance the clock until pending work is done (bounded); returns the ms advanced. */
  settle(maxMs?: number): number;
  stop(): void;
}

export function createCluster(opts: ClusterOptions = {}): Cluster {
  // The clock starts BOOT_AGE_MS before the learner's start time: the cluster boots in that
  // window, so its objects, events and pods are genuinely that old when the learner arrives.
  const start = opts.startTime ?? Date.UTC(2026, 0, 1, 0, 0, 0);
  const clock = new VirtualClock(start - BOOT_AGE_MS);
  const rng = new SeededRandom(opts.seed ?? 1);
  const config = opts.config ?? defaultConfig();
  const store = new Store();
  const api = new ApiServer({
    store,
    strategies: allStrategies(),
    context: { clock, rng, services: { config } },
    version: versionInfo(config),
  });
  // Subresources served by the control loops' side of the code base for now.
  api.handleSubresource('', 'pods', 'binding', bindingHandler);
  api.handleSubresource('', 'namespaces', 'finalize', finalizeHandler);
  const logs = new LogStore();
  const network = new NetworkService(new ClusterView(store), config, logs, rng, clock);
  api.handleSubresource('', 'pods', 'log', logHandler(logs, clock));
  api.handleStream('', 'pods', 'log', logStreamHandler(logs, clock, store));
  const stopRuntimeLogs = containerRuntimeLogs(store, network, logs, clock);
  const kube = new Kube(api);
  const env: ControllerEnv = { kube, clock, rng, config, events: createEventRecorder(kube, clock, rng) };
  // The cluster as it was when the learner arrived: created before the controllers start, then
  // aged, so system objects show a plausible AGE.
  bootstrap(env);
  const controllers = defaultControllers();
  // The kubelet's HTTP probes are answered by the simulated apps.
  for (const c of controllers) if (c instanceof Kubelet) c.prober = networkProber(network);
  for (const c of controllers) c.start(env);
  clock.advanceTo(start);
  return {
    clock,
    rng,
    config,
    store,
    api,
    kube,
    controllers,
    logs,
    network,
    settle: (maxMs = 60_000) => clock.settle(maxMs),
    stop: () => {
      controllers.forEach((c) => c.stop());
      stopInformers(kube);
      stopRuntimeLogs();
    },
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
