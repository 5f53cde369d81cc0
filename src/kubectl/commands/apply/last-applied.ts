// The kubectl.kubernetes.io/last-applied-configuration annotation as kubectl's apply util writes
// it (pkg/util/apply.go GetModifiedConfiguration, CreateApplyAnnotation): the object encoded by
// UnstructuredJSONScheme — Go's json.Encoder over a map, so keys sorted, compact, HTML-escaped,
// with a trailing newline — without the annotation itself but with `"annotations":{}` left in
// when it was the only one (SetAnnotations on an empty, non-nil map keeps the key).

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { goJson } from '../../printers/json.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function encode(obj: unknown): string {
  return goJson(obj, '') + '\n';
}

/** The object's configuration without the annotation, as stored in the annotation. */
export function configurationOf(obj: KObject): string {
  const copy = structuredClone(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  return encode(copy);
}

/** GetModifiedConfiguration(obj, annotate=true): the object with its new annotation, as JSON. */
export function modifiedConfiguration(obj: KObject): KObject {
  const config = configurationOf(obj);
  const copy = structuredClone(obj);
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [LAST_APPLIED]: config };
  return JSON.parse(encode(copy)) as KObject;
}

/** CreateApplyAnnotation: set the annotation on the object itself (before a create). */
export function addApplyAnnotation(obj: KObject): void {
  const config = configurationOf(obj);
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: config };
}

/** GetOriginalConfiguration: the last applied configuration, or undefined when there is none. */
export function originalConfiguration(live: KObject): Record<string, unknown> | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  return JSON.parse(text) as Record<string, unknown>;
}

/** pruneNullsFromMap: a create sends what an update apply of the same file would leave. */
export function pruneNulls(v: unknown): void {
  if (Array.isArray(v)) v.forEach(pruneNulls);
  else if (v && typeof v === 'object') {
    const m = v as Record<string, unknown>;
    for (const k of Object.keys(m)) {
      if (m[k] === null) delete m[k];
      else pruneNulls(m[k]);
    }
  }
}
