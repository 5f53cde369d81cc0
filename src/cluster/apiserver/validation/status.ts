// Models apierrors.NewInvalid (k8s.io/apimachinery/pkg/api/errors/errors.go): a field error list
// becomes the 422 Status that kubectl prints as `The Service "Web" is invalid: ...`.

import type { Status } from '../types.ts';
import { aggregateMessage, type FieldError } from './field.ts';
import { goQuote } from './gofmt.ts';

export interface GroupKind {
  group: string; // '' for the core group
  kind: string;
}

/** schema.GroupKind.String(): `Service`, `Deployment.apps`. */
export function groupKindString(gk: GroupKind): string {
  return gk.group ? `${gk.kind}.${gk.group}` : gk.kind;
}

export function invalidStatus(gk: GroupKind, name: string, errs: readonly FieldError[]): Status {
  const agg = aggregateMessage(errs);
  const head = `${groupKindString(gk)} ${goQuote(name)} is invalid`;
  // Go marshals these with omitempty, in this order.
  const details: NonNullable<Status['details']> = {};
  if (name) details.name = name;
  if (gk.group) details.group = gk.group;
  if (gk.kind) details.kind = gk.kind;
  if (errs.length > 0) details.causes = errs.map((e) => ({ reason: e.type, message: e.body(), field: e.field }));
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: agg ? `${head}: ${agg}` : head,
    reason: 'Invalid',
    details,
    code: 422,
  };
}
