// Key and immutability checks ConfigMaps and Secrets share (ValidateConfigMap / ValidateSecret and
// their updates in pkg/apis/core/validation/validation.go).

import type { KObject } from '../types.ts';
import { isConfigMapKey } from '../validation/names.ts';
import { duplicate, type ErrorList, FieldPath, forbidden, invalid } from './field.ts';

export function validateKeys(obj: KObject, fields: string[]): ErrorList {
  const errs: ErrorList = [];
  const seen = new Set<string>();
  for (const f of fields) {
    for (const key of Object.keys(obj[f] ?? {})) {
      for (const m of isConfigMapKey(key)) errs.push(invalid(FieldPath.of(f).key(key), key, m));
      if (seen.has(key)) errs.push(duplicate(FieldPath.of(f).key(key), key));
      seen.add(key);
    }
  }
  return errs;
}

/** An `immutable: true` object keeps its data, and cannot become mutable again. */
export function validateImmutable(obj: KObject, old: KObject, fields: string[]): ErrorList {
  if (old.immutable !== true) return [];
  const errs: ErrorList = [];
  if (obj.immutable !== true) errs.push(forbidden(FieldPath.of('immutable'), 'field is immutable when `immutable` is set'));
  for (const f of fields)
    if (JSON.stringify(obj[f] ?? {}) !== JSON.stringify(old[f] ?? {})) errs.push(forbidden(FieldPath.of(f), 'field is immutable when `immutable` is set'));
  return errs;
}
