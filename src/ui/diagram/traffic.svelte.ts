// The traffic pane's state: the topology and requests the worker sends, the layout, the dots in
// flight with their playback (speed, pause, step), the request log with its filter, and the load
// per endpoint. Components only render it.

import { callbacks, type Sandbox } from '../../worker/client.ts';
import type { Topology, TopologyUpdate } from '../../worker/topology.ts';
import type { TrafficBatch, TrafficRecord } from '../../worker/traffic.ts';
import { advance, launch, stepAll, type Flight } from './flights.ts';
import { assignSlots, layout, visible, type Layout } from './layout.ts';
import { ok, pathKey, pathOf, recordKind, type Step } from './path.ts';

/** Requests kept in the log (the worker keeps its own history for a reopened pane). */
const LOG_LIMIT = 300;
/** One hop at speed 1, in ms: slow enough to read a label. */
export const HOP_MS = 520;
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** Per Service: requests answered by each endpoint (Pod), and those that failed. */
export interface ServiceLoad {
  total: number;
  failed: number;
  byEndpoint: Record<string, number>;
}

const EMPTY: Topology = { nodes: [], pods: [], services: [], ingresses: [], forwards: [] };

export class TrafficState {
  topology: Topology = $state.raw(EMPTY);
  records: TrafficRecord[] = $state.raw([]);
  flights: Flight[] = $state.raw([]);
  load: Record<string, ServiceLoad> = $state.raw({});
  slots: Map<string, number> = $state.raw(new Map());
  width = $state(900);
  #showSystem = $state(false);
  speed = $state(1);
  paused = $state(false);
  filter = $state('');
  selected: number | null = $state(null);
  reducedMotion = $state(false);
  /** Requests seen since the pane opened (the log may drop old ones). */
  seen = $state(0);
  /** Has the first topology arrived? */
  loaded = $state(false);

  readonly layout: Layout = $derived(layout({ topology: this.topology, slots: this.slots, width: this.width, showSystem: this.showSystem }));

  #frame = 0;
  #lastFrame = 0;
  #onFrame?: (dt: number) => void;

  constructor(sandbox?: Sandbox) {
    const motion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
    this.reducedMotion = motion?.matches ?? false;
    motion?.addEventListener('change', (e) => (this.reducedMotion = e.matches));
    if (sandbox) {
      void sandbox.onTopology(callbacks((u: TopologyUpdate) => this.applyTopology(u)));
      let history = true; // the first batch is what happened before the pane opened
      void sandbox.onTrace(
        callbacks((b: TrafficBatch) => {
          this.addBatch(b, !history);
          history = false;
        }),
      );
    }
  }

  get showSystem(): boolean {
    return this.#showSystem;
  }

  set showSystem(on: boolean) {
    this.#showSystem = on;
    this.slots = assignSlots(this.slots, visible(this.topology, on).pods);
  }

  applyTopology(u: TopologyUpdate): void {
    this.topology = { ...this.topology, ...u };
    // Slots only for Pods on screen: hidden system Pods must not leave holes.
    if (u.pods || u.ingresses) this.slots = assignSlots(this.slots, visible(this.topology, this.#showSystem).pods);
    this.loaded = true;
  }

  addBatch(b: TrafficBatch, animate = true): void {
    if (!b.records.length) return;
    this.seen += b.records.length + b.dropped;
    const all = this.records.concat(b.records);
    this.records = all.length > LOG_LIMIT ? all.slice(-LOG_LIMIT) : all;
    const load = { ...this.load };
    for (const r of b.records) {
      if (!r.service) continue;
      const l = (load[r.service] = { ...(load[r.service] ?? { total: 0, failed: 0, byEndpoint: {} }) });
      l.total++;
      if (r.endpoint && r.result.kind === 'connected') l.byEndpoint = { ...l.byEndpoint, [r.endpoint]: (l.byEndpoint[r.endpoint] ?? 0) + 1 };
      else if (!ok(r)) l.failed++;
    }
    this.load = load;
    // History from before the pane opened goes to the log, not into the air.
    if (animate && !this.reducedMotion) this.#fly(b.records);
  }

  resetLoad(): void {
    this.load = {};
  }

  /** The steps of a request on the current diagram. */
  steps(r: TrafficRecord): Step[] {
    const anchors = this.layout.anchors;
    return pathOf(r, (a) => anchors.has(a));
  }

  record(id: number | null): TrafficRecord | undefined {
    return id === null ? undefined : this.records.find((r) => r.id === id);
  }

  /** Select a request: its path is highlighted; with motion allowed it flies again. */
  replay(id: number): void {
    this.selected = id;
    const r = this.record(id);
    if (r && !this.reducedMotion) {
      const steps = this.steps(r);
      // A replay flies alone on its own key so it is never merged into a burst.
      this.flights = launch(this.flights, [{ key: `replay:${id}:${performance.now()}`, steps, kind: recordKind(r), id }]);
      this.#run();
    }
  }

  get filtered(): TrafficRecord[] {
    return this.filter ? this.records.filter((r) => r.service === this.filter) : this.records;
  }

  /** Services that appear in the log, for the filter. */
  get loggedServices(): string[] {
    return [...new Set(this.records.map((r) => r.service).filter((s): s is string => !!s))].sort();
  }

  togglePause(): void {
    this.paused = !this.paused;
    if (!this.paused) this.#run();
  }

  /** Move every dot to its next box (pauses first). */
  step(): void {
    this.paused = true;
    this.flights = stepAll(this.flights);
  }

  /** Tests and the benchmark watch frames through this. */
  set onFrame(f: ((dt: number) => void) | undefined) {
    this.#onFrame = f;
  }

  dispose(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #fly(records: TrafficRecord[]): void {
    const launches = records.map((r) => {
      const steps = this.steps(r);
      return { key: pathKey(steps), steps, kind: recordKind(r), id: r.id };
    });
    this.flights = launch(this.flights, launches);
    this.#run();
  }

  #run(): void {
    if (this.#frame || this.paused || !this.flights.length) return;
    this.#lastFrame = performance.now();
    const tick = (now: number) => {
      this.#onFrame?.(now - this.#lastFrame);
      // A long stall (a hidden tab) should not teleport the dots.
      const dt = Math.min(100, now - this.#lastFrame);
      this.#lastFrame = now;
      if (!this.paused) this.flights = advance(this.flights, (dt * this.speed) / HOP_MS);
      this.#frame = this.flights.length && !this.paused ? requestAnimationFrame(tick) : 0;
    };
    this.#frame = requestAnimationFrame(tick);
  }
}
