// Secrets (core/v1): SetDefaults_Secret (type Opaque), stringData folded into data as the v1
// conversion does, ValidateSecret(Update) and printSecret.

import type { KObject } from '../types.ts';
import { FIELD_IMMUTABLE_ERROR_MSG } from '../validation/objectmeta.ts';
import { age, ageCol, col, nameCol } from './common.ts';
import { validateImmutable, validateKeys } from './configdata.ts';
import { FieldPath, invalid, required, toFieldErrs, type ErrorList } from './field.ts';
import type { ResourceStrategy } from './strategy.ts';

function base64(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** stringData is write-only: its entries land base64-encoded in data, overriding same keys. */
function foldStringData(obj: KObject): void {
  if (!obj.stringData) return;
  obj.data = { ...(obj.data ?? {}) };
  for (const [k, v] of Object.entries(obj.stringData as Record<string, string>)) obj.data[k] = base64(String(v));
  delete obj.stringData;
}

const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

function validateSecret(obj: KObject): ErrorList {
  const errs = validateKeys(obj, ['data']);
  for (const k of REQUIRED_KEYS[obj.type] ?? []) if (!(k in (obj.data ?? {}))) errs.push(required(FieldPath.of('data').key(k), ''));
  return errs;
}

export const secrets: ResourceStrategy = {
  group: '',
  version: 'v1',
  resource: 'secrets',
  singular: 'secret',
  kind: 'Secret',
  namespaced: true,
  prepareForCreate: foldStringData,
  prepareForUpdate: (obj) => foldStringData(obj),
  defaults(obj) {
    obj.type ||= 'Opaque';
  },
  validate: (obj) => toFieldErrs(validateSecret(obj)),
  validateUpdate(obj, old) {
    const errs = validateSecret(obj);
    if (obj.type !== old.type) errs.push(invalid(FieldPath.of('type'), obj.type, FIELD_IMMUTABLE_ERROR_MSG));
    errs.push(...validateImmutable(obj, old, ['data']));
    return toFieldErrs(errs);
  },
  table: {
    columns: [nameCol(), col('Type', 'Used to facilitate programmatic handling of secret data.'), col('Data', 'Data contains the secret data.'), ageCol()],
    row: (o, ctx) => [o.metadata.name, o.type ?? '', Object.keys(o.data ?? {}).length, age(o, ctx)],
  },
  fieldSelectors: { type: (o) => o.type ?? '' },
};
