// What Deployments and ReplicaSets share (pkg/apis/apps/validation, pkg/registry/apps/*/strategy.go):
// selector/template validation, generation bumps, status kept on spec writes, the scale mapping.

import type { KObject } from '../types.ts';
import { FIELD_IMMUTABLE_ERROR_MSG } from '../validation/objectmeta.ts';
import { jsonEqual, selectorIsEmpty, selectorMatches, selectorString, sortedMap, type LabelSelector } from './common.ts';
import { type ErrorList, FieldPath, forbidden, invalid, notSupported, required } from './field.ts';
import { defaultPodSpec, validatePodTemplateSpec } from './podspec.ts';
import type { ResourceStrategy } from './strategy.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export const nonNegative = (v: number | undefined, path: FieldPath): ErrorList =>
  typeof v === 'number' && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];

/** A selector value as Go prints it in an error: JSON with map keys sorted. */
export function selectorValue(sel: LabelSelector | undefined): unknown {
  if (!sel) return null;
  const out: Obj = {};
  if (sel.matchLabels) out.matchLabels = sortedMap(sel.matchLabels);
  if (sel.matchExpressions) out.matchExpressions = sel.matchExpressions;
  return out;
}

/** Selector checks of ValidateDeploymentSpec / ValidateReplicaSetSpec. */
export function validateSelector(sel: LabelSelector | undefined, path: FieldPath): ErrorList {
  if (!sel) return [required(path, '')];
  if (selectorIsEmpty(sel)) return [invalid(path, selectorValue(sel), 'empty selector is invalid for deployment')];
  return [];
}

/** ValidatePodTemplateSpecForReplicaSet. A nil selector matches nothing, so it reports a mismatch too. */
export function validateTemplateForSelector(template: Obj | undefined, sel: LabelSelector | undefined, path: FieldPath): ErrorList {
  if (!template) return [required(path, '')];
  const errs: ErrorList = [];
  const labels = template.metadata?.labels;
  if (!selectorIsEmpty(sel) && !selectorMatches(sel, labels))
    errs.push(invalid(path.child('metadata', 'labels'), sortedMap(labels) ?? null, '`selector` does not match template `labels`'));
  errs.push(...validatePodTemplateSpec(template, path));
  const restart = template.spec?.restartPolicy;
  if (restart !== 'Always' && restart) errs.push(notSupported(path.child('spec', 'restartPolicy'), restart, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined)
    errs.push(forbidden(path.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  return errs;
}

export function selectorImmutable(obj: KObject, old: KObject): ErrorList {
  return jsonEqual(obj.spec?.selector, old.spec?.selector)
    ? []
    : [invalid(FieldPath.of('spec', 'selector'), selectorValue(obj.spec?.selector), FIELD_IMMUTABLE_ERROR_MSG)];
}

export function defaultTemplate(obj: KObject): void {
  const t = obj.spec?.template;
  if (!t) return;
  t.metadata ??= {};
  defaultPodSpec((t.spec ??= {}), false);
}

/** Spec changes (and for Deployments, annotation changes) bump metadata.generation. */
export function bumpGeneration(obj: KObject, old: KObject, defaults: (o: KObject) => void, annotations: boolean): void {
  const probe = structuredClone(obj);
  defaults(probe);
  const changed = !jsonEqual(probe.spec, old.spec) || (annotations && !jsonEqual(obj.metadata.annotations ?? {}, old.metadata.annotations ?? {}));
  obj.metadata.generation = (old.metadata.generation ?? 1) + (changed ? 1 : 0);
}

export const replicaScale: ResourceStrategy['scale'] = {
  get: (o) => ({ replicas: o.spec?.replicas ?? 0, statusReplicas: o.status?.replicas ?? 0, selector: selectorString(o.spec?.selector) }),
  set(o, replicas) {
    o.spec = { ...(o.spec ?? {}), replicas };
  },
};
