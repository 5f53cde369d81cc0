// One probe of one container, as pkg/kubelet/prober/worker.go keeps it: the result only counts
// once it has repeated successThreshold / failureThreshold times in a row, and a failed liveness
// or startup probe holds still until the container is replaced.

import type { Probe } from './probes.ts';

export type ProbeType = 'Readiness' | 'Liveness' | 'Startup';
export type ProbeValue = 'success' | 'failure';

export class ProbeWorker {
  lastResult?: ProbeValue;
  resultRun = 0;
  /** What the results manager holds (worker.go initialValue until a threshold is reached). */
  value: ProbeValue | 'unknown';
  /** Liveness/startup failed: no more probes for this container (worker.go onHold). */
  onHold = false;
  /** The last run was a quiet success (see ProbeOutcome). */
  quiet = false;

  constructor(
    readonly type: ProbeType,
    readonly spec: Probe,
    readonly containerID: string,
  ) {
    this.value = type === 'Readiness' ? 'failure' : type === 'Liveness' ? 'success' : 'unknown';
  }

  get periodMs(): number {
    return (this.spec.periodSeconds || 10) * 1000;
  }

  threshold(r: ProbeValue): number {
    return r === 'failure' ? this.spec.failureThreshold || 3 : this.spec.successThreshold || 1;
  }

  /** A worker taken over from a running pod: its current value has held for a while. */
  assume(v: ProbeValue): void {
    this.value = this.lastResult = v;
    this.resultRun = this.threshold(v);
  }

  /**
   * Steady quiet successes need no more runs: the simulated apps answer the same request the same
   * way, and a new container gets new workers. (An app whose health could change by itself would
   * have to log or be probed on.)
   */
  get parked(): boolean {
    return this.steady && this.lastResult === 'success' && this.quiet;
  }

  /** Count one result; returns the manager's new value when it changed. */
  record(r: ProbeValue): ProbeValue | undefined {
    if (this.lastResult === r) this.resultRun++;
    else {
      this.lastResult = r;
      this.resultRun = 1;
    }
    if (this.resultRun < this.threshold(r)) return undefined;
    const changed = this.value !== r;
    this.value = r;
    if (r === 'failure' && this.type !== 'Readiness') {
      this.onHold = true;
      this.resultRun = 0;
    }
    return changed ? r : undefined;
  }

  /** Further identical results change nothing but log lines and Event counts. */
  get steady(): boolean {
    return !!this.lastResult && this.value === this.lastResult && this.resultRun >= this.threshold(this.lastResult);
  }
}
