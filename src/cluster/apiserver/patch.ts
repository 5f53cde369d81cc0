// The three PATCH content types the API server accepts:
// - application/merge-patch+json: RFC 7386 (as evanphx/json-patch MergePatch);
// - application/json-patch+json: RFC 6902, with gopkg.in/evanphx/json-patch.v4's semantics and
//   error texts (the API server's library; e.g. `replace` of a missing object key adds it);
// - application/strategic-merge-patch+json: a port of apimachinery util/strategicpatch mergeMap /
//   mergeSlice for the built-in kinds, with merge keys from a table instead of Go struct tags.
// All functions are pure: they return new values and never change their inputs. A patch that does
// not apply throws PatchError carrying the library's message (the server turns it into a Status).

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

type PatchResult<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export class PatchError extends Error {
  override name = 'PatchError';
}

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

// --- RFC 7386 JSON merge patch

/** A non-object patch replaces the target; null deletes a key; objects merge recursively. */
export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v) as Json;
  }
  return out;
}

// --- RFC 6902 JSON patch

export interface JsonPatchOperation {
  op: string;
  path?: string;
  from?: string;
  value?: unknown;
}

const decodeKey = (k: string) => k.replace(/~1/g, '/').replace(/~0/g, '~');

type Container = JsonObject | Json[];

/** findObject: the parent container of `path` and the last key, or undefined if a step is missing. */
function findParent(doc: Json, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let cur: Json = doc;
  for (const part of split.slice(1, -1)) {
    const next = get(cur as Container, decodeKey(part));
    if (!next.ok || next.value === undefined || next.value === null || typeof next.value !== 'object') return undefined;
    cur = next.value;
  }
  return [cur as Container, decodeKey(split[split.length - 1]!)];
}

const invalidIndex = (idx: number | string) => `Unable to access invalid index: ${idx}: invalid index referenced`;

/** Go's strconv.Atoi, enough for array indexes. */
const atoi = (s: string) => (/^[+-]?[0-9]+$/.test(s) ? Number(s) : undefined);

