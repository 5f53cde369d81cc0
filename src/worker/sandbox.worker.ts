// The worker entry: one world at a time (cluster + shells; a lesson brings its own), a clock driven by real time, one RPC surface.

import * as Comlink from 'comlink';
import { driveClock } from './clock-driver.ts';
import { sameSummary } from './cluster-summary.ts';
import type { ClusterSummary, LessonApi, SandboxApi } from './protocol.ts';
import { LazyLessonService } from './lessons-lazy.ts';
import { SandboxHost } from './sandbox-host.ts';
import { TopologyFeed, type TopologyUpdate } from './topology.ts';
import { TrafficFeed, type TrafficBatch } from './traffic.ts';
import { createWorld, type World } from './world.ts';
import { WELCOME } from './welcome.ts';
import { FilesService, withFiles } from './files.ts';
import { setInteractiveEditor } from '../kubectl/commands/edit/editor-hook.ts';

/** The status line need not follow every clock tick. */
const SUMMARY_EVERY_MS = 250;

let host: SandboxHost | undefined;
const report = (error: unknown) => host?.reportError(error);

/** The page's ?seed= (useSeed); undefined: the cluster's default. */
let seed: number | undefined;
let world = createWorld();
// The files panel and editor show the laptop's files; `kubectl edit` opens in the page's editor.
const files = new FilesService(world.sandbox.laptopFs);
setInteractiveEditor(files.editor);
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
// the topology's watches start when the diagram first asks. Both follow the world when a lesson
// swaps it, so their subscribers are kept here.
const trafficListeners: ((b: TrafficBatch) => void)[] = [];
const topologyListeners: ((u: TopologyUpdate) => void)[] = [];
let traffic = new TrafficFeed(world.sandbox.cluster.network, { now: () => world.clock.now() });
let topology: TopologyFeed | undefined;
const newTopology = (w: World) => {
  const network = w.sandbox.cluster.network;
  return new TopologyFeed(w.sandbox.cluster.api, { forwards: () => network.dataplane.forwards.values() });
};
const drive = (w: World) =>
  driveClock(w.clock, {
    onTick: () => {
      publish();
      topology?.poll();
      lessons.tick();
      files.tick();
    },
    onError: report,
  });

const lessons = new LazyLessonService({
  now: () => performance.now(),
  freeWorld: () => createWorld({ seed }),
  swapWorld: (next, banner) => swapWorld(next, banner),
});
// A lesson's cluster (or a seeded one, useSeed) replaces the current one: the clock, the feeds and
// every terminal's shell move to it.
function swapWorld(next: World, banner?: string): void {
  driver.stop();
  traffic.stop();
  topology?.stop();
  world.sandbox.cluster.stop();
  world = next;
  files.use(world.sandbox.laptopFs);
  driver = drive(world);
  traffic = new TrafficFeed(world.sandbox.cluster.network, { now: () => world.clock.now() });
  for (const l of trafficListeners) traffic.subscribe(l);
  if (topology) {
    topology = newTopology(world);
    for (const l of topologyListeners) topology.subscribe(l);
  }
  host?.restartShells(banner);
  publish(true);
}
let driver = drive(world);

host = new SandboxHost({
  newShell: (id) => world.newShell(id),
  welcome: WELCOME,
  // Bring the cluster up to real time before a command reads it; log it for the lesson's checks.
  beforeInput: (id, line) => {
    driver.sync();
    lessons.record(id, line);
  },
  subscribeTopology: (listener) => {
    topology ??= newTopology(world);
    topologyListeners.push(listener);
    topology.subscribe(listener);
  },
  subscribeTraces: (listener) => {
    trafficListeners.push(listener);
    traffic.subscribe(listener);
  },
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

// One RPC surface: the terminals' host and the lesson service (methods bound: comlink calls them bare).
const api: SandboxApi = {
  ...bindMethods<Omit<SandboxApi, keyof LessonApi | 'useSeed'>>(host),
  ...bindMethods<LessonApi>(lessons),
  useSeed: async (n) => {
    seed = n;
    swapWorld(createWorld({ seed }));
  },
};
Comlink.expose(withFiles(api, files));

function bindMethods<T>(obj: object): T {
  const out: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(obj))) {
    const f = (obj as Record<string, unknown>)[name];
    if (name !== 'constructor' && typeof f === 'function') out[name] = f.bind(obj);
  }
  return out as T;
}
