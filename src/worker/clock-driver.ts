// Drives a VirtualClock from real time, so the browser shows pods progressing while tests and the
// CLI step the same clock by hand. Reusable anywhere timers exist (worker, Node REPL).

import type { VirtualClock } from '../cluster/clock.ts';

export interface ClockDriverOptions {
  /** How often to advance, in ms. 50–100 ms keeps status changes feeling immediate. */
  intervalMs?: number;
  /** Monotonic real time in ms (performance.now in the browser). */
  now?: () => number;
  /** Called when running due timers throws: the driver keeps going. */
  onError?: (error: unknown) => void;
  /** Called after each advance (e.g. to publish a cluster summary). */
  onTick?: () => void;
}

export interface ClockDriver {
  /** Advance to the current real time now (e.g. before answering a command). */
  sync(): void;
  stop(): void;
}

export function driveClock(clock: VirtualClock, options: ClockDriverOptions = {}): ClockDriver {
  const now = options.now ?? (() => performance.now());
  const startVirtual = clock.now();
  const startReal = now();
  const sync = () => {
    try {
      clock.advanceTo(startVirtual + (now() - startReal));
    } catch (error) {
      options.onError?.(error);
    }
    try {
      options.onTick?.();
    } catch (error) {
      options.onError?.(error);
    }
  };
  const timer = setInterval(sync, options.intervalMs ?? 75);
  return {
    sync,
    stop: () => clearInterval(timer),
  };
}
