// The writes kubectl's create paths make: a POST with fieldManager, fieldValidation and dryRun in
// the query (metav1.CreateOptions), and the --save-config annotation
// (util.CreateOrUpdateAnnotation: the object's JSON, as kubectl's encoder writes it, plus a newline).

import type { Invocation } from '../command.ts';
import type { KObject } from '../../cluster/apiserver/types.ts';
import { resourcePath, type ResourceRef } from './rest.ts';
import type { DryRun } from '../flags/write.ts';
import { goCompactJson } from '../printers/goorder.ts';
import { goJson } from '../printers/json.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface CreateOptions {
  dryRun: DryRun;
  fieldManager: string;
  /** --validate: strict (default), warn, ignore. */
  validation?: string;
}

/** The query of a create/patch: what client-go puts in the URL for metav1.CreateOptions. */
export function writeQuery(o: CreateOptions): Record<string, string> {
  const q: Record<string, string> = {};
  if (o.dryRun === 'server') q.dryRun = 'All';
  if (o.fieldManager) q.fieldManager = o.fieldManager;
  q.fieldValidation = fieldValidation(o.validation ?? 'strict');
  return q;
}

/** --validate's value as the fieldValidation query (and the -f reader's validation directive). */
export function fieldValidation(v: string): 'Strict' | 'Warn' | 'Ignore' {
  switch (v.toLowerCase()) {
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
      return 'Ignore';
    default:
      return 'Strict';
  }
}

export function createObject(inv: Invocation, ref: ResourceRef, namespace: string, obj: KObject, o: CreateOptions): KObject {
  const res = inv.rest().request({
    method: 'POST',
    path: resourcePath(ref, ref.namespaced ? namespace : undefined),
    query: writeQuery(o),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: obj,
  });
  return res.body as KObject;
}

/** --save-config: store the object as kubectl apply would later read it. */
export function addLastApplied(obj: KObject, enabled: boolean, typed = true): void {
  if (!enabled) return;
  const copy = structuredClone(obj);
  if (copy.metadata.annotations) {
    delete copy.metadata.annotations[LAST_APPLIED];
    if (Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  }
  const text = (typed ? goCompactJson(copy) : goJson(copy, '')) + '\n';
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: text };
}

/** The validate flag's value, when the command declares it. */
export function validationOf(inv: Invocation): string {
  return inv.flags.has('validate') ? inv.flags.string('validate') : 'strict';
}
