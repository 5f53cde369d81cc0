// How programs wait (sleep, kubectl wait, curl timeouts) in each clock mode.
//  - realtime: the clock is driven from real time (browser, interactive CLI); a sleep is a timer
//    on the cluster clock, resolved when the driver reaches it.
//  - virtual: nobody drives the clock (tests, `kube-sandbox run`); sleeping *is* advancing it.

import type { VirtualClock } from '../cluster/clock.ts';

export type ClockMode = 'realtime' | 'virtual';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

function aborted(): Error {
  return new Error('aborted');
}

export function clockSleep(clock: VirtualClock, mode: ClockMode): Sleep {
  if (mode === 'virtual') {
    return async (ms, signal) => {
      if (signal.aborted) throw aborted();
      clock.advance(Math.max(0, ms));
      // Let other tasks (a background port-forward, a second shell) see the new time.
      await Promise.resolve();
      if (signal.aborted) throw aborted();
    };
  }
  return (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(aborted());
      const onAbort = () => {
        cancel();
        reject(aborted());
      };
      const cancel = clock.schedule(ms, () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
      signal.addEventListener('abort', onAbort, { once: true });
    });
}
