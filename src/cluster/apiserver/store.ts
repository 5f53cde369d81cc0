// The object store: what etcd is to the API server. It keeps objects per resource, stamps each
// write with a cluster-wide resourceVersion, and tells watchers about every change.

import type { KObject, WatchEventType } from './types.ts';

export interface StoreEvent {
  type: Exclude<WatchEventType, 'BOOKMARK' | 'ERROR'>;
  /** "group/resource", e.g. "/pods" or "apps/deployments". */
  resource: string;
  object: KObject;
}

type Listener = (e: StoreEvent) => void;

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? namespace + '/' + name : name;
}

export class Store {
  #data = new Map<string, Map<string, KObject>>();
  #rv = 1000;
  #listeners = new Set<Listener>();

  get resourceVersion(): string {
    return String(this.#rv);
  }

  #bucket(resource: string): Map<string, KObject> {
    let b = this.#data.get(resource);
    if (!b) this.#data.set(resource, (b = new Map()));
    return b;
  }

  /** The stored object itself: callers must not mutate it (the server hands out copies). */
  peek(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.#data.get(resource)?.get(objectKey(namespace, name));
  }

  /** Stored objects of a resource, in name order per namespace (as etcd's key order gives). */
  peekAll(resource: string, namespace?: string): KObject[] {
    const b = this.#data.get(resource);
    if (!b) return [];
    const out: KObject[] = [];
    for (const o of b.values()) if (!namespace || o.metadata.namespace === namespace) out.push(o);
    return out.sort((a, b) =>
      cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name!, b.metadata.name!),
    );
  }

  /** Write an object (create or replace), stamping a new resourceVersion. */
  put(resource: string, obj: KObject, type: 'ADDED' | 'MODIFIED'): KObject {
    obj.metadata.resourceVersion = String(++this.#rv);
    this.#bucket(resource).set(objectKey(obj.metadata.namespace, obj.metadata.name!), obj);
    this.#emit({ type, resource, object: obj });
    return obj;
  }

  remove(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    const b = this.#data.get(resource);
    const key = objectKey(namespace, name);
    const obj = b?.get(key);
    if (!obj) return undefined;
    b!.delete(key);
    // A deleted object is reported with a fresh resourceVersion, as etcd's delete revision.
    const gone = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.#rv) } };
    this.#emit({ type: 'DELETED', resource, object: gone });
    return gone;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(e: StoreEvent): void {
    for (const l of [...this.#listeners]) l(e);
  }

  /** Everything, for snapshots (lesson step reset) and tests. */
  dump(): { resourceVersion: number; objects: Record<string, KObject[]> } {
    const objects: Record<string, KObject[]> = {};
    for (const [r, b] of this.#data) objects[r] = [...b.values()].map((o) => structuredClone(o));
    return { resourceVersion: this.#rv, objects };
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
