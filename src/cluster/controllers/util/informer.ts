// A shared informer: one watch per resource, a local cache and secondary indexes, the way
// client-go's SharedIndexInformer feeds every controller of kube-controller-manager. Controllers
// read from the cache (no re-list per event) and write through the API.

import type { Kube } from '../../apiserver/typed.ts';
import type { ResourceRef } from '../../apiserver/resources.ts';
import type { KObject, WatchHandle } from '../../apiserver/types.ts';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type Handler = (type: ChangeType, obj: KObject, old: KObject | undefined) => void;
export type IndexFn = (obj: KObject) => string[];

export function keyOf(obj: KObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}

export class Informer {
  readonly ref: ResourceRef;
  #objects = new Map<string, KObject>();
  #handlers = new Set<Handler>();
  #indexFns = new Map<string, IndexFn>();
  #indexes = new Map<string, Map<string, Set<string>>>();
  #watch: WatchHandle;

  constructor(kube: Kube, ref: ResourceRef) {
    this.ref = ref;
    this.addIndex('namespace', (o) => [o.metadata.namespace ?? '']);
    this.#watch = kube.watch(ref, {}, (e) => {
      if (e.type !== 'ADDED' && e.type !== 'MODIFIED' && e.type !== 'DELETED') return;
      const key = keyOf(e.object);
      const old = this.#objects.get(key);
      if (old) this.#unindex(key, old);
      if (e.type === 'DELETED') this.#objects.delete(key);
      else {
        this.#objects.set(key, e.object);
        this.#index(key, e.object);
      }
      for (const h of [...this.#handlers]) h(e.type, e.object, old);
    });
  }

  /** Subscribe; existing objects are replayed as ADDED, as a new informer handler sees them. */
  on(h: Handler): () => void {
    this.#handlers.add(h);
    for (const o of [...this.#objects.values()]) h('ADDED', o, undefined);
    return () => this.#handlers.delete(h);
  }

  get(namespace: string | undefined, name: string): KObject | undefined {
    return this.#objects.get(namespace ? `${namespace}/${name}` : name);
  }

  getByKey(key: string): KObject | undefined {
    return this.#objects.get(key);
  }

  list(namespace?: string): KObject[] {
    return namespace === undefined ? [...this.#objects.values()] : this.byIndex('namespace', namespace);
  }

  addIndex(name: string, fn: IndexFn): void {
    if (this.#indexFns.has(name)) return;
    this.#indexFns.set(name, fn);
    const idx = new Map<string, Set<string>>();
    this.#indexes.set(name, idx);
    for (const [k, o] of this.#objects) for (const v of fn(o)) addTo(idx, v, k);
  }

  byIndex(name: string, value: string): KObject[] {
    const keys = this.#indexes.get(name)?.get(value);
    if (!keys) return [];
    const out: KObject[] = [];
    for (const k of keys) out.push(this.#objects.get(k)!);
    return out;
  }

  stop(): void {
    this.#watch.stop();
  }

  #index(key: string, o: KObject): void {
    for (const [name, fn] of this.#indexFns) for (const v of fn(o)) addTo(this.#indexes.get(name)!, v, key);
  }

  #unindex(key: string, o: KObject): void {
    for (const [name, fn] of this.#indexFns) {
      const idx = this.#indexes.get(name)!;
      for (const v of fn(o)) {
        const s = idx.get(v);
        s?.delete(key);
        if (s && !s.size) idx.delete(v);
      }
    }
  }
}

function addTo(idx: Map<string, Set<string>>, v: string, k: string): void {
  let s = idx.get(v);
  if (!s) idx.set(v, (s = new Set()));
  s.add(k);
}

const shared = new WeakMap<Kube, Map<string, Informer>>();

/** The cluster-wide informer for a resource (created on first use, shared by every controller). */
export function informer(kube: Kube, ref: ResourceRef): Informer {
  let m = shared.get(kube);
  if (!m) shared.set(kube, (m = new Map()));
  const k = `${ref.group}/${ref.resource}`;
  let inf = m.get(k);
  if (!inf) m.set(k, (inf = new Informer(kube, ref)));
  return inf;
}

/** Stop every shared informer of a cluster (Cluster.stop). */
export function stopInformers(kube: Kube): void {
  for (const inf of shared.get(kube)?.values() ?? []) inf.stop();
  shared.delete(kube);
}

/** The uid of an object's controlling owner, if any. */
export function controllerUid(o: KObject): string | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}
