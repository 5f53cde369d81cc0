// Requests in flight on the diagram. Time is counted in hops, not milliseconds, so pause, step and
// speed are plain arithmetic. Requests that take the same path close together fly as one dot with a
// count, so a burst of 100 curls is a handful of dots, not 100.

import type { Box } from './layout.ts';
import type { ServiceKind } from './layout.ts';
import type { Step } from './path.ts';

export interface Flight {
  /** Unique per dot (two dots may share a path key: one launched after the other left). */
  uid: number;
  key: string;
  steps: Step[];
  kind: ServiceKind;
  /** Requests this dot stands for. */
  count: number;
  /** The newest request's id (for labels and the log). */
  id: number;
  /** Position along the path, in steps: 1.5 is half way from the 2nd to the 3rd box. */
  t: number;
}

/** At most this many dots at once; more requests join a dot on the same path, or the oldest go. */
export const MAX_FLIGHTS = 24;
/** A dot waits this many steps at the end, so a failure can be read. */
const LINGER = 1.2;

export interface Launch {
  key: string;
  steps: Step[];
  kind: ServiceKind;
  id: number;
}

let uids = 0;

/** Add requests: each joins a dot on the same path that has not left its first box yet, or starts one. */
export function launch(flights: readonly Flight[], launches: readonly Launch[]): Flight[] {
  const out = flights.map((f) => ({ ...f }));
  for (const l of launches) {
    if (l.steps.length === 0) continue;
    const same = out.find((f) => f.key === l.key && f.t < 1) ?? (out.length >= MAX_FLIGHTS ? out.find((f) => f.key === l.key) : undefined);
    if (same) {
      same.count++;
      same.id = l.id;
      continue;
    }
    out.push({ uid: ++uids, key: l.key, steps: l.steps, kind: l.kind, count: 1, id: l.id, t: 0 });
    if (out.length > MAX_FLIGHTS) out.splice(0, out.length - MAX_FLIGHTS);
  }
  return out;
}

/** Move every dot `steps` along; those past their end (and the linger) land. */
export function advance(flights: readonly Flight[], steps: number): Flight[] {
  const out: Flight[] = [];
  for (const f of flights) {
    const t = f.t + steps;
    if (t < f.steps.length - 1 + LINGER) out.push({ ...f, t });
  }
  return out;
}

/** Step: every dot to its next box. */
export function stepAll(flights: readonly Flight[]): Flight[] {
  return advance(
    flights.map((f) => ({ ...f, t: Math.floor(f.t + 1e-9) })),
    1,
  );
}

const center = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
const ease = (u: number) => (u < 0.5 ? 2 * u * u : 1 - (-2 * u + 2) ** 2 / 2);

export interface FlightPosition {
  x: number;
  y: number;
  step: Step;
  /** Between two boxes (false while it sits in one). */
  moving: boolean;
}

/** Where a dot is now: it travels for the first 70% of a step and rests in the box for the rest. */
export function position(f: Flight, anchors: ReadonlyMap<string, Box>): FlightPosition | undefined {
  // A request whose path has no box on screen yet (e.g. right after a lesson swapped the cluster)
  // has no position; so has a dot before its first step.
  const last = f.steps.length - 1;
  if (last < 0) return undefined;
  const i = Math.max(0, Math.min(last, Math.floor(f.t)));
  const a = anchors.get(f.steps[i].anchor);
  if (!a) return undefined;
  const from = center(a);
  const next = i < last ? anchors.get(f.steps[i + 1].anchor) : undefined;
  const u = f.t - i;
  if (!next || u < 0.3) return { ...from, step: f.steps[i], moving: false };
  const to = center(next);
  const k = ease((u - 0.3) / 0.7);
  return { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k, step: f.steps[i + 1], moving: true };
}
