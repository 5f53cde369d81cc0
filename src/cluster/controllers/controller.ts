// What every control loop gets: the API (as a client, like real controllers), the clock, the
// random source, an event recorder and the cluster's addresses. Controllers react to watch
// events by queueing keys and reconciling on the clock, never inline in the watch callback.

import type { Clock } from '../clock.ts';
import type { ClusterConfig } from '../config.ts';
import type { Random } from '../random.ts';
import type { Kube } from '../apiserver/typed.ts';
import type { KObject } from '../apiserver/types.ts';

export interface EventRecorder {
  /** Record an Event about obj (type Normal/Warning), aggregated like client-go's recorder. */
  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, component?: string, host?: string): void;
}

export interface ControllerEnv {
  kube: Kube;
  clock: Clock;
  rng: Random;
  events: EventRecorder;
  config: ClusterConfig;
}

export interface Controller {
  readonly name: string;
  start(env: ControllerEnv): void;
  stop(): void;
}
