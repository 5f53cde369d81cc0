// The Deployment controller: Models pkg/controller/deployment (deployment_controller.go, sync.go,
// rolling.go, recreate.go, progress.go). It owns ReplicaSets named <deployment>-<pod-template-hash>,
// rolls them per the strategy and reports status and conditions with the upstream wording.

import { R } from '../../apiserver/resources.ts';
import { StatusError } from '../../apiserver/errors.ts';
import { parseTimestamp } from '../../apiserver/meta.ts';
import type { KObject } from '../../apiserver/types.ts';
import type { Controller, ControllerEnv } from '../controller.ts';
import { controllerUid, informer, keyOf, splitKey, type Informer } from '../util/informer.ts';
import { WorkQueue } from '../util/queue.ts';
import { computeHash } from './hash.ts';
import {
  HASH_LABEL,
  REVISION,
  REVISION_HISTORY,
  copyAnnotations,
  equalIgnoreHash,
  getCondition,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSNewReplicas,
  replicasOf,
  revisionOf,
  setCondition,
  setReplicasAnnotations,
  type DeploymentCondition,
} from './util.ts';

const COMPONENT = 'deployment-controller';

export class DeploymentController implements Controller {
  readonly name = 'deployment';
  #env!: ControllerEnv;
  #queue!: WorkQueue;
  #deploys!: Informer;
  #rss!: Informer;
  #pods!: Informer;
  #unsub: (() => void)[] = [];

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#queue = new WorkQueue(this.name, env.clock, (k) => this.#sync(k));
    this.#deploys = informer(env.kube, R.deployments);
    this.#rss = informer(env.kube, R.replicasets);
    this.#pods = informer(env.kube, R.pods);
    this.#rss.addIndex('controller', (o) => [controllerUid(o) ?? '']);
    this.#deploys.addIndex('uid', (o) => [o.metadata.uid!]);
    this.#pods.addIndex('controller', (o) => [controllerUid(o) ?? '']);
    this.#rss.addIndex('uid', (o) => [o.metadata.uid!]);
    this.#unsub.push(
      this.#deploys.on((_t, d) => this.#queue.add(keyOf(d))),
      this.#rss.on((_t, rs) => this.#enqueueOwner(rs)),
      // Recreate waits for old pods to go away.
      this.#pods.on((t, p) => {
        if (t !== 'DELETED') return;
        const rs = this.#rss.byIndex('uid', controllerUid(p) ?? '')[0];
        if (rs) this.#enqueueOwner(rs);
      }),
    );
  }

  stop(): void {
    this.#unsub.forEach((u) => u());
    this.#queue.stop();
  }

  #enqueueOwner(rs: KObject): void {
    const uid = controllerUid(rs);
    const d = uid && this.#deploys.byIndex('uid', uid)[0];
    if (d) this.#queue.add(keyOf(d));
  }

  #sync(key: string): void {
    const [ns, name] = splitKey(key);
    const d0 = this.#deploys.get(ns, name);
    if (!d0) return;
    const d = structuredClone(d0);
    const rsList = this.#rss.byIndex('controller', d.metadata.uid!).map((o) => structuredClone(o));
    if (d.metadata.deletionTimestamp) return this.#syncStatusOnly(d, rsList);
    if (d.spec?.paused) return this.#syncPaused(d, rsList);
    if ((d.spec?.strategy?.type ?? 'RollingUpdate') === 'Recreate') return this.#rolloutRecreate(d, rsList);
    return this.#rolloutRolling(d, rsList);
  }

  // ---- rolling.go ----

  #rolloutRolling(d: KObject, rsList: KObject[]): void {
    const { newRS, oldRSs } = this.#getAllReplicaSetsAndSyncRevision(d, rsList, true);
    const all = newRS ? [...oldRSs, newRS] : oldRSs;
    if (newRS && this.#reconcileNewReplicaSet(all, newRS, d)) return this.#syncRolloutStatus(all, newRS, d);
    if (this.#reconcileOldReplicaSets(all, oldRSs.filter((rs) => replicasOf(rs) > 0), newRS, d)) return this.#syncRolloutStatus(all, newRS, d);
    if (deploymentComplete(d, d.status ?? {})) this.#cleanupDeployment(oldRSs, d);
    this.#syncRolloutStatus(all, newRS, d);
  }

  #reconcileNewReplicaSet(all: KObject[], newRS: KObject, d: KObject): boolean {
    const want = replicasOf(d);
    if (replicasOf(newRS) === want) return false;
    if (replicasOf(newRS) > want) return this.#scaleReplicaSet(newRS, want, d);
    return this.#scaleReplicaSet(newRS, newRSNewReplicas(d, all, newRS), d);
  }

  #reconcileOldReplicaSets(all: KObject[], oldRSs: KObject[], newRS: KObject | undefined, d: KObject): boolean {
    const oldPods = oldRSs.reduce((n, rs) => n + replicasOf(rs), 0);
    if (oldPods === 0) return false;
    const allPods = all.reduce((n, rs) => n + replicasOf(rs), 0);
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const newUnavailable = newRS ? replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
    const maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    // cleanupUnhealthyReplicas: unavailable old pods go first, they cost no availability.
    let cleaned = 0;
    for (const rs of byCreation(oldRSs)) {
      if (cleaned >= maxScaledDown) break;
      const r = replicasOf(rs);
      const avail = rs.status?.availableReplicas ?? 0;
      if (r === 0 || r === avail) continue;
      const n = Math.min(maxScaledDown - cleaned, r - avail);
      this.#scaleReplicaSet(rs, r - n, d);
      cleaned += n;
    }
    // scaleDownOldReplicaSetsForRollingUpdate
    const allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
    const available = allRSs.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
    let scaled = 0;
    if (available > minAvailable) {
      const total = available - minAvailable;
      for (const rs of byCreation(oldRSs)) {
        if (scaled >= total) break;
        const r = replicasOf(rs);
        if (r === 0) continue;
        const n = Math.min(r, total - scaled);
        this.#scaleReplicaSet(rs, r - n, d);
        scaled += n;
      }
    }
    return cleaned + scaled > 0;
  }

  // ---- recreate.go ----

  #rolloutRecreate(d: KObject, rsList: KObject[]): void {
    const { newRS, oldRSs } = this.#getAllReplicaSetsAndSyncRevision(d, rsList, false);
    const all = newRS ? [...oldRSs, newRS] : oldRSs;
    let scaledDown = false;
    for (const rs of oldRSs) if (replicasOf(rs) > 0) scaledDown = this.#scaleReplicaSet(rs, 0, d) || scaledDown;
    if (scaledDown) return this.#syncRolloutStatus(all, newRS, d);
    // Wait until every old pod is gone before starting new ones.
    const oldRunning = oldRSs.some((rs) => this.#pods.byIndex('controller', rs.metadata.uid!).some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'));
    if (oldRunning) return this.#syncRolloutStatus(all, newRS, d);
    const target = newRS ?? this.#getAllReplicaSetsAndSyncRevision(d, rsList, true).newRS;
    if (target && replicasOf(target) !== replicasOf(d)) this.#scaleReplicaSet(target, replicasOf(d), d);
    if (deploymentComplete(d, d.status ?? {})) this.#cleanupDeployment(oldRSs, d);
    this.#syncRolloutStatus(target ? [...oldRSs, target] : oldRSs, target, d);
  }

  #syncPaused(d: KObject, rsList: KObject[]): void {
    const { newRS, oldRSs } = this.#getAllReplicaSetsAndSyncRevision(d, rsList, false);
    const all = newRS ? [...oldRSs, newRS] : oldRSs;
    const active = all.filter((rs) => replicasOf(rs) > 0);
    const only = active.length === 1 ? active[0] : active.length === 0 ? newRS : undefined;
    if (only && replicasOf(only) !== replicasOf(d)) this.#scaleReplicaSet(only, replicasOf(d), d);
    this.#syncStatusOnly(d, all, newRS);
  }

  #syncStatusOnly(d: KObject, all: KObject[], newRS?: KObject): void {
    const status = calculateStatus(all, newRS, d, this.#env.clock.now());
    if (d.spec?.paused) setCondition(status, newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', this.#env.clock.now()));
    this.#writeStatus(d, status);
  }

  // ---- sync.go ----

  #getAllReplicaSetsAndSyncRevision(d: KObject, rsList: KObject[], createIfNotExisted: boolean): { newRS?: KObject; oldRSs: KObject[] } {
    const sorted = byCreation(rsList);
    const existing = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec.template));
    const oldRSs = sorted.filter((rs) => rs !== existing);
    const maxOld = Math.max(0, ...oldRSs.map(revisionOf));
    const newRevision = String(maxOld + 1);
    const now = this.#env.clock.now();
    const status = (d.status ??= {});
    if (existing) {
      const rs = existing;
      const before = JSON.stringify(rs.metadata.annotations ?? {});
      const oldRevision = rs.metadata.annotations?.[REVISION];
      let changed = copyAnnotations(d, rs);
      if (!oldRevision || Number(oldRevision) < Number(newRevision)) {
        const a = (rs.metadata.annotations ??= {});
        if (oldRevision) a[REVISION_HISTORY] = a[REVISION_HISTORY] ? `${a[REVISION_HISTORY]},${oldRevision}` : oldRevision;
        a[REVISION] = newRevision;
        changed = true;
      }
      changed = setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d)) || changed;
      let updated = rs;
      if (changed && JSON.stringify(rs.metadata.annotations) !== before) updated = this.#env.kube.update(R.replicasets, rs);
      this.#syncDeploymentRevision(d, updated.metadata.annotations?.[REVISION]);
      if (!getCondition(status, 'Progressing') || getCondition(status, 'Progressing')?.reason === 'DeploymentPaused')
        setCondition(status, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${rs.metadata.name}"`, now));
      return { newRS: updated, oldRSs };
    }
    if (!createIfNotExisted) return { oldRSs };

    const hash = computeHash(d.spec.template, d.status?.collisionCount);
    const template = structuredClone(d.spec.template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [HASH_LABEL]: hash } };
    const selector = structuredClone(d.spec.selector ?? {});
    selector.matchLabels = { ...selector.matchLabels, [HASH_LABEL]: hash };
    const rs: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: template.metadata.labels,
        annotations: {},
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name!, uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
    };
    copyAnnotations(d, rs);
    rs.metadata.annotations![REVISION] = newRevision;
    const all = [...oldRSs, rs];
    const newReplicas = newRSNewReplicas(d, all, rs);
    rs.spec.replicas = newReplicas;
    setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d));
    let created: KObject;
    try {
      created = this.#env.kube.create(R.replicasets, rs);
    } catch (e) {
      if (e instanceof StatusError && e.status.reason === 'AlreadyExists') {
        // A hash collision with an RS whose template differs: bump collisionCount and retry.
        status.collisionCount = (status.collisionCount ?? 0) + 1;
        this.#env.kube.updateStatus(R.deployments, d);
      }
      throw e;
    }
    if (newReplicas > 0)
      this.#env.events.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${newReplicas}`, COMPONENT);
    this.#syncDeploymentRevision(d, newRevision);
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata.name}"`, now));
    this.#writeStatus(d, status);
    return { newRS: created, oldRSs };
  }

  /** Keep the Deployment's revision annotation in step with its new RS. */
  #syncDeploymentRevision(d: KObject, revision: string | undefined): void {
    if (!revision || d.metadata.annotations?.[REVISION] === revision) return;
    d.metadata.annotations = { ...d.metadata.annotations, [REVISION]: revision };
    // Upstream writes the annotation with UpdateStatus: the deployment status strategy keeps
    // only spec and labels, so annotations pass and generation does not move. Where the status
    // path drops annotations, fall back to a plain update (which bumps generation).
    let updated = this.#env.kube.updateStatus(R.deployments, { ...d, status: this.#deploys.get(d.metadata.namespace, d.metadata.name!)?.status ?? d.status });
    if (updated.metadata.annotations?.[REVISION] !== revision) updated = this.#env.kube.update(R.deployments, { ...d, metadata: { ...d.metadata, resourceVersion: updated.metadata.resourceVersion } });
    d.metadata.resourceVersion = updated.metadata.resourceVersion;
    d.metadata.generation = updated.metadata.generation;
  }

  #scaleReplicaSet(rs: KObject, newScale: number, d: KObject): boolean {
    const oldScale = replicasOf(rs);
    const sizeChange = oldScale !== newScale;
    rs.spec.replicas = newScale;
    const annotationsChange = setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d));
    if (!sizeChange && !annotationsChange) return false;
    const updated = this.#env.kube.update(R.replicasets, rs);
    Object.assign(rs, updated);
    if (sizeChange)
      this.#env.events.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${oldScale < newScale ? 'up' : 'down'} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`, COMPONENT);
    return sizeChange;
  }

  /** cleanupDeployment: keep revisionHistoryLimit old, empty ReplicaSets. */
  #cleanupDeployment(oldRSs: KObject[], d: KObject): void {
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const cleanable = byCreation(oldRSs).filter((rs) => replicasOf(rs) === 0 && !(rs.status?.replicas) && !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - limit;
    for (let i = 0; i < diff; i++) this.#env.kube.delete(R.replicasets, rs(cleanable[i]).ns, rs(cleanable[i]).name);
  }

  // ---- progress.go ----

  #syncRolloutStatus(all: KObject[], newRS: KObject | undefined, d: KObject): void {
    const now = this.#env.clock.now();
    const status = calculateStatus(all, newRS, d, now);
    const deadline = d.spec?.progressDeadlineSeconds ?? 600;
    const cur = getCondition(status, 'Progressing');
    const isComplete = deploymentComplete(d, status);
    if (!(cur && cur.reason === 'ProgressDeadlineExceeded')) {
      if (newRS && isComplete) {
        setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`, now));
      } else if (newRS && deploymentProgressing(d, status)) {
        const c = newCondition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRS.metadata.name}" is progressing.`, now);
        if (cur && cur.status === 'True') c.lastTransitionTime = cur.lastTransitionTime;
        status.conditions = [...(status.conditions ?? []).filter((x: DeploymentCondition) => x.type !== 'Progressing'), c];
      } else if (newRS && cur && timedOut(cur, deadline, now)) {
        setCondition(status, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`, now));
      }
    }
    this.#writeStatus(d, status);
    // requeueStuckDeployment: look again when the deadline would pass.
    const after = getCondition(status, 'Progressing');
    if (!isComplete && after?.status === 'True') {
      const last = parseTimestamp(after.lastUpdateTime) ?? now;
      this.#queue.add(keyOf(d), Math.max(1000, last + deadline * 1000 - now + 1000));
    }
  }

  #writeStatus(d: KObject, status: Record<string, unknown>): void {
    if (JSON.stringify(status) === JSON.stringify(d.status)) return;
    const updated = this.#env.kube.updateStatus(R.deployments, { ...d, status });
    d.metadata.resourceVersion = updated.metadata.resourceVersion;
    d.status = updated.status;
  }
}

function rs(o: KObject): { ns: string; name: string } {
  return { ns: o.metadata.namespace!, name: o.metadata.name! };
}

function byCreation(list: KObject[]): KObject[] {
  return [...list].sort(
    (a, b) =>
      (parseTimestamp(a.metadata.creationTimestamp) ?? 0) - (parseTimestamp(b.metadata.creationTimestamp) ?? 0) ||
      (a.metadata.name! < b.metadata.name! ? -1 : 1),
  );
}

/** calculateStatus (sync.go). */
function calculateStatus(all: KObject[], newRS: KObject | undefined, d: KObject, now: number): Record<string, any> {
  const sum = (f: (rs: KObject) => number) => all.reduce((n, rs) => n + f(rs), 0);
  const available = sum((rs) => rs.status?.availableReplicas ?? 0);
  const total = sum((rs) => replicasOf(rs));
  const status: Record<string, any> = {
    observedGeneration: d.metadata.generation,
    replicas: sum((rs) => rs.status?.replicas ?? 0),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum((rs) => rs.status?.readyReplicas ?? 0),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  status.conditions = structuredClone(d.status?.conditions ?? []);
  if (available >= replicasOf(d) - maxUnavailable(d))
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  else setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  // The API omits zero counts (omitempty).
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (!status[k]) delete status[k];
  if (!status.conditions.length) delete status.conditions;
  return status;
}

/** DeploymentComplete */
function deploymentComplete(d: KObject, s: Record<string, any>): boolean {
  const r = replicasOf(d);
  return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than last seen. */
function deploymentProgressing(d: KObject, s: Record<string, any>): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0);
}

function timedOut(c: DeploymentCondition, deadlineSeconds: number, now: number): boolean {
  const last = parseTimestamp(c.lastUpdateTime);
  return last !== undefined && last + deadlineSeconds * 1000 < now;
}

