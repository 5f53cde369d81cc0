// A rate-limited work queue keyed by namespace/name, processed on the clock (client-go's
// workqueue): a key added many times before it runs is processed once; failures retry with
// exponential backoff (5 ms doubling, capped), so a conflict is retried at once and a persistent
// error stops keeping the cluster "busy" once its delay passes settle()'s horizon.

import type { Cancel, Clock } from '../../clock.ts';

export interface QueueError {
  queue: string;
  key: string;
  error: unknown;
}

/** Recent reconcile errors of every queue, newest last (for tests and debugging). */
export const recentErrors: QueueError[] = [];

export class WorkQueue {
  #pending = new Map<string, { at: number; cancel: Cancel }>();
  #failures = new Map<string, number>();
  #stopped = false;

  constructor(
    readonly name: string,
    private readonly clock: Clock,
    private readonly process: (key: string) => void,
    private readonly maxBackoffMs = 60_000,
  ) {}

  add(key: string, delayMs = 0): void {
    if (this.#stopped) return;
    const at = this.clock.now() + delayMs;
    const p = this.#pending.get(key);
    if (p && p.at <= at) return;
    p?.cancel();
    const cancel = this.clock.schedule(delayMs, () => {
      this.#pending.delete(key);
      this.#run(key);
    });
    this.#pending.set(key, { at, cancel });
  }

  #run(key: string): void {
    try {
      this.process(key);
      this.#failures.delete(key);
    } catch (error) {
      const n = (this.#failures.get(key) ?? 0) + 1;
      this.#failures.set(key, n);
      recentErrors.push({ queue: this.name, key, error });
      if (recentErrors.length > 50) recentErrors.shift();
      this.add(key, Math.min(this.maxBackoffMs, 5 * 2 ** (n - 1)));
    }
  }

  stop(): void {
    this.#stopped = true;
    for (const p of this.#pending.values()) p.cancel();
    this.#pending.clear();
  }
}
