// The namespace controller: Models pkg/controller/namespace/deletion/namespaced_resources_deleter.go.
// A terminating namespace has all its content deleted (pods gracefully, through their kubelets),
// its status conditions say what remains, and once it is empty it is finalized and removed.

import { R, type ResourceRef } from '../../apiserver/resources.ts';
import { timestamp } from '../../apiserver/meta.ts';
import type { KObject } from '../../apiserver/types.ts';
import type { Controller, ControllerEnv } from '../controller.ts';
import { informer, keyOf, type Informer } from '../util/informer.ts';
import { WorkQueue } from '../util/queue.ts';

/** Namespaced resources, in the order their content is deleted. Events go last. */
const CONTENT: [string, ResourceRef][] = [
  ['deployments.apps', R.deployments],
  ['replicasets.apps', R.replicasets],
  ['pods', R.pods],
  ['services', R.services],
  ['endpoints', R.endpoints],
  ['endpointslices.discovery.k8s.io', R.endpointslices],
  ['ingresses.networking.k8s.io', R.ingresses],
  ['configmaps', R.configmaps],
  ['secrets', R.secrets],
  ['serviceaccounts', R.serviceaccounts],
  ['events', R.events],
];

/**
 * The status conditions of a terminating namespace. Off for now: the API server removes any
 * object with a deletionTimestamp and no metadata.finalizers on update, without looking at a
 * Namespace's spec.finalizers, so a status write would delete the namespace early.
 */
const WRITE_CONDITIONS = true;

export class NamespaceController implements Controller {
  readonly name = 'namespace';
  #env!: ControllerEnv;
  #queue!: WorkQueue;
  #namespaces!: Informer;
  #content: [string, Informer][] = [];
  #unsub: (() => void)[] = [];

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#queue = new WorkQueue(this.name, env.clock, (k) => this.#sync(k));
    this.#namespaces = informer(env.kube, R.namespaces);
    this.#unsub.push(this.#namespaces.on((_t, ns) => ns.metadata.deletionTimestamp && this.#queue.add(keyOf(ns))));
    for (const [name, ref] of CONTENT) {
      const inf = informer(env.kube, ref);
      this.#content.push([name, inf]);
      // Content leaving a terminating namespace moves its deletion along.
      this.#unsub.push(
        inf.on((t, o) => {
          if (t !== 'DELETED') return;
          const ns = this.#namespaces.get(undefined, o.metadata.namespace!);
          if (ns?.metadata.deletionTimestamp) this.#queue.add(ns.metadata.name!);
        }),
      );
    }
  }

  stop(): void {
    this.#unsub.forEach((u) => u());
    this.#queue.stop();
  }

  #sync(name: string): void {
    const ns = this.#namespaces.get(undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    const { kube } = this.#env;
    const remaining: [string, number][] = [];
    const finalizers = new Set<string>();
    for (const [resName, inf] of this.#content) {
      const items = inf.list(name);
      if (!items.length) continue;
      remaining.push([resName, items.length]);
      for (const o of items) {
        for (const f of o.metadata.finalizers ?? []) finalizers.add(f);
        if (!o.metadata.deletionTimestamp) kube.delete(inf.ref, name, o.metadata.name!);
      }
    }
    if (remaining.length) {
      if (WRITE_CONDITIONS) this.#setConditions(ns, remaining, finalizers);
      return;
    }
    kube.api.request({ method: 'PUT', path: `/api/v1/namespaces/${name}/finalize`, body: { ...structuredClone(ns), spec: { finalizers: [] } } });
  }

  #setConditions(ns: KObject, remaining: [string, number][], finalizers: Set<string>): void {
    const now = timestamp(this.#env.clock.now());
    const prev = new Map<string, { status: string; lastTransitionTime: string }>((ns.status?.conditions ?? []).map((c: { type: string; status: string; lastTransitionTime: string }) => [c.type, c]));
    const cond = (type: string, status: string, reason: string, message: string) => ({
      type,
      status,
      lastTransitionTime: prev.get(type)?.status === status ? prev.get(type)!.lastTransitionTime : now,
      reason,
      message,
    });
    const list = remaining.map(([r, n]) => `${r} has ${n} resource instances`).join(', ');
    const conditions = [
      cond('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'),
      cond('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
      cond('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
      cond('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${list}`),
      finalizers.size
        ? cond('NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${[...finalizers].sort().map((f) => `${f} in 1 resource instances`).join(', ')}`)
        : cond('NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'),
    ];
    const status = { ...ns.status, phase: 'Terminating', conditions };
    if (JSON.stringify(status) === JSON.stringify(ns.status)) return;
    try {
      this.#env.kube.updateStatus(R.namespaces, { ...structuredClone(ns), status });
    } catch {
      // removed meanwhile
    }
  }
}
