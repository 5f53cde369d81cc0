// The emulator's only source of time. Nothing in cluster/ reads Date.now or calls setTimeout:
// a run is paused, stepped and replayed by driving this clock (DESIGN.md, "deterministic").

export type Cancel = () => void;

export interface Clock {
  /** Milliseconds since the Unix epoch, as the cluster sees it. */
  now(): number;
  /** Run fn once the clock has advanced by delayMs (0: after the current work, same instant). */
  schedule(delayMs: number, fn: () => void): Cancel;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * A clock that only moves when told. Tests and the CLI advance it explicitly; the browser advances
 * it from real time (see worker/), so both run the same code.
 */
export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  #timers: Timer[] = [];

  constructor(startMs = Date.UTC(2026, 0, 1, 0, 0, 0)) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  schedule(delayMs: number, fn: () => void): Cancel {
    const t: Timer = { at: this.#now + Math.max(0, delayMs), seq: this.#seq++, fn, cancelled: false };
    // Kept sorted by (at, seq): insertion is rare compared with the work each timer does.
    let i = this.#timers.length;
    while (i > 0 && (this.#timers[i - 1].at > t.at || (this.#timers[i - 1].at === t.at && this.#timers[i - 1].seq > t.seq))) i--;
    this.#timers.splice(i, 0, t);
    return () => {
      t.cancelled = true;
    };
  }

  /** Time of the next pending timer, or undefined when none is pending. */
  nextAt(): number | undefined {
    for (const t of this.#timers) if (!t.cancelled) return t.at;
    return undefined;
  }

  /** Run every timer due at or before the current instant (work scheduled with delay 0). */
  runDue(maxSteps = 100_000): void {
    let steps = 0;
    while (this.#timers.length && this.#timers[0].at <= this.#now) {
      const t = this.#timers.shift()!;
      if (t.cancelled) continue;
      t.fn();
      if (++steps >= maxSteps) throw new Error('clock: runaway timers (more than ' + maxSteps + ' at one instant)');
    }
  }

  /** Move time forward by ms, running each timer at its own instant. */
  advance(ms: number): void {
    this.advanceTo(this.#now + ms);
  }

  advanceTo(target: number): void {
    this.runDue();
    for (;;) {
      const next = this.nextAt();
      if (next === undefined || next > target) break;
      this.#now = Math.max(this.#now, next);
      this.runDue();
    }
    this.#now = Math.max(this.#now, target);
    this.runDue();
  }

  /**
   * Advance until no timer is pending within `horizonMs` of now, or `maxMs` has passed.
   * "The cluster settles": pods started, addresses assigned. Periodic work (resyncs) that always
   * reschedules itself further than the horizon does not keep it busy.
   */
  settle(maxMs = 60_000, horizonMs = 10_000): number {
    const start = this.#now;
    this.runDue();
    for (;;) {
      const next = this.nextAt();
      if (next === undefined || next - this.#now > horizonMs || next - start > maxMs) break;
      this.advanceTo(next);
    }
    return this.#now - start;
  }
}
