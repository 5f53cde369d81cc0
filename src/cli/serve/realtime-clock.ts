// Moves the emulator's virtual clock along with real time while the facade runs, so that AGE
// columns grow and timers (restarts, readiness, graceful deletion) fire while kubectl waits.
// Steps by the real time elapsed since the last tick rather than to "start + elapsed": the
// facade also settles the cluster after each write, which jumps virtual time ahead, and the
// clock should keep moving from there instead of stalling until real time catches up.

export interface AdvanceableClock {
  advance(ms: number): void;
}

export function driveRealTime(clock: AdvanceableClock, intervalMs = 100, onError: (e: unknown) => void = () => {}): () => void {
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    try {
      clock.advance(now - last);
    } catch (e) {
      onError(e);
    }
    last = now;
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
