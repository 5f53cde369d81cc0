// The in-process API server: Kubernetes REST paths and verbs over the store, with the registries'
// strategies on the write path, selectors on reads, Status errors, server-side Tables and watch.
// It implements ApiClient directly; the HTTP facade (cli/) serves the same calls over HTTP.

import { isDryRun } from './dry-run.ts';
import type { ApiClient } from './client.ts';
import { StatusError, notFound, alreadyExists, conflict, badRequest, forbidden, methodNotSupported, pathNotFound, unsupportedMediaType, internalError, MODIFIED_CONFLICT } from './errors.ts';
import { applyPatch, type PatchType } from './patch-dispatch.ts';
import { decodeError, jsonType, kindStructure } from './decode.ts';
import { parseFieldSelectorQuery, parseLabelSelectorQuery, type ObjectFilter } from './filters.ts';
import type { ResourceStrategy, StrategyContext } from './registry/strategy.ts';
import { Store, type StoreEvent } from './store.ts';
import type { ApiRequest, ApiResponse, KObject, StreamHandle, StreamListener, Table, WatchEvent, WatchHandle } from './types.ts';
import { discoveryFor } from './discovery.ts';
import { randomUid, timestamp } from './meta.ts';
import { validateObjectMeta } from './validation/objectmeta.ts';
import { nameIsDNSSubdomain } from './validation/names.ts';
import { invalidStatus } from './validation/status.ts';
import { randomSuffix } from '../random.ts';

export type SubresourceHandler = (req: ApiRequest, obj: KObject, server: ApiServer) => ApiResponse;
/** A streaming subresource: answers a stream request, returning the handle the client writes to. */
export type StreamHandler = (req: ApiRequest, obj: KObject, listener: StreamListener, server: ApiServer) => StreamHandle;

export interface ApiServerOptions {
  store: Store;
  strategies: ResourceStrategy[];
  context: Omit<StrategyContext, 'dryRun' | 'store'>;
  version: Record<string, string>;
}

interface Target {
  strategy: ResourceStrategy;
  namespace?: string;
  name?: string;
  subresource?: string;
}

const TABLE_ACCEPT = /as=Table/;

export class ApiServer implements ApiClient {
  readonly store: Store;
  readonly strategies: ResourceStrategy[];
  #byPath = new Map<string, ResourceStrategy>(); // "group/version/resource"
  #byResource = new Map<string, ResourceStrategy>(); // "group/resource"
  #ctx: Omit<StrategyContext, 'dryRun' | 'store'>;
  #version: Record<string, string>;
  #subresources = new Map<string, SubresourceHandler>(); // "group/resource/sub"
  #streams = new Map<string, StreamHandler>();

  constructor(opts: ApiServerOptions) {
    this.store = opts.store;
    this.strategies = opts.strategies;
    this.#ctx = opts.context;
    this.#version = opts.version;
    for (const s of opts.strategies) {
      this.#byPath.set(`${s.group}/${s.version}/${s.resource}`, s);
      this.#byResource.set(`${s.group}/${s.resource}`, s);
    }
  }

  /** Serve a subresource (pods/log, pods/exec, pods/portforward …) from outside the core. */
  handleSubresource(group: string, resource: string, sub: string, handler: SubresourceHandler): void {
    this.#subresources.set(`${group}/${resource}/${sub}`, handler);
  }

  /** Serve a streaming subresource (pods/exec, pods/attach, pods/portforward, pods/log with follow). */
  handleStream(group: string, resource: string, sub: string, handler: StreamHandler): void {
    this.#streams.set(`${group}/${resource}/${sub}`, handler);
  }

