// What decoding a request body into the Go type does before anything else sees it: a value of the
// wrong JSON type (`replicas: "x"`, `containers: {}`) or an integer out of its range is refused
// with encoding/json's UnmarshalTypeError text, and `null` becomes the zero value. Without this,
// controllers would meet shapes no real object can have (and loop or throw on them).
// Models k8s.io/apimachinery runtime/serializer/json (sigs.k8s.io/json, a fork of encoding/json).

import type { Field, FieldType } from './schema/index.ts';
import { structuralDefinitions } from './schema/definitions.ts';

// Structure only: the upstream descriptions (schema/index.ts) are large and decoding needs none,
// so the worker's first load does not carry them.
const byName = new Map(structuralDefinitions.map((d) => [d.name, d]));
const definition = (name: string) => byName.get(name);

/** The definition of a top-level kind, e.g. ('', 'v1', 'Service'), by structure only. */
export function kindStructure(group: string, version: string, kind: string) {
  return structuralDefinitions.find((d) => d.gvk && d.gvk.group === group && d.gvk.version === version && d.gvk.kind === kind);
}

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** encoding/json's name for a JSON value's type (UnmarshalTypeError.Value). */
export function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v; // string, number
}

/** reflect.Type.String() of the Go type a schema type decodes into. */
function goType(t: FieldType): string {
  if ('scalar' in t) {
    if (t.scalar === 'integer') return t.format === 'int32' ? 'int32' : 'int64';
    if (t.scalar === 'number') return 'float64';
    if (t.scalar === 'boolean') return 'bool';
    return 'string';
  }
  if ('array' in t) return '[]' + goType(t.array);
  if ('map' in t) return 'map[string]' + goType(t.map);
  const parts = t.ref.split('.');
  return `${parts.at(-2)}.${parts.at(-1)}`;
}

function zero(t: FieldType): unknown {
  if ('scalar' in t) return t.scalar === 'string' ? '' : t.scalar === 'boolean' ? false : 0;
  if ('array' in t || 'map' in t) return null;
  const d = definition(t.ref);
  return d?.alias ? (d.alias.scalar === 'string' ? '' : 0) : {};
}

class DecodeError extends Error {}

/**
 * Checks `obj` (a top-level kind, by its OpenAPI definition name) in place: nulls dropped or made
 * zero values; returns encoding/json's message for the first value of the wrong type, if any.
 */
export function decodeError(obj: Record<string, unknown>, definitionName: string): string | undefined {
  try {
    walkStruct(obj, definitionName, []);
    return undefined;
  } catch (e) {
    if (e instanceof DecodeError) return e.message;
    throw e;
  }
}

function walkStruct(obj: Record<string, unknown>, name: string, path: string[]): void {
  const def = definition(name);
  if (!def?.properties) return;
  const struct = name.split('.').at(-1)!;
  for (const [key, field] of Object.entries(def.properties) as [string, Field][]) {
    if (!(key in obj)) continue;
    if (obj[key] == null) {
      delete obj[key];
      continue;
    }
    obj[key] = walkValue(obj[key], field.type, [...path, key], struct);
  }
}

function fail(value: string, struct: string, path: string[], type: string): never {
  throw new DecodeError(`json: cannot unmarshal ${value} into Go struct field ${struct}.${path.join('.')} of type ${type}`);
}

function walkValue(v: unknown, t: FieldType, path: string[], struct: string): unknown {
  if (v == null) return zero(t);
  if ('scalar' in t) {
    const want = t.scalar === 'integer' || t.scalar === 'number' ? 'number' : t.scalar === 'boolean' ? 'bool' : 'string';
    if (jsonType(v) !== want) fail(jsonType(v), struct, path, goType(t));
    if (t.scalar === 'integer') {
      const [lo, hi] = INT_RANGE[t.format ?? 'int64'] ?? INT_RANGE.int64;
      const n = v as number;
      if (!Number.isInteger(n) || n < lo || n > hi) fail(`number ${n}`, struct, path, goType(t));
    }
    return v;
  }
  if ('array' in t) {
    if (!Array.isArray(v)) fail(jsonType(v), struct, path, goType(t));
    return (v as unknown[]).map((item) => walkValue(item, t.array, path, struct));
  }
  if ('map' in t) {
    if (jsonType(v) !== 'object') fail(jsonType(v), struct, path, goType(t));
    const m = v as Record<string, unknown>;
    for (const k of Object.keys(m)) m[k] = walkValue(m[k], t.map, path, struct);
    return m;
  }
  const def = definition(t.ref);
  if (def?.alias) {
    // Time, Quantity and IntOrString have their own UnmarshalJSON; they take a string (and
    // IntOrString and Quantity a number too), and report anything else in their own words.
    const ok = jsonType(v) === 'string' || (def.alias.v3OneOf?.some((s) => s !== 'string') && typeof v === 'number');
    if (!ok) {
      if (def.alias.format === 'int-or-string') throw new DecodeError(`json: cannot unmarshal ${jsonType(v)} into Go value of type int32`);
      fail(jsonType(v), struct, path, goType(t));
    }
    return v;
  }
  if (jsonType(v) !== 'object') fail(jsonType(v), struct, path, goType(t));
  walkStruct(v as Record<string, unknown>, t.ref, path);
  return v;
}
