// labelSelector and fieldSelector query parameters, turned into a predicate over stored objects.
// Bad selectors are 400s with the parser's message, as the API server's parameter decoding gives.

import { badRequest } from './errors.ts';
import type { ResourceStrategy } from './registry/strategy.ts';
import { parseLabelSelector } from './selectors/labels.ts';
import { parseFieldSelectorFor } from './selectors/fields.ts';
import type { KObject } from './types.ts';

export type ObjectFilter = (o: KObject) => boolean;

const ALL: ObjectFilter = () => true;

export function parseLabelSelectorQuery(q: string | undefined): ObjectFilter {
  if (!q || !q.trim()) return ALL;
  const r = parseLabelSelector(q);
  if (!r.ok) throw badRequest(r.error);
  const sel = r.value;
  return (o) => sel.matches(o.metadata.labels ?? {});
}

export function parseFieldSelectorQuery(q: string | undefined, s: ResourceStrategy): ObjectFilter {
  if (!q || !q.trim()) return ALL;
  const r = parseFieldSelectorFor(s.kind, q);
  if (!r.ok) throw badRequest(r.error);
  const sel = r.value;
  const fields = sel.requirements.map((req) => req.field);
  return (o) => {
    const values: Record<string, string> = {};
    for (const f of fields) values[f] = s.fieldSelectors?.[f]?.(o) ?? readPath(o, f);
    return sel.matches(values);
  };
}

/** A dotted field path's value as the selectable-fields maps render it (missing → ""). */
function readPath(o: KObject, path: string): string {
  let v: unknown = o;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v === undefined || v === null ? '' : String(v);
}