  stream(req: ApiRequest, listener: StreamListener): StreamHandle {
    const closed: StreamHandle = { write() {}, closeWrite() {}, close() {} };
    try {
      const t = this.#target(req.path.split('?')[0]);
      const h = t.subresource ? this.#streams.get(`${t.strategy.group}/${t.strategy.resource}/${t.subresource}`) : undefined;
      if (!h) throw pathNotFound();
      return h(req, structuredClone(this.#getStored(t)), listener, this);
    } catch (e) {
      listener.end(e instanceof StatusError ? e.status : internalError(String(e)).status);
      return closed;
    }
  }

  strategyFor(group: string, resource: string): ResourceStrategy | undefined {
    return this.#byResource.get(`${group}/${resource}`);
  }

  context(dryRun = false): StrategyContext {
    return { ...this.#ctx, store: this.store, dryRun };
  }

  request(req: ApiRequest): ApiResponse {
    try {
      return this.#route(req);
    } catch (e) {
      if (e instanceof StatusError) return { status: e.status.code, body: e.status };
      const err = internalError(e instanceof Error ? e.message : String(e));
      return { status: 500, body: err.status };
    }
  }

  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void): WatchHandle {
    let target: Target;
    let filter: ObjectFilter;
    try {
      target = this.#target(req.path);
      if (target.name !== undefined) {
        // A watch on one object: fieldSelector metadata.name=NAME, as client-go does.
        req = { ...req, query: { ...req.query, fieldSelector: joinSelectors(req.query?.fieldSelector, `metadata.name=${target.name}`) } };
      }
      filter = this.#filter(target.strategy, req);
    } catch (e) {
      const status = e instanceof StatusError ? e.status : internalError(String(e)).status;
      onEvent({ type: 'ERROR', object: status as unknown as KObject });
      return { stop() {} };
    }
    const { strategy, namespace } = target;
    const asTable = TABLE_ACCEPT.test(req.headers?.accept ?? '');
    const key = `${strategy.group}/${strategy.resource}`;
    const matched = new Set<string>();
    const ident = (o: KObject) => (o.metadata.namespace ?? '') + '/' + o.metadata.name;
    const emit = (type: WatchEvent['type'], o: KObject) =>
      onEvent({ type, object: asTable ? this.#table(strategy, [o], req, true) as unknown as KObject : structuredClone(o) });

    const rv = req.query?.resourceVersion;
    for (const o of this.store.peekAll(key, namespace)) {
      if (!filter(o)) continue;
      matched.add(ident(o));
      if (!rv || rv === '0') emit('ADDED', o);
    }
    let stopped = false;
    const unsubscribe = this.store.subscribe((e: StoreEvent) => {
      if (stopped || e.resource !== key) return;
      if (namespace && e.object.metadata.namespace !== namespace) return;
      const id = ident(e.object);
      const was = matched.has(id);
      const now = e.type !== 'DELETED' && filter(e.object);
      if (e.type === 'DELETED') {
        if (was) emit('DELETED', e.object);
        matched.delete(id);
      } else if (now && was) emit('MODIFIED', e.object);
      else if (now && !was) {
        matched.add(id);
        emit('ADDED', e.object);
      } else if (!now && was) {
        // An object that stops matching the selector leaves the watch as DELETED.
        matched.delete(id);
        emit('DELETED', e.object);
      }
    });
    return {
      stop() {
        stopped = true;
        unsubscribe();
      },
    };
  }

  // ---- routing ----

  #route(req: ApiRequest): ApiResponse {
    const path = req.path.split('?')[0].replace(/\/+$/, '') || '/';
    if (path === '/version' || path === '/version/') return ok(this.#version);
    if (path === '/healthz' || path === '/livez' || path === '/readyz') return { status: 200, body: 'ok' };
    const disc = discoveryFor(path, this.strategies);
    if (disc !== undefined) return ok(disc);

    const target = this.#target(path);
    if (target.subresource && !['status', 'scale'].includes(target.subresource)) {
      const h = this.#subresources.get(`${target.strategy.group}/${target.strategy.resource}/${target.subresource}`);
      if (!h) throw pathNotFound();
      const obj = this.#getStored(target);
      return h(req, structuredClone(obj), this);
    }
    const warnings = target.strategy.warnings;
    let res: ApiResponse;
    try {
      res = this.#verb(req, target);
    } catch (e) {
      // The deprecation warning comes with errors too (`kubectl get ep nope` prints both).
      if (!(e instanceof StatusError) || !warnings) throw e;
      res = { status: e.status.code, body: e.status };
    }
    return warnings ? { ...res, warnings } : res;
  }

  #target(path: string): Target {
    const segs = path.split('/').filter(Boolean);
    let group: string, version: string, rest: string[];
    if (segs[0] === 'api' && segs.length >= 2) {
      group = '';
      version = segs[1];
      rest = segs.slice(2);
    } else if (segs[0] === 'apis' && segs.length >= 3) {
      group = segs[1];
      version = segs[2];
      rest = segs.slice(3);
    } else throw pathNotFound();
    let namespace: string | undefined;
    // /namespaces/NS/RESOURCE/... is namespaced; /namespaces/NAME[/sub] is the Namespace itself.
    if (rest[0] === 'namespaces' && rest.length >= 3 && !(group === '' && (rest[2] === 'status' || rest[2] === 'finalize'))) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const strategy = this.#byPath.get(`${group}/${version}/${rest[0]}`);
    if (!strategy || rest.length > 3) throw pathNotFound();
    if (namespace !== undefined && !strategy.namespaced) throw pathNotFound();
    return { strategy, namespace, name: rest[1], subresource: rest[2] };
  }

  #verb(req: ApiRequest, t: Target): ApiResponse {
    const { strategy: s } = t;
    // client-go sends dryRun in the query for writes, but for DELETE inside the DeleteOptions body.
    const dryRun = isDryRun(req);
    switch (req.method) {
      case 'GET':
        if (t.name === undefined) {
          if (req.query?.watch === 'true' || req.query?.watch === '1') throw badRequest('watch must be requested through watch()');
          return this.#list(req, t);
        }
        return this.#get(req, t);
      case 'POST':
        if (t.name !== undefined) throw methodNotSupported(s.group, s.resource, 'create');
        return this.#create(req, t, dryRun);
      case 'PUT':
        if (t.name === undefined) throw methodNotSupported(s.group, s.resource, 'update');
        return this.#update(req, t, req.body as KObject, dryRun);
      case 'PATCH': {
        if (t.name === undefined) throw methodNotSupported(s.group, s.resource, 'patch');
        const current = this.#getStored(t);
        const type = (req.headers?.['content-type'] ?? '').split(';')[0].trim() as PatchType;
        if (!['application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/json-patch+json'].includes(type))
          throw unsupportedMediaType(type);
        const base = t.subresource === 'scale' ? this.#scaleOf(s, current) : current;
        const patched = applyPatch(type, structuredClone(base), req.body);
        return this.#update({ ...req, method: 'PUT' }, t, patched as KObject, dryRun);
      }
      case 'DELETE':
        if (t.name === undefined) return this.#deleteCollection(req, t, dryRun);
        return this.#delete(req, t, dryRun);
    }
    throw badRequest(`unsupported method ${req.method as string}`);
  }

  #getStored(t: Target): KObject {
    const s = t.strategy;
    const obj = this.store.peek(key(s), t.namespace, t.name!);
    if (!obj) throw notFound(s.group, s.resource, t.name!);
    return obj;
  }

  #get(req: ApiRequest, t: Target): ApiResponse {
    const obj = this.#getStored(t);
    if (t.subresource === 'scale') return ok(this.#scaleOf(t.strategy, obj));
    if (TABLE_ACCEPT.test(req.headers?.accept ?? '')) return ok(this.#table(t.strategy, [obj], req));
    return ok(structuredClone(obj));
  }

  #filter(s: ResourceStrategy, req: ApiRequest): ObjectFilter {
    const labels = parseLabelSelectorQuery(req.query?.labelSelector);
    const fields = parseFieldSelectorQuery(req.query?.fieldSelector, s);
    return (o) => labels(o) && fields(o);
  }

  #list(req: ApiRequest, t: Target): ApiResponse {
    const s = t.strategy;
    const filter = this.#filter(s, req);
    const items = this.store.peekAll(key(s), t.namespace).filter(filter);
    if (TABLE_ACCEPT.test(req.headers?.accept ?? '')) return ok(this.#table(s, items, req));
    return ok({
      kind: s.kind + 'List',
      apiVersion: apiVersion(s),
      metadata: { resourceVersion: this.store.resourceVersion },
      items: items.map((o) => structuredClone(o)),
    });
  }

  #table(s: ResourceStrategy, objs: KObject[], req: ApiRequest, watchEvent = false): Table {
    const ctx = this.context();
    const include = req.query?.includeObject ?? 'Metadata';
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: watchEvent ? objs[0]?.metadata.resourceVersion : this.store.resourceVersion },
      columnDefinitions: s.table.columns,
      rows: objs.map((o) => ({
        cells: s.table.row(o, ctx),
        object:
          include === 'None'
            ? undefined
            : include === 'Object'
              ? structuredClone(o)
              : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: structuredClone(o.metadata) },
      })),
    };
  }

  #create(req: ApiRequest, t: Target, dryRun: boolean): ApiResponse {
    const s = t.strategy;
    const obj = this.#decode(req.body, s);
    const meta = obj.metadata;
    if (s.namespaced) {
      if (meta.namespace && t.namespace && meta.namespace !== t.namespace)
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      meta.namespace = t.namespace ?? meta.namespace;
      if (!meta.namespace) throw pathNotFound();
    } else delete meta.namespace;
    const ctx = this.context(dryRun);
    if (!meta.name && meta.generateName) {
      // names.SimpleNameGenerator: the prefix (cut to 58 chars) and 5 random characters.
      meta.name = meta.generateName.slice(0, 58) + randomSuffix(ctx.rng);
    }
    if (s.namespaced) this.#checkNamespace(s, meta.namespace!, meta.name ?? '');
    s.prepareForCreate?.(obj, ctx);
    s.defaults?.(obj, ctx);
    const errs = [...validateObjectMeta(meta, s.namespaced, s.validateName ?? nameIsDNSSubdomain), ...(s.validate?.(obj, ctx) ?? [])];
    if (errs.length) throw new StatusError(invalidStatus(s, meta.name ?? '', errs));
    if (this.store.peek(key(s), meta.namespace, meta.name!)) throw alreadyExists(s.group, s.resource, meta.name!);
    meta.uid = randomUid(ctx.rng);
    meta.creationTimestamp = timestamp(ctx.clock.now());
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    s.beforeCreate?.(obj, ctx);
    if (dryRun) {
      s.release?.(obj, ctx);
      return { status: 201, body: structuredClone(obj) };
    }
    const stored = this.store.put(key(s), obj, 'ADDED');
    return { status: 201, body: structuredClone(stored) };
  }

  #checkNamespace(s: ResourceStrategy, ns: string, name: string): void {
    const nsObj = this.store.peek('/namespaces', undefined, ns);
    if (!nsObj) throw notFound('', 'namespaces', ns);
    if (nsObj.metadata.deletionTimestamp || nsObj.status?.phase === 'Terminating')
      throw forbidden(s.group, s.resource, name, `unable to create new content in namespace ${ns} because it is being terminated`);
  }

  #decode(body: unknown, s: ResourceStrategy): KObject {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the body of the request was empty or not a JSON object');
    const obj = structuredClone(body) as KObject;
    const want = apiVersion(s);
    if (obj.apiVersion && obj.apiVersion !== want)
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${want})`);
    if (obj.kind && obj.kind !== s.kind) throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${s.kind})`);
    obj.apiVersion = want;
    obj.kind = s.kind;
    obj.metadata = obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {};
    // serializer.Decode into the Go type; transformDecodeError words its failure.
    const def = kindStructure(s.group, s.version, s.kind);
    const wrong = def && decodeError(obj as unknown as Record<string, unknown>, def.name);
    if (wrong) throw badRequest(`${s.kind} in version ${JSON.stringify(s.version)} cannot be handled as a ${s.kind}: ${wrong}`);
    return obj;
  }

  #update(req: ApiRequest, t: Target, body: KObject, dryRun: boolean): ApiResponse {
    const s = t.strategy;
    const old = this.#getStored(t);
    let obj: KObject;
    if (t.subresource === 'scale') {
      if (!s.scale) throw pathNotFound();
      const raw: unknown = (body as KObject)?.spec?.replicas ?? 0;
      const replicas = Number(raw);
      // Scale.spec.replicas is an int32: anything else fails to decode.
      if (typeof raw !== 'number' || !Number.isInteger(replicas) || Math.abs(replicas) > 2147483647)
        throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof raw === 'number' ? `number ${replicas}` : jsonType(raw)} into Go struct field ScaleSpec.spec.replicas of type int32`);
      obj = structuredClone(old);
      s.scale.set(obj, Number.isFinite(replicas) ? replicas : 0);
    } else {
      obj = this.#decode(body, s);
      if (obj.metadata.name && obj.metadata.name !== t.name)
        throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${t.name})`);
      obj.metadata.name = t.name;
      obj.metadata.namespace = old.metadata.namespace;
      if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion)
        throw conflict(s.group, s.resource, t.name!, MODIFIED_CONFLICT);
    }
    const ctx = this.context(dryRun);
    // What no update may change.
    for (const f of ['uid', 'creationTimestamp', 'deletionTimestamp', 'generation'] as const) {
      if (old.metadata[f] === undefined) delete obj.metadata[f];
      else obj.metadata[f] = old.metadata[f] as never;
    }
    if (t.subresource === 'status') {
      // A status write changes status; metadata annotations pass too, as upstream's status
      // strategies only reset spec (the deployment controller records revisions this way).
      const next = structuredClone(old);
      next.status = obj.status;
      if (obj.metadata.annotations !== undefined) next.metadata.annotations = obj.metadata.annotations;
      else delete next.metadata.annotations;
      s.prepareForStatusUpdate?.(next, old, ctx);
      obj = next;
    } else {
      s.prepareForUpdate?.(obj, old, ctx);
      s.defaults?.(obj, ctx);
      const errs = [...validateObjectMeta(obj.metadata, s.namespaced, s.validateName ?? nameIsDNSSubdomain), ...(s.validateUpdate?.(obj, old, ctx) ?? s.validate?.(obj, ctx) ?? [])];
      if (errs.length) throw new StatusError(invalidStatus(s, t.name!, errs));
      s.beforeUpdate?.(obj, old, ctx);
    }
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    // A write that changes nothing is not a write: no new resourceVersion, no watch event.
    if (sameObject(obj, old) || dryRun) {
      const out = t.subresource === 'scale' ? this.#scaleOf(s, dryRun ? obj : old) : structuredClone(dryRun ? obj : old);
      return ok(out);
    }
    // Finalizers removed from an object being deleted: the last one lets it go.
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length) && !this.#graceful(s, obj) && !this.#namespaceFinalizing(s, obj)) {
      this.store.remove(key(s), obj.metadata.namespace, obj.metadata.name!);
      s.release?.(obj, ctx);
      return ok(structuredClone(obj));
    }
    const stored = this.store.put(key(s), obj, 'MODIFIED');
    return ok(t.subresource === 'scale' ? this.#scaleOf(s, stored) : structuredClone(stored));
  }

  #scaleOf(s: ResourceStrategy, obj: KObject): KObject {
    if (!s.scale) throw pathNotFound();
    const sc = s.scale.get(obj);
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        creationTimestamp: obj.metadata.creationTimestamp,
      },
      spec: { replicas: sc.replicas },
      status: { replicas: sc.statusReplicas, selector: sc.selector },
    };
  }

  /** A Namespace goes only when its spec.finalizers are empty too (the namespace controller's finalize call). */
  #namespaceFinalizing(s: ResourceStrategy, obj: KObject): boolean {
    return s.group === '' && s.resource === 'namespaces' && !!obj.spec?.finalizers?.length;
  }

  /** Pods on a node are deleted gracefully: the kubelet finishes the job (see kubelet/). */
  #graceful(s: ResourceStrategy, obj: KObject): boolean {
    return s.group === '' && s.resource === 'pods' && !!obj.spec?.nodeName && obj.metadata.deletionGracePeriodSeconds !== 0;
  }

  #delete(req: ApiRequest, t: Target, dryRun: boolean): ApiResponse {
    const s = t.strategy;
    const obj = this.#getStored(t);
    if (dryRun) return ok(structuredClone(obj));
    const ctx = this.context();
    const body = (req.body ?? {}) as { gracePeriodSeconds?: number; propagationPolicy?: string };
    const graceQ = req.query?.gracePeriodSeconds ?? body.gracePeriodSeconds;
    const policy = req.query?.propagationPolicy ?? body.propagationPolicy ?? 'Background';
    const next = structuredClone(obj);
    if (policy === 'Orphan') next.metadata.finalizers = [...new Set([...(next.metadata.finalizers ?? []), 'orphan'])];
    if (policy === 'Foreground') next.metadata.finalizers = [...new Set([...(next.metadata.finalizers ?? []), 'foregroundDeletion'])];
    const grace = graceQ !== undefined ? Number(graceQ) : s.resource === 'pods' && s.group === '' ? (obj.spec?.terminationGracePeriodSeconds ?? 30) : 0;
    const graceful = s.group === '' && s.resource === 'pods' && !!obj.spec?.nodeName && grace > 0;
    if (next.metadata.finalizers?.length || graceful || (s.group === '' && s.resource === 'namespaces')) {
      if (!next.metadata.deletionTimestamp) {
        next.metadata.deletionTimestamp = timestamp(ctx.clock.now() + grace * 1000);
        if (graceful || s.resource === 'pods') next.metadata.deletionGracePeriodSeconds = grace;
        if (s.group === '' && s.resource === 'namespaces') next.status = { ...next.status, phase: 'Terminating' };
        const stored = this.store.put(key(s), next, 'MODIFIED');
        return ok(structuredClone(stored));
      }
      return ok(structuredClone(obj));
    }
    const gone = this.store.remove(key(s), obj.metadata.namespace, obj.metadata.name!)!;
    s.release?.(gone, ctx);
    return ok(structuredClone(gone));
  }

  #deleteCollection(req: ApiRequest, t: Target, dryRun: boolean): ApiResponse {
    const s = t.strategy;
    const filter = this.#filter(s, req);
    const items = this.store.peekAll(key(s), t.namespace).filter(filter);
    const deleted: KObject[] = [];
    for (const o of items) {
      const res = this.#delete(req, { ...t, namespace: o.metadata.namespace, name: o.metadata.name }, dryRun);
      deleted.push(res.body as KObject);
    }
    return ok({ kind: s.kind + 'List', apiVersion: apiVersion(s), metadata: { resourceVersion: this.store.resourceVersion }, items: deleted });
  }
}

function key(s: ResourceStrategy): string {
  return `${s.group}/${s.resource}`;
}

export function apiVersion(s: { group: string; version: string }): string {
  return s.group ? `${s.group}/${s.version}` : s.version;
}

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

function joinSelectors(a: string | undefined, b: string): string {
  return a ? `${a},${b}` : b;
}

/** Equal but for resourceVersion: JSON text comparison with sorted keys. */
function sameObject(a: KObject, b: KObject): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.keys(val).sort().map((k) => [k, (val as Record<string, unknown>)[k]]))
      : val,
  );
}
