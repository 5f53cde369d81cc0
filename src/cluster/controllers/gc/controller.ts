// The garbage collector: Models pkg/controller/garbagecollector. It tracks ownerReferences across
// the served resources; a dependent whose owners are all gone is deleted (background
// propagation); an owner being deleted with the 'orphan' finalizer has its dependents' references
// removed, and one with 'foregroundDeletion' waits for its blocking dependents to be gone. Owners
// of a kind the server does not serve (DaemonSet, ...) are unresolvable and their dependents kept.

import { R, type ResourceRef } from '../../apiserver/resources.ts';
import type { KObject } from '../../apiserver/types.ts';
import type { Controller, ControllerEnv } from '../controller.ts';
import { informer, type Informer } from '../util/informer.ts';
import { WorkQueue } from '../util/queue.ts';

/** Kinds the GC can resolve, by "apiVersion/kind". */
const KINDS: Record<string, ResourceRef> = {
  'v1/Pod': R.pods,
  'v1/Service': R.services,
  'v1/Endpoints': R.endpoints,
  'v1/ConfigMap': R.configmaps,
  'v1/Secret': R.secrets,
  'v1/ServiceAccount': R.serviceaccounts,
  'v1/Node': R.nodes,
  'v1/Namespace': R.namespaces,
  'apps/v1/Deployment': R.deployments,
  'apps/v1/ReplicaSet': R.replicasets,
  'discovery.k8s.io/v1/EndpointSlice': R.endpointslices,
  'networking.k8s.io/v1/Ingress': R.ingresses,
  'networking.k8s.io/v1/IngressClass': R.ingressclasses,
};

interface Node {
  ref: ResourceRef;
  obj: KObject;
}

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  #env!: ControllerEnv;
  #queue!: WorkQueue;
  #byUid = new Map<string, Node>();
  /** owner uid → dependent uids */
  #dependents = new Map<string, Set<string>>();
  #informers: Informer[] = [];
  #unsub: (() => void)[] = [];

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#queue = new WorkQueue(this.name, env.clock, (uid) => this.#process(uid));
    for (const ref of Object.values(KINDS)) {
      const inf = informer(env.kube, ref);
      this.#informers.push(inf);
      this.#unsub.push(inf.on((t, o, old) => this.#observe(ref, t, o, old)));
    }
  }

  stop(): void {
    this.#unsub.forEach((u) => u());
    this.#queue.stop();
  }

  #observe(ref: ResourceRef, t: string, o: KObject, old?: KObject): void {
    const uid = o.metadata.uid!;
    for (const r of old?.metadata.ownerReferences ?? []) this.#dependents.get(r.uid)?.delete(uid);
    if (t === 'DELETED') {
      this.#byUid.delete(uid);
      // Its dependents may now be orphans; its owners may be waiting on it (foreground).
      for (const d of this.#dependents.get(uid) ?? []) this.#queue.add(d);
      for (const r of o.metadata.ownerReferences ?? []) this.#queue.add(r.uid);
      return;
    }
    this.#byUid.set(uid, { ref, obj: o });
    for (const r of o.metadata.ownerReferences ?? []) {
      let s = this.#dependents.get(r.uid);
      if (!s) this.#dependents.set(r.uid, (s = new Set()));
      s.add(uid);
    }
    if (o.metadata.ownerReferences?.length) this.#queue.add(uid);
    if (o.metadata.deletionTimestamp && o.metadata.finalizers?.some((f) => f === 'orphan' || f === 'foregroundDeletion')) this.#queue.add(uid);
  }

  #process(uid: string): void {
    const node = this.#byUid.get(uid);
    if (!node) return;
    const { obj, ref } = node;
    const { kube } = this.#env;
    const fins = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && fins.includes('orphan')) {
      for (const d of [...(this.#dependents.get(uid) ?? [])]) {
        const dn = this.#byUid.get(d);
        if (!dn) continue;
        const refs = (dn.obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        kube.patch(dn.ref, dn.obj.metadata.namespace, dn.obj.metadata.name!, { metadata: { ownerReferences: refs.length ? refs : null } }, 'merge');
      }
      return this.#removeFinalizer(node, 'orphan');
    }
    if (obj.metadata.deletionTimestamp && fins.includes('foregroundDeletion')) {
      const deps = [...(this.#dependents.get(uid) ?? [])].map((d) => this.#byUid.get(d)).filter((d): d is Node => !!d);
      for (const d of deps) if (!d.obj.metadata.deletionTimestamp) kube.delete(d.ref, d.obj.metadata.namespace, d.obj.metadata.name!, { propagationPolicy: 'Foreground' });
      const blocking = deps.filter((d) => d.obj.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion));
      if (!blocking.length) this.#removeFinalizer(node, 'foregroundDeletion');
      return;
    }
    // attemptToDeleteItem: are all owners gone?
    const refs = obj.metadata.ownerReferences ?? [];
    if (!refs.length || obj.metadata.deletionTimestamp) return;
    let solid = 0;
    let dangling = 0;
    for (const r of refs) {
      const kind = KINDS[`${r.apiVersion}/${r.kind}`];
      if (!kind) {
        solid++; // unresolvable kind: keep the dependent
        continue;
      }
      const owner = this.#byUid.get(r.uid);
      if (owner && owner.obj.kind === r.kind) {
        // An owner waiting in foreground deletion for its blocking dependents deletes them too.
        if (owner.obj.metadata.deletionTimestamp && owner.obj.metadata.finalizers?.includes('foregroundDeletion')) this.#queue.add(r.uid);
        solid++;
      } else dangling++;
    }
    if (!dangling) return;
    if (solid) {
      const keep = refs.filter((r) => !KINDS[`${r.apiVersion}/${r.kind}`] || this.#byUid.has(r.uid));
      kube.patch(ref, obj.metadata.namespace, obj.metadata.name!, { metadata: { ownerReferences: keep } }, 'merge');
      return;
    }
    kube.delete(ref, obj.metadata.namespace, obj.metadata.name!, { propagationPolicy: 'Background' });
  }

  #removeFinalizer(node: Node, finalizer: string): void {
    const cur = this.#byUid.get(node.obj.metadata.uid!)?.obj ?? node.obj;
    const next = structuredClone(cur);
    next.metadata.finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    this.#env.kube.update(node.ref, next);
  }
}
