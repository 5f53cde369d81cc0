// Models apimachinery's strategicpatch.CreateThreeWayMergePatch, as client-side apply uses it:
// the patch is (a) what changed from the live object to the file, ignoring fields only the live
// object has (server defaults, other writers), plus (b) what the file dropped since the last
// apply (fields in last-applied but not in the file become null; merge-keyed list items become
// `$patch: delete`). Lists named in MERGE_KEYS merge by key; others are replaced whole.
// `$setElementOrder` directives are left out: our server orders merged lists itself.

import { MERGE_KEYS } from '../../../cluster/apiserver/patch.ts';

type Json = unknown;
type JsonMap = Record<string, Json>;

interface DiffOptions {
  ignoreDeletions?: boolean;
  ignoreChangesAndAdditions?: boolean;
}

const isMap = (v: Json): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const childPath = (path: string, k: string) => (path ? `${path}.${k}` : k);

function kindOf(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The three-way patch; an empty object means "nothing to do" (kubectl's `{}`, printed as unchanged). */
export function threeWayMergePatch(original: JsonMap, modified: JsonMap, current: JsonMap, mergeKeys = MERGE_KEYS): JsonMap {
  const delta = diffMaps(current, modified, '', { ignoreDeletions: true }, mergeKeys);
  const deletions = diffMaps(original, modified, '', { ignoreChangesAndAdditions: true }, mergeKeys);
  return mergePatches(deletions, delta, '', mergeKeys);
}

function diffMaps(original: JsonMap, modified: JsonMap, path: string, opts: DiffOptions, keys: Record<string, string>): JsonMap {
  const patch: JsonMap = {};
  for (const [k, modV] of Object.entries(modified)) {
    const p = childPath(path, k);
    if (!Object.hasOwn(original, k)) {
      if (!opts.ignoreChangesAndAdditions) patch[k] = modV;
      continue;
    }
    const origV = original[k];
    if (kindOf(origV) !== kindOf(modV)) {
      if (!opts.ignoreChangesAndAdditions) patch[k] = modV;
      continue;
    }
    if (isMap(origV) && isMap(modV)) {
      const sub = diffMaps(origV, modV, p, opts, keys);
      if (Object.keys(sub).length) patch[k] = sub;
      continue;
    }
    if (Array.isArray(origV) && Array.isArray(modV)) {
      diffList(patch, k, origV, modV, p, opts, keys);
      continue;
    }
    if (!opts.ignoreChangesAndAdditions && !deepEqual(origV, modV)) patch[k] = modV;
  }
  if (!opts.ignoreDeletions) for (const k of Object.keys(original)) if (!Object.hasOwn(modified, k)) patch[k] = null;
  return patch;
}

function diffList(patch: JsonMap, k: string, orig: Json[], mod: Json[], path: string, opts: DiffOptions, keys: Record<string, string>): void {
  if (!Object.hasOwn(keys, path)) {
    // Atomic list: replaced whole when it differs.
    if (!opts.ignoreChangesAndAdditions && !deepEqual(orig, mod)) patch[k] = mod;
    return;
  }
  const mergeKey = keys[path];
  const isMapList = [...orig, ...mod].some(isMap);
  if (!isMapList) {
    // diffListsOfScalars: additions in the list, deletions under $deleteFromPrimitiveList.
    const added = mod.filter((m) => !orig.some((o) => deepEqual(o, m)));
    const removed = orig.filter((o) => !mod.some((m) => deepEqual(o, m)));
    if (!opts.ignoreChangesAndAdditions && added.length) patch[k] = added;
    if (!opts.ignoreDeletions && removed.length) patch[`$deleteFromPrimitiveList/${k}`] = removed;
    return;
  }
  const out: Json[] = [];
  const keyOf = (v: Json) => (isMap(v) ? v[mergeKey] : undefined);
  for (const m of mod) {
    const o = orig.find((x) => deepEqual(keyOf(x), keyOf(m)));
    if (o === undefined) {
      if (!opts.ignoreChangesAndAdditions) out.push(m);
      continue;
    }
    if (!isMap(o) || !isMap(m)) continue;
    const sub = diffMaps(o, m, `${path}[]`, opts, keys);
    if (Object.keys(sub).length) out.push({ ...sub, [mergeKey]: m[mergeKey] });
  }
  if (!opts.ignoreDeletions)
    for (const o of orig) if (!mod.some((m) => deepEqual(keyOf(m), keyOf(o)))) out.push({ $patch: 'delete', [mergeKey]: keyOf(o) });
  if (out.length) patch[k] = out;
}

/** mergeMap(deletions, delta): delta's changes laid over the deletions (they never overlap in a field). */
function mergePatches(a: JsonMap, b: JsonMap, path: string, keys: Record<string, string>): JsonMap {
  const out: JsonMap = { ...a };
  for (const [k, bv] of Object.entries(b)) {
    const av = out[k];
    const p = childPath(path, k);
    if (isMap(av) && isMap(bv)) out[k] = mergePatches(av, bv, p, keys);
    else if (Array.isArray(av) && Array.isArray(bv) && Object.hasOwn(keys, p)) {
      const mk = keys[p];
      const merged = [...av];
      for (const item of bv) {
        const i = isMap(item) ? merged.findIndex((x) => isMap(x) && deepEqual(x[mk], item[mk])) : merged.findIndex((x) => deepEqual(x, item));
        if (i >= 0 && isMap(item) && isMap(merged[i])) merged[i] = mergePatches(merged[i] as JsonMap, item, `${p}[]`, keys);
        else if (i < 0) merged.push(item);
      }
      out[k] = merged;
    } else out[k] = bv;
  }
  return out;
}
