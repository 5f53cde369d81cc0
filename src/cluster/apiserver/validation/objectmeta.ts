// Models the create-time part of apimachinery's ValidateObjectMetaAccessor and
// metav1 validation's ValidateLabels / ValidateAnnotations (name, namespace, labels, annotations).

import type { ObjectMeta } from '../types.ts';
import { type ErrorList, FieldPath, forbidden, invalid, required, tooLong } from './field.ts';
import { isQualifiedName, isValidLabelValue, validateNamespaceName, type ValidateNameFunc } from './names.ts';

export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';
const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

export function validateLabelName(key: string, path: FieldPath): ErrorList {
  return isQualifiedName(key).map((m) => invalid(path, key, m));
}

/** Go walks the map in random order; we walk it in insertion order. */
export function validateLabels(labels: Record<string, string> | undefined, path: FieldPath): ErrorList {
  const errs: ErrorList = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    errs.push(...isValidLabelValue(v).map((m) => invalid(path, v, m)));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: FieldPath): ErrorList {
  const errs: ErrorList = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    // Annotation keys are qualified names where case does not matter.
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(path, k, m)));
    size += k.length + v.length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

/** ValidateObjectMeta on create, for the fields the emulator keeps. */
export function validateObjectMeta(
  meta: ObjectMeta,
  requiresNamespace: boolean,
  nameFn: ValidateNameFunc,
  path: FieldPath = FieldPath.of('metadata'),
): ErrorList {
  const errs: ErrorList = [];
  if (meta.generateName) {
    for (const m of nameFn(meta.generateName, true)) errs.push(invalid(path.child('generateName'), meta.generateName, m));
  }
  if (!meta.name) {
    errs.push(required(path.child('name'), 'name or generateName is required'));
  } else {
    for (const m of nameFn(meta.name, false)) errs.push(invalid(path.child('name'), meta.name, m));
  }
  if (requiresNamespace) {
    if (!meta.namespace) errs.push(required(path.child('namespace'), ''));
    else for (const m of validateNamespaceName(meta.namespace, false)) errs.push(invalid(path.child('namespace'), meta.namespace, m));
  } else if (meta.namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    errs.push(invalid(path.child('generation'), meta.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  return errs;
}
