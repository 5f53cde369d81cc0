// A thin REST client over ApiClient: paths for a resource, JSON in and out, Status → ApiStatusError,
// and server warnings printed as kubectl prints them (`Warning: ...` on stderr).

import type { ApiClient } from '../../cluster/apiserver/client.ts';
import type { ApiRequest, ApiResponse, Status, WatchEvent, WatchHandle } from '../../cluster/apiserver/types.ts';
import { ApiStatusError } from '../errors.ts';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export interface ResourceRef {
  group: string;
  version: string;
  /** The plural. An ApiResource from discovery (which calls it `name`) is accepted as well. */
  resource?: string;
  name?: string;
  namespaced: boolean;
}

/** ResourceRefs for the built-in groups the commands name directly. */
export const CORE = (resource: string, namespaced = true): ResourceRef => ({ group: '', version: 'v1', resource, namespaced });
export const APPS = (resource: string): ResourceRef => ({ group: 'apps', version: 'v1', resource, namespaced: true });
export const NETWORKING = (resource: string): ResourceRef => ({ group: 'networking.k8s.io', version: 'v1', resource, namespaced: true });

export function resourcePath(r: ResourceRef, namespace?: string, name?: string): string {
  let p = r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`;
  if (r.namespaced && namespace) p += `/namespaces/${namespace}`;
  p += `/${r.resource ?? r.name}`;
  if (name !== undefined) p += `/${name}`;
  return p;
}

export class Rest {
  constructor(
    readonly client: ApiClient,
    private readonly warn: (s: string) => void,
  ) {}

  request(req: ApiRequest): ApiResponse {
    const res = this.client.request(req);
    for (const w of res.warnings ?? []) this.warn(`Warning: ${w}\n`);
    if (res.status >= 400) throw new ApiStatusError(asStatus(res));
    return res;
  }

  get<T = unknown>(path: string, query?: Record<string, string>, headers?: Record<string, string>): T {
    return this.request({ method: 'GET', path, query, headers }).body as T;
  }

  /**
   * One named object as cli-runtime's Info.Get fetches it: when a namespaced object is not found
   * in a namespace other than `default`, the namespace is looked up, and if it is missing that
   * NotFound (`namespaces "x" not found`) is the error.
   */
  getNamed<T = unknown>(r: ResourceRef, namespace: string | undefined, name: string, query?: Record<string, string>, headers?: Record<string, string>): T {
    try {
      return this.get<T>(resourcePath(r, namespace, name), query, headers);
    } catch (e) {
      if (e instanceof ApiStatusError && e.reason === 'NotFound' && r.namespaced && namespace && namespace !== 'default') {
        try {
          this.get(`/api/v1/namespaces/${namespace}`);
        } catch (e2) {
          if (e2 instanceof ApiStatusError && e2.reason === 'NotFound') throw e2;
        }
      }
      throw e;
    }
  }

  /**
   * A list as cli-runtime's Selector.Visit makes it: BadRequest and NotFound come back through
   * EnhanceListError, which names the resource and the selectors in the server's message.
   */
  list<T = unknown>(r: ResourceRef, namespace?: string, query: Record<string, string> = {}, headers?: Record<string, string>): T {
    try {
      return this.get<T>(resourcePath(r, namespace), query, headers);
    } catch (e) {
      if (!(e instanceof ApiStatusError) || (e.reason !== 'BadRequest' && e.reason !== 'NotFound')) throw e;
      const gvr = JSON.stringify(`${r.group}/${r.version}, Resource=${r.resource ?? r.name}`);
      const label = query.labelSelector ?? '';
      const field = query.fieldSelector ?? '';
      const message =
        label === '' && field === ''
          ? `Unable to list ${gvr}: ${e.message}`
          : `Unable to find ${gvr} that match label selector ${JSON.stringify(label)}, field selector ${JSON.stringify(field)}: ${e.message}`;
      throw new ApiStatusError({ ...e.status, message });
    }
  }

  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void): WatchHandle {
    return this.client.watch(req, onEvent);
  }
}

function asStatus(res: ApiResponse): Status {
  const b = res.body as Partial<Status> | undefined;
  if (b && b.kind === 'Status') return b as Status;
  // client-go's fallback for a non-Status error body (rest/request.go: newUnstructuredResponseError).
  const message = res.status === 404 ? 'the server could not find the requested resource' : `an error on the server ("${String(res.body ?? '')}") has prevented the request from succeeding`;
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: res.status === 404 ? 'NotFound' : 'InternalError', code: res.status };
}
