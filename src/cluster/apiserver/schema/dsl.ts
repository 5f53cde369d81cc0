// Small constructors that keep the per-kind descriptions readable: one line per field.
// Descriptions are not written here: they come from descriptions.ts (upstream's own text),
// joined in by index.ts.

import type { Definition, Field, FieldType, ListMeta, GroupVersionKind } from './types.ts';

export const CORE = 'io.k8s.api.core.v1.';
export const APPS = 'io.k8s.api.apps.v1.';
export const DISCOVERY = 'io.k8s.api.discovery.v1.';
export const NETWORKING = 'io.k8s.api.networking.v1.';
export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
export const TIME = META + 'Time';
export const MICRO_TIME = META + 'MicroTime';
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

const t = (type: FieldType, extra: Partial<Field> = {}): Field => ({ type, ...extra });

export const str = (extra?: Partial<Field>) => t({ scalar: 'string' }, extra);
export const oneOf = (values: string[], extra?: Partial<Field>) => t({ scalar: 'string', enum: values }, extra);
export const int32 = (extra?: Partial<Field>) => t({ scalar: 'integer', format: 'int32' }, extra);
export const int64 = (extra?: Partial<Field>) => t({ scalar: 'integer', format: 'int64' }, extra);
export const bool = (extra?: Partial<Field>) => t({ scalar: 'boolean' }, extra);
export const ref = (name: string, extra?: Partial<Field>) => t({ ref: name }, extra);
export const time = (extra?: Partial<Field>) => ref(TIME, extra);
export const strMap = (extra?: Partial<Field>) => t({ map: { scalar: 'string' } }, extra);
export const mapOf = (item: FieldType, extra?: Partial<Field>) => t({ map: item }, extra);

/** A list; `meta` carries +listType/+listMapKey and the patch strategy/merge key. */
export const list = (item: FieldType | string, meta: ListMeta = {}, extra?: Partial<Field>): Field =>
  t({ array: typeof item === 'string' ? { ref: item } : item }, { ...meta, ...extra });
export const strList = (meta: ListMeta = { listType: 'atomic' }) => list({ scalar: 'string' }, meta);

/** The usual keyed list: merge by `key` (+patchMergeKey, +listType=map, +listMapKey). */
export const keyedList = (item: string, key: string, mapKeys: string[] = [key]): Field =>
  list(item, { patchStrategy: 'merge', patchMergeKey: key, listType: 'map', listMapKeys: mapKeys });

export const struct = (name: string, properties: Record<string, Field>, extra: Partial<Definition> = {}): Definition => ({
  name,
  properties,
  ...extra,
});

/** A top-level kind: apiVersion, kind and metadata, then its own fields. */
export function kind(
  name: string,
  gvk: GroupVersionKind,
  resource: { plural: string; namespaced: boolean },
  properties: Record<string, Field>,
): Definition {
  return {
    name,
    gvk,
    resource,
    properties: { apiVersion: str(), kind: str(), metadata: ref(META + 'ObjectMeta'), ...properties },
  };
}

/** The List kind that goes with a top-level kind. */
export function listKind(def: Definition): Definition {
  const gvk = def.gvk!;
  return {
    name: def.name + 'List',
    gvk: { ...gvk, kind: gvk.kind + 'List' },
    properties: {
      apiVersion: str(),
      items: list(def.name, {}, { required: true }),
      kind: str(),
      metadata: ref(META + 'ListMeta'),
    },
  };
}
