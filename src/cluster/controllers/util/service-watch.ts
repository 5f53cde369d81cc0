// Plumbing both endpoint controllers share: a queue of Service keys fed by Service changes and by
// pod changes mapped to the Services whose selector picks the pod (before or after the change).

import { R } from '../../apiserver/resources.ts';
import type { KObject } from '../../apiserver/types.ts';
import type { ControllerEnv } from '../controller.ts';
import { informer, keyOf, type Informer } from './informer.ts';
import { mapSelects } from './labels.ts';
import { WorkQueue } from './queue.ts';

export interface ServiceWatch {
  services: Informer;
  pods: Informer;
  queue: WorkQueue;
  stop(): void;
}

/**
 * Pod changes are rate limited per Service (in the spirit of kube-controller-manager's
 * --endpoint-updates-batch-period): a change is applied at once if the Service was not synced in
 * the last POD_BATCH_MS, otherwise it joins the next sync a period after the last one. A single
 * pod's readiness or termination shows immediately; a rollout of 200 pods rewrites its
 * 200-address objects once a second rather than 200 times. Service changes apply at once.
 */
export const POD_BATCH_MS = 1000;

export function watchServicesAndPods(name: string, env: ControllerEnv, sync: (key: string) => void): ServiceWatch {
  const lastSync = new Map<string, number>();
  const queue = new WorkQueue(name, env.clock, (key) => {
    lastSync.set(key, env.clock.now());
    sync(key);
  });
  const podChanged = (key: string) => {
    const last = lastSync.get(key);
    queue.add(key, last === undefined ? 0 : Math.max(0, last + POD_BATCH_MS - env.clock.now()));
  };
  const services = informer(env.kube, R.services);
  const pods = informer(env.kube, R.pods);
  const forPod = (p: KObject | undefined) => {
    if (!p) return;
    for (const s of services.list(p.metadata.namespace)) if (mapSelects(s.spec?.selector, p.metadata.labels)) podChanged(keyOf(s));
  };
  const unsub = [
    services.on((_t, s) => queue.add(keyOf(s))),
    // Both the old and new labels count: a relabelled pod leaves one Service for another.
    pods.on((_t, p, old) => {
      forPod(p);
      if (old && JSON.stringify(old.metadata.labels) !== JSON.stringify(p.metadata.labels)) forPod(old);
    }),
  ];
  return {
    services,
    pods,
    queue,
    stop() {
      unsub.forEach((u) => u());
      queue.stop();
    },
  };
}
