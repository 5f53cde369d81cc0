// The ReplicaSet controller: Models pkg/controller/replicaset/replica_set.go. It keeps
// spec.replicas active pods (generateName <rs>-, owned by the RS), adopts matching orphans,
// deletes surplus pods in the upstream ranking order and reports status.

import { R } from '../../apiserver/resources.ts';
import type { KObject } from '../../apiserver/types.ts';
import type { Controller, ControllerEnv } from '../controller.ts';
import { controllerUid, informer, keyOf, splitKey, type Informer } from '../util/informer.ts';
import { WorkQueue } from '../util/queue.ts';
import { selectorMatches } from '../util/labels.ts';
import { isPodActive, isPodAvailable, isPodReady } from '../util/pods.ts';
import { rankPodsForDeletion } from './ranking.ts';

const COMPONENT = 'replicaset-controller';
/** burstReplicas: at most this many creations or deletions per sync. */
const BURST = 500;

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset';
  #env!: ControllerEnv;
  #queue!: WorkQueue;
  #rss!: Informer;
  #pods!: Informer;
  #unsub: (() => void)[] = [];

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#queue = new WorkQueue(this.name, env.clock, (k) => this.#sync(k));
    this.#rss = informer(env.kube, R.replicasets);
    this.#pods = informer(env.kube, R.pods);
    this.#rss.addIndex('uid', (o) => [o.metadata.uid!]);
    this.#pods.addIndex('controller', (o) => [controllerUid(o) ?? '']);
    this.#unsub.push(
      this.#rss.on((_t, rs) => this.#queue.add(keyOf(rs))),
      this.#pods.on((_t, pod, old) => {
        const uid = controllerUid(pod) ?? (old && controllerUid(old));
        if (uid) {
          const rs = this.#rss.byIndex('uid', uid)[0];
          if (rs) this.#queue.add(keyOf(rs));
        } else if (_t !== 'DELETED') {
          // An orphan: any ReplicaSet whose selector matches may adopt it.
          for (const rs of this.#rss.list(pod.metadata.namespace))
            if (selectorMatches(rs.spec?.selector, pod.metadata.labels)) this.#queue.add(keyOf(rs));
        }
      }),
    );
  }

  stop(): void {
    this.#unsub.forEach((u) => u());
    this.#queue.stop();
  }

  #sync(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = this.#rss.get(ns, name);
    if (!rs) return;
    const { kube, clock, events } = this.#env;
    const owned = this.#pods.byIndex('controller', rs.metadata.uid!);
    if (!rs.metadata.deletionTimestamp) {
      // ClaimPods: adopt orphans that match the selector.
      for (const p of this.#pods.list(ns)) {
        if (p.metadata.ownerReferences?.some((r) => r.controller) || !isPodActive(p) || !selectorMatches(rs.spec?.selector, p.metadata.labels)) continue;
        const refs = [...(p.metadata.ownerReferences ?? []), ownerRef(rs)];
        const adopted = kube.patch(R.pods, ns, p.metadata.name!, { metadata: { ownerReferences: refs, uid: p.metadata.uid } }, 'merge');
        owned.push(adopted);
      }
    }
    const active = owned.filter(isPodActive);
    const want = rs.spec?.replicas ?? 1;
    const diff = active.length - want;
    if (!rs.metadata.deletionTimestamp) {
      if (diff < 0) {
        for (let i = 0; i < Math.min(-diff, BURST); i++) {
          const pod = kube.create(R.pods, podFromTemplate(rs));
          events.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, COMPONENT);
        }
      } else if (diff > 0) {
        const victims = rankPodsForDeletion(active).slice(0, Math.min(diff, BURST));
        for (const p of victims) {
          if (kube.delete(R.pods, ns, p.metadata.name!)) events.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, COMPONENT);
        }
      }
    }
    this.#updateStatus(rs);
  }

  #updateStatus(rs0: KObject): void {
    const rs = this.#rss.get(rs0.metadata.namespace, rs0.metadata.name!) ?? rs0;
    const now = this.#env.clock.now();
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const active = this.#pods.byIndex('controller', rs.metadata.uid!).filter(isPodActive);
    const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
    const status: Record<string, unknown> = {
      replicas: active.length,
      fullyLabeledReplicas: active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: active.filter(isPodReady).length,
      availableReplicas: active.filter((p) => isPodAvailable(p, minReady, now)).length,
      observedGeneration: rs.metadata.generation,
    };
    if (rs.status?.conditions) status.conditions = rs.status.conditions;
    // omitempty, as the API prints it (replicas is always present).
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (!status[k]) delete status[k];
    if (JSON.stringify(status) !== JSON.stringify(rs.status)) this.#env.kube.updateStatus(R.replicasets, { ...structuredClone(rs), status });
    // Ready but not yet available pods become available after minReadySeconds.
    if (minReady > 0 && active.some((p) => isPodReady(p) && !isPodAvailable(p, minReady, now))) this.#queue.add(keyOf(rs), minReady * 1000);
  }
}

function ownerRef(rs: KObject) {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** controller.GetPodFromTemplate */
function podFromTemplate(rs: KObject): KObject {
  const t = rs.spec.template ?? {};
  const meta: KObject['metadata'] = {
    generateName: `${rs.metadata.name}-`,
    namespace: rs.metadata.namespace,
    labels: { ...t.metadata?.labels },
    ownerReferences: [ownerRef(rs)],
  };
  if (t.metadata?.annotations) meta.annotations = { ...t.metadata.annotations };
  if (t.metadata?.finalizers) meta.finalizers = [...t.metadata.finalizers];
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: structuredClone(t.spec ?? {}) };
}
