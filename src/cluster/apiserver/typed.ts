// A convenience client over ApiClient for code inside the cluster (controllers, kubelet, network)
// and for tests: same REST calls, less path building. Errors are thrown as StatusError.

import type { ApiClient } from './client.ts';
import { StatusError } from './errors.ts';
import { resourcePath, type ResourceRef } from './resources.ts';
import type { ApiRequest, ApiResponse, KObject, Status, WatchEvent, WatchHandle } from './types.ts';

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export class Kube {
  constructor(readonly api: ApiClient) {}

  #call(req: ApiRequest): ApiResponse {
    const res = this.api.request(req);
    if (res.status >= 400) throw new StatusError(res.body as Status);
    return res;
  }

  get(r: ResourceRef, namespace: string | undefined, name: string): KObject | undefined {
    const res = this.api.request({ method: 'GET', path: resourcePath(r, namespace, name) });
    if (res.status === 404) return undefined;
    if (res.status >= 400) throw new StatusError(res.body as Status);
    return res.body as KObject;
  }

  list(r: ResourceRef, opts: ListOptions = {}): KObject[] {
    const query: Record<string, string> = {};
    if (opts.labelSelector) query.labelSelector = opts.labelSelector;
    if (opts.fieldSelector) query.fieldSelector = opts.fieldSelector;
    return (this.#call({ method: 'GET', path: resourcePath(r, opts.namespace), query }).body as { items: KObject[] }).items;
  }

  create(r: ResourceRef, obj: KObject): KObject {
    return this.#call({ method: 'POST', path: resourcePath(r, obj.metadata.namespace), body: obj }).body as KObject;
  }

  update(r: ResourceRef, obj: KObject): KObject {
    return this.#call({ method: 'PUT', path: resourcePath(r, obj.metadata.namespace, obj.metadata.name), body: obj }).body as KObject;
  }

  updateStatus(r: ResourceRef, obj: KObject): KObject {
    return this.#call({ method: 'PUT', path: resourcePath(r, obj.metadata.namespace, obj.metadata.name, 'status'), body: obj }).body as KObject;
  }

  /** JSON merge patch (or strategic, with type 'strategic'). */
  patch(r: ResourceRef, namespace: string | undefined, name: string, patch: unknown, type: 'merge' | 'strategic' | 'json' = 'merge', subresource?: string): KObject {
    const ct = type === 'merge' ? 'application/merge-patch+json' : type === 'strategic' ? 'application/strategic-merge-patch+json' : 'application/json-patch+json';
    return this.#call({ method: 'PATCH', path: resourcePath(r, namespace, name, subresource), headers: { 'content-type': ct }, body: patch }).body as KObject;
  }

  /** Delete; returns false when the object was already gone. */
  delete(r: ResourceRef, namespace: string | undefined, name: string, query?: Record<string, string>): boolean {
    const res = this.api.request({ method: 'DELETE', path: resourcePath(r, namespace, name), query });
    if (res.status === 404) return false;
    if (res.status >= 400) throw new StatusError(res.body as Status);
    return true;
  }

  watch(r: ResourceRef, opts: ListOptions, onEvent: (e: WatchEvent) => void): WatchHandle {
    const query: Record<string, string> = { watch: 'true' };
    if (opts.labelSelector) query.labelSelector = opts.labelSelector;
    if (opts.fieldSelector) query.fieldSelector = opts.fieldSelector;
    return this.api.watch({ method: 'GET', path: resourcePath(r, opts.namespace), query }, onEvent);
  }
}
