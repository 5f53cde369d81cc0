// --overrides / --override-type for run and expose (cmdutil.Overrider): the generated object's
// JSON patched with the user's JSON. merge is RFC 7386; strategic treats lists of named items
// (containers, ports, env) as merged by name/containerPort/port, the merge keys of the types run
// and expose generate; json is RFC 6902 (add, remove, replace).

import type { Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import type { FlagDef } from '../../flags/index.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';

export const OVERRIDE_FLAGS: readonly FlagDef[] = [
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string', default: 'merge' },
];

const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
};

export function applyOverrides(inv: Invocation, obj: KObject): KObject {
  const text = inv.flags.string('overrides');
  if (text === '') return obj;
  const type = inv.flags.string('override-type') || 'merge';
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch (e) {
    throw new CmdError(`error converting YAML to JSON: yaml: ${(e as Error).message}`);
  }
  switch (type) {
    case 'merge':
      return mergePatch(obj, patch, false) as KObject;
    case 'strategic':
      return mergePatch(obj, patch, true) as KObject;
    case 'json':
      return jsonPatch(obj, patch);
    default:
      throw new CmdError(`invalid override type: ${type}`);
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergePatch(target: unknown, patch: unknown, strategic: boolean, key = ''): unknown {
  if (strategic && Array.isArray(patch) && Array.isArray(target) && MERGE_KEYS[key]) {
    const mk = MERGE_KEYS[key];
    const out = target.map((x) => structuredClone(x));
    for (const item of patch) {
      const i = out.findIndex((t) => isObj(t) && isObj(item) && t[mk] === item[mk]);
      if (i >= 0) out[i] = mergePatch(out[i], item, strategic);
      else out.push(item);
    }
    return out;
  }
  if (!isObj(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v, strategic, k);
  }
  return out;
}

function jsonPatch(obj: KObject, ops: unknown): KObject {
  if (!Array.isArray(ops)) throw new CmdError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const doc = structuredClone(obj) as unknown as Record<string, unknown>;
  for (const op of ops as Array<{ op: string; path: string; value?: unknown }>) {
    const parts = op.path.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
    const last = parts.pop()!;
    let parent: unknown = doc;
    for (const p of parts) parent = (parent as Record<string, unknown>)?.[p];
    if (parent === undefined || parent === null) throw new CmdError(`jsonpatch ${op.op} operation does not apply: doc is missing path: "${op.path}": missing value`);
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'add') parent.splice(i, 0, op.value);
      else if (op.op === 'remove') parent.splice(i, 1);
      else if (op.op === 'replace') parent[i] = op.value;
    } else {
      const rec = parent as Record<string, unknown>;
      if (op.op === 'remove') delete rec[last];
      else rec[last] = op.value;
    }
  }
  return doc as unknown as KObject;
}
