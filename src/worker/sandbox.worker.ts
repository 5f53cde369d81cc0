// The worker entry: one world (cluster + shells), a clock driven by real time, one RPC surface.

import * as Comlink from 'comlink';
import { driveClock } from './clock-driver.ts';
import { sameSummary } from './cluster-summary.ts';
import type { ClusterSummary } from './protocol.ts';
import { SandboxHost } from './sandbox-host.ts';
import { TopologyFeed } from './topology.ts';
import { TrafficFeed } from './traffic.ts';
import { createWorld } from './world.ts';
import { WELCOME } from './welcome.ts';

/** The status line need not follow every clock tick. */
const SUMMARY_EVERY_MS = 250;

let host: SandboxHost | undefined;
const report = (error: unknown) => host?.reportError(error);

const world = createWorld();
let last: ClusterSummary | undefined;
let lastAt = -Infinity;
const publish = (force = false) => {
  const t = performance.now();
  if (!force && t - lastAt < SUMMARY_EVERY_MS) return;
  lastAt = t;
  const summary = world.summary();
  if (!sameSummary(last, summary)) host?.publishSummary((last = summary));
};
// The traffic diagram: requests are kept from the start (its log shows them when opened later);
// the topology's watches start when the diagram first asks.
const network = world.sandbox.cluster.network;
const traffic = new TrafficFeed(network, { now: () => world.clock.now() });
let topology: TopologyFeed | undefined;
const driver = driveClock(world.clock, {
  onTick: () => {
    publish();
    topology?.poll();
  },
  onError: report,
});

host = new SandboxHost({
  newShell: world.newShell,
  welcome: WELCOME,
  // Bring the cluster up to real time before a command reads it.
  beforeInput: () => driver.sync(),
  subscribeTopology: (listener) => {
    topology ??= new TopologyFeed(world.sandbox.cluster.api, { forwards: () => network.dataplane.forwards.values() });
    topology.subscribe(listener);
  },
  subscribeTraces: (listener) => traffic.subscribe(listener),
});
publish(true);
// kubectl is a separate chunk: fetch it once the first prompt is up, before the learner's first command.
setTimeout(() => void world.sandbox.preload().catch(report), 200);

self.addEventListener('error', (event) => {
  event.preventDefault();
  report(event.error ?? event.message);
});
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  report(event.reason);
});

Comlink.expose(host);
