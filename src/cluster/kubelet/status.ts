// The pod status a kubelet reports (pkg/kubelet/kubelet_pods.go generateAPIPodStatus, getPhase,
// and pkg/kubelet/status/generate.go for the conditions), built from the kubelet's own record.

import { timestamp } from '../apiserver/meta.ts';
import type { KObject } from '../apiserver/types.ts';
import type { ImageInfo, ImageRef } from './images.ts';
import type { ProbeWorker } from './probe-worker.ts';

export interface ContainerRun {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  ref?: ImageRef;
  info?: ImageInfo;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  state: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  lastState: any;
  restartCount: number;
  ready: boolean;
  started: boolean;
  containerID?: string;
  image?: string;
  imageID?: string;
  startedAt?: number;
  ignoresSigterm?: boolean;
  pullFailures: number;
  pullBackoffUntil?: number;
  prevPullErr?: string;
  crashes: number;
  /** The probe workers of the current container instance. */
  probes?: ProbeWorker[];
  /** Being stopped after a failed liveness/startup probe. */
  killing?: boolean;
}

export interface PodRun {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  hostIP: string;
  podIP?: string;
  startTime: string;
  /** When the kubelet took the pod on (ms): its probe tickers count periods from here. */
  admittedAt: number;
  sandboxReady: boolean;
  terminating: boolean;
  containers: ContainerRun[];
  timers: Set<() => void>;
  conditionTimes: Map<string, { status: string; at: string }>;
  flushPending: boolean;
}

export function buildPodStatus(pod: KObject, run: PodRun, now: number): Record<string, unknown> {
  const phase = podPhase(pod, run);
  const done = phase === 'Succeeded' || phase === 'Failed';
  const unready = run.containers.filter((c) => !c.ready).map((c) => c.name);
  const cond = (type: string, status: boolean, reason?: string, message?: string) => {
    const s = status ? 'True' : 'False';
    const prev = run.conditionTimes.get(type);
    const at = prev && prev.status === s ? prev.at : timestamp(now);
    run.conditionTimes.set(type, { status: s, at });
    const c: Record<string, unknown> = { type, status: s, lastProbeTime: null, lastTransitionTime: at };
    if (reason) c.reason = reason;
    if (message) c.message = message;
    return c;
  };
  const readyReason = done ? 'PodCompleted' : unready.length ? 'ContainersNotReady' : undefined;
  const readyMsg = !done && unready.length ? `containers with unready status: [${unready.join(' ')}]` : undefined;
  const scheduled = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'PodScheduled') ?? {
    type: 'PodScheduled',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: timestamp(now),
  };
  const status: Record<string, unknown> = {
    phase,
    conditions: [
      cond('PodReadyToStartContainers', run.sandboxReady && !done),
      cond('Initialized', true),
      cond('Ready', !unready.length && !done, readyReason, readyMsg),
      cond('ContainersReady', !unready.length && !done, readyReason, readyMsg),
      scheduled,
    ],
    hostIP: run.hostIP,
    hostIPs: [{ ip: run.hostIP }],
    startTime: run.startTime,
    containerStatuses: run.containers.map((c) => {
      const s: Record<string, unknown> = {
        name: c.name,
        state: c.state,
        lastState: c.lastState,
        ready: c.ready,
        restartCount: c.restartCount,
        image: c.image ?? c.spec.image,
        imageID: c.imageID ?? '',
        started: c.started,
      };
      if (c.containerID) s.containerID = c.containerID;
      if (c.spec.volumeMounts?.length)
        s.volumeMounts = c.spec.volumeMounts.map((m: { name: string; mountPath: string; readOnly?: boolean }) => ({
          name: m.name,
          mountPath: m.mountPath,
          ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
        }));
      return s;
    }),
    qosClass: pod.status?.qosClass ?? qosClass(pod),
  };
  if (run.podIP) {
    status.podIP = run.podIP;
    status.podIPs = [{ ip: run.podIP }];
  }
  return status;
}

/** getPhase: Pending until every container has run; terminal once all exited for good. */
function podPhase(pod: KObject, run: PodRun): string {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  let running = 0;
  let waitingNeverRan = 0;
  let succeeded = 0;
  let failed = 0;
  for (const c of run.containers) {
    if (c.state.running) running++;
    else if (c.state.terminated) {
      if (c.state.terminated.exitCode === 0) succeeded++;
      else failed++;
    } else if (c.state.waiting) {
      if (c.lastState?.terminated) running++; // restarting: the pod still counts as Running
      else waitingNeverRan++;
    }
  }
  if (waitingNeverRan) return 'Pending';
  if (running) return 'Running';
  if (policy === 'Always') return 'Running';
  if (failed && policy === 'Never') return 'Failed';
  if (failed) return 'Running'; // OnFailure: it will restart
  return succeeded ? 'Succeeded' : 'Pending';
}

/** v1qos.GetPodQOS, simplified to requests/limits of cpu and memory. */
function qosClass(pod: KObject): string {
  const cs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of cs) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (!lim[r] || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