function get(c: Container, key: string): PatchResult<Json | undefined> {
  if (!Array.isArray(c)) return { ok: true, value: Object.hasOwn(c, key) ? c[key] : undefined };
  let idx = atoi(key);
  if (idx === undefined) return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax` };
  if (idx < 0) {
    if (idx < -c.length) return { ok: false, error: invalidIndex(idx) };
    idx += c.length;
  }
  if (idx >= c.length) return { ok: false, error: invalidIndex(idx) };
  return { ok: true, value: c[idx] };
}

function add(c: Container, key: string, val: Json): string | undefined {
  if (!Array.isArray(c)) {
    c[key] = val;
    return undefined;
  }
  if (key === '-') {
    c.push(val);
    return undefined;
  }
  let idx = atoi(key);
  if (idx === undefined) return `value was not a proper array index: '${key}': strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`;
  const size = c.length + 1;
  if (idx >= size) return invalidIndex(idx);
  if (idx < 0) {
    if (idx < -size) return invalidIndex(idx);
    idx += size;
  }
  c.splice(idx, 0, val);
  return undefined;
}

function remove(c: Container, key: string): string | undefined {
  if (!Array.isArray(c)) {
    if (!Object.hasOwn(c, key)) return `Unable to remove nonexistent key: ${key}: missing value`;
    delete c[key];
    return undefined;
  }
  let idx = atoi(key);
  if (idx === undefined) return `strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`;
  if (idx >= c.length) return invalidIndex(idx);
  if (idx < 0) {
    if (idx < -c.length) return invalidIndex(idx);
    idx += c.length;
  }
  c.splice(idx, 1);
  return undefined;
}

function set(c: Container, key: string, val: Json): string | undefined {
  if (!Array.isArray(c)) {
    c[key] = val;
    return undefined;
  }
  let idx = atoi(key)!;
  if (idx < 0) idx += c.length;
  c[idx] = val;
  return undefined;
}

/** Applies operations in order to a copy of doc; the first failure throws with the library's message. */
export function jsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) {
    // What Go's json.Unmarshal says when the body is not a list of operations.
    const kind = isObject(ops) ? 'object' : typeof ops === 'string' ? 'string' : typeof ops === 'number' ? 'number' : typeof ops === 'boolean' ? 'bool' : 'null';
    throw new PatchError(`json: cannot unmarshal ${kind} into Go value of type jsonpatch.Patch`);
  }
  const root: { doc: Json } = { doc: clone(doc) as Json };
  for (const op of ops as JsonPatchOperation[]) {
    const err = applyOne(root, isObject(op) ? op : { op: '' });
    if (err) throw new PatchError(err);
  }
  return root.doc;
}

function applyOne(root: { doc: Json }, op: JsonPatchOperation): string | undefined {
  const path = op.path;
  const value = (op.value === undefined ? null : clone(op.value)) as Json;
  switch (op.op) {
    case 'add': {
      if (typeof path !== 'string') return 'add operation failed to decode path: missing value';
      const p = findParent(root.doc, path);
      if (!p) return `add operation does not apply: doc is missing path: "${path}": missing value`;
      const e = add(p[0], p[1], value);
      return e && `error in add for path: '${path}': ${e}`;
    }
    case 'remove': {
      if (typeof path !== 'string') return 'remove operation failed to decode path: missing value';
      const p = findParent(root.doc, path);
      if (!p) return `remove operation does not apply: doc is missing path: "${path}": missing value`;
      const e = remove(p[0], p[1]);
      return e && `error in remove for path: '${path}': ${e}`;
    }
    case 'replace': {
      if (typeof path !== 'string') return 'replace operation failed to decode path: operation missing path field: missing value';
      if (path === '') {
        if (value === null || typeof value !== 'object') return 'replace operation value must be object or array: <nil>';
        root.doc = value;
        return undefined;
      }
      const p = findParent(root.doc, path);
      if (!p) return `replace operation does not apply: doc is missing path: ${path}: missing value`;
      // A missing object key is not an error in v4: replace then adds it.
      if (!get(p[0], p[1]).ok) return `replace operation does not apply: doc is missing key: ${path}: missing value`;
      return set(p[0], p[1], value);
    }
    case 'move': {
      const from = op.from;
      if (typeof from !== 'string') return 'move operation failed to decode from: operation, missing from field: missing value';
      const src = findParent(root.doc, from);
      if (!src) return `move operation does not apply: doc is missing from path: ${from}: missing value`;
      const v = get(src[0], src[1]);
      if (!v.ok) return `error in move for path: '${src[1]}': ${v.error}`;
      const e = remove(src[0], src[1]);
      if (e) return `error in move for path: '${src[1]}': ${e}`;
      if (typeof path !== 'string') return 'move operation failed to decode path: operation missing path field: missing value';
      const dst = findParent(root.doc, path);
      if (!dst) return `move operation does not apply: doc is missing destination path: ${path}: missing value`;
      const e2 = add(dst[0], dst[1], (v.value ?? null) as Json);
      return e2 && `error in move for path: '${path}': ${e2}`;
    }
    case 'copy': {
      const from = op.from;
      if (typeof from !== 'string') return 'copy operation failed to decode from: operation, missing from field: missing value';
      const src = findParent(root.doc, from);
      if (!src) return `copy operation does not apply: doc is missing from path: ${from}: missing value`;
      const v = get(src[0], src[1]);
      if (!v.ok) return `error in copy for from: '${from}': ${v.error}`;
      if (typeof path !== 'string') return 'copy operation failed to decode path: missing value';
      const dst = findParent(root.doc, path);
      if (!dst) return `copy operation does not apply: doc is missing destination path: ${path}: missing value`;
      const e = add(dst[0], dst[1], clone((v.value ?? null) as Json));
      return e && `error while adding value during copy: ${e}`;
    }
    case 'test': {
      if (typeof path !== 'string') return 'test operation failed to decode path: operation missing path field: missing value';
      const failed = `testing value ${path} failed: test failed`;
      if (path === '') return deepEqual(root.doc, value) ? undefined : failed;
      const p = findParent(root.doc, path);
      if (!p) return `test operation does not apply: is missing path: ${path}: missing value`;
      const v = get(p[0], p[1]);
      if (!v.ok) return `error in test for path: '${path}': ${v.error}`;
      if (v.value === undefined) return op.value === undefined || op.value === null ? undefined : failed;
      return deepEqual(v.value, value) ? undefined : failed;
    }
    default:
      return `Unexpected kind: ${op.op}`;
  }
}

// --- Strategic merge patch

/**
 * patchStrategy:"merge" lists of the built-in kinds, keyed by field path from the object root with
 * `[]` for "any list element". mergeKey '' marks a merged list of scalars (union, no duplicates).
 * Lists not named here are replaced whole, as atomic lists are (e.g. tolerations, args, command).
 * Taken from the struct tags in k8s.io/api core/v1 and meta/v1 types.go.
 */
export const MERGE_KEYS: Record<string, string> = {
  'metadata.ownerReferences': 'uid',
  'metadata.finalizers': '',
  'spec.ports': 'port', // Service
  'status.conditions': 'type',
  'status.addresses': 'type', // Node
};

/** PodSpec lists, found under each pod-template path below. */
const POD_SPEC_MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  'containers[].ports': 'containerPort',
  'initContainers[].ports': 'containerPort',
  'containers[].env': 'name',
  'initContainers[].env': 'name',
  'containers[].volumeMounts': 'mountPath',
  'initContainers[].volumeMounts': 'mountPath',
  'containers[].volumeDevices': 'devicePath',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
};
for (const prefix of ['spec', 'spec.template.spec', 'spec.jobTemplate.spec.template.spec']) {
  for (const [suffix, key] of Object.entries(POD_SPEC_MERGE_KEYS)) MERGE_KEYS[`${prefix}.${suffix}`] = key;
}
// Pod-template metadata is ObjectMeta too.
MERGE_KEYS['spec.template.metadata.ownerReferences'] = 'uid';
MERGE_KEYS['spec.template.metadata.finalizers'] = '';

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ELEMENT_ORDER = '$setElementOrder/';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

const badPatchType = (t: unknown, patch: unknown) =>
  `unknown patch type: ${String(t)} in map: ${goMapString(patch)}`;
const noMergeKey = (m: unknown, key: string) => `map: ${goMapString(m)} does not contain declared merge key: ${key}`;

/** Rough %v of a Go map, for error texts (`map[name:a]`). */
function goMapString(v: unknown): string {
  if (isObject(v)) {
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goMapString(v[k])}`)
      .join(' ')}]`;
  }
  if (Array.isArray(v)) return `[${v.map(goMapString).join(' ')}]`;
  return v === null ? '<nil>' : String(v);
}

/** Applies a strategic merge patch to an object; lists are looked up in `mergeKeys` by field path. */
export function strategicMergePatch(original: unknown, patch: unknown, mergeKeys: Record<string, string> = MERGE_KEYS): unknown {
  if (!isObject(patch)) throw new PatchError('invalid JSON document');
  return mergeMap(isObject(original) ? clone(original) : {}, clone(patch), '', mergeKeys);
}

const SmpError = PatchError;

const childPath = (path: string, k: string) => (path ? `${path}.${k}` : k);

function mergeMap(original: JsonObject, patch: JsonObject, path: string, keys: Record<string, string>): JsonObject {
  if (Object.hasOwn(patch, DIRECTIVE)) {
    const d = patch[DIRECTIVE];
    if (d === 'replace') {
      delete patch[DIRECTIVE];
      return removeDirectivesInMap(patch);
    }
    if (d === 'delete') return {};
    throw new SmpError(badPatchType(d, patch));
  }

  // $retainKeys: drop from original every key not listed (the patch's own keys still apply).
  if (Object.hasOwn(patch, RETAIN_KEYS)) {
    const retain = patch[RETAIN_KEYS];
    delete patch[RETAIN_KEYS];
    if (Array.isArray(retain)) {
      for (const k of Object.keys(original)) if (!retain.includes(k)) delete original[k];
    }
  }

  for (const k of Object.keys(patch)) {
    const patchV = patch[k]!;
    // $setElementOrder only orders what the patch already says; we keep our own order rules.
    if (k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      const listKey = k.slice(DELETE_FROM_PRIMITIVE_LIST.length);
      const current = original[listKey];
      if (Array.isArray(current) && Array.isArray(patchV)) {
        original[listKey] = current.filter((x) => !patchV.some((d) => deepEqual(d, x)));
      }
      continue;
    }
    if (patchV === null) {
      delete original[k];
      continue;
    }
    const origV = original[k];
    const sameKind =
      origV !== undefined &&
      ((isObject(origV) && isObject(patchV)) || (Array.isArray(origV) && Array.isArray(patchV)));
    if (!sameKind) {
      const v = removeDirectives(patchV);
      if (v === undefined) delete original[k];
      else original[k] = v;
      continue;
    }
    const p = childPath(path, k);
    if (isObject(origV)) original[k] = mergeMap(origV, patchV as JsonObject, p, keys);
    else original[k] = mergeList(origV as Json[], patchV as Json[], p, keys);
  }
  return original;
}

function mergeList(original: Json[], patch: Json[], path: string, keys: Record<string, string>): Json[] {
  if (!Object.hasOwn(keys, path)) return removeDirectivesInList(patch); // atomic: replace
  const mergeKey = keys[path]!;
  if (original.length === 0 && patch.length === 0) return original;
  const elemPath = `${path}[]`;
  const isMapList = [...original, ...patch].some(isObject);

  let merged: Json[];
  let serverOrder = original;
  let patchItems = patch;
  if (!isMapList) {
    // Union without duplicates; order is fixed below.
    merged = [];
    for (const v of [...original, ...patch]) if (!merged.some((m) => deepEqual(m, v))) merged.push(v);
  } else {
    if (!mergeKey) throw new SmpError(`cannot merge lists without merge key for ${path}`);
    // $patch elements first: delete by key, or replace the whole list.
    let replace = false;
    const plain: JsonObject[] = [];
    for (const v of patch) {
      const m = v as JsonObject;
      if (!Object.hasOwn(m, DIRECTIVE)) {
        plain.push(m);
        continue;
      }
      const d = m[DIRECTIVE];
      if (d === 'delete') {
        if (!Object.hasOwn(m, mergeKey)) throw new SmpError(noMergeKey(m, mergeKey));
        serverOrder = serverOrder.filter((o) => !(isObject(o) && deepEqual(o[mergeKey], m[mergeKey])));
      } else if (d === 'replace') replace = true;
      else if (d === 'merge') throw new SmpError('merging lists cannot yet be specified in the patch');
      else throw new SmpError(badPatchType(d, m));
    }
    if (replace) return plain.map((m) => removeDirectivesInMap(m));
    patchItems = plain;
    merged = [...serverOrder];
    for (const pv of plain) {
      if (!Object.hasOwn(pv, mergeKey)) throw new SmpError(noMergeKey(pv, mergeKey));
      const i = merged.findIndex((o) => isObject(o) && deepEqual(o[mergeKey], pv[mergeKey]));
      if (i >= 0) merged[i] = mergeMap(merged[i] as JsonObject, pv, elemPath, keys);
      else merged.push(removeDirectivesInMap(pv));
    }
  }
  return normalizeOrder(merged, patchItems, serverOrder, isMapList ? mergeKey : undefined);
}

/**
 * normalizeElementOrder + mergeSortedSlice: items named in the patch keep the patch's order,
 * the others keep the live order, and the two are interleaved by live position. An item new to
 * the list has no live position, so it lands before the remaining live items (a container added
 * by a strategic patch comes first, as in the kubectl patch docs).
 */
function normalizeOrder(merged: Json[], patch: Json[], serverOrder: Json[], mergeKey: string | undefined): Json[] {
  const id = (v: Json) => (mergeKey !== undefined ? (isObject(v) ? v[mergeKey] : undefined) : v);
  const indexIn = (list: Json[], v: Json) => list.findIndex((x) => deepEqual(id(x), id(v)));
  const inPatch = merged.filter((m) => indexIn(patch, m) >= 0);
  const serverOnly = merged.filter((m) => indexIn(patch, m) < 0);
  const byOrder = (order: Json[]) => (a: Json, b: Json) => indexIn(order, a) - indexIn(order, b);
  const right = [...inPatch].sort(byOrder(patch));
  const left = [...serverOnly].sort(byOrder(serverOrder));
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]!);
    else if (j >= right.length) out.push(left[i++]!);
    else {
      const li = indexIn(serverOrder, left[i]!);
      const ri = indexIn(serverOrder, right[j]!);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]!);
      else out.push(right[j++]!);
    }
  }
  return out;
}

/** removeDirectives: values taken from a patch lose `$patch` maps and `$...` keys. */
function removeDirectives(v: Json): Json | undefined {
  if (isObject(v)) return Object.hasOwn(v, DIRECTIVE) ? undefined : removeDirectivesInMap(v);
  if (Array.isArray(v)) return removeDirectivesInList(v);
  return v;
}

function removeDirectivesInMap(m: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(m)) {
    if (k === DIRECTIVE || k === RETAIN_KEYS || k.startsWith(SET_ELEMENT_ORDER) || k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) continue;
    const r = removeDirectives(v);
    if (r !== undefined) out[k] = r;
  }
  return out;
}

function removeDirectivesInList(l: Json[]): Json[] {
  const out: Json[] = [];
  for (const v of l) {
    const r = removeDirectives(v);
    if (r !== undefined) out.push(r);
  }
  return out;
}
