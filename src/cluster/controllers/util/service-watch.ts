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

export function watchServicesAndPods(name: string, env: ControllerEnv, sync: (key: string) => void): ServiceWatch {
  const queue = new WorkQueue(name, env.clock, sync);
  const services = informer(env.kube, R.services);
  const pods = informer(env.kube, R.pods);
  const forPod = (p: KObject | undefined) => {
    if (!p) return;
    for (const s of services.list(p.metadata.namespace)) if (mapSelects(s.spec?.selector, p.metadata.labels)) queue.add(keyOf(s));
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
