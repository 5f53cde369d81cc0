// Field selectors. Models k8s.io/apimachinery/pkg/fields/selector.go (`a=b`, `a==b`, `a!=b`, comma
// separated, `\`-escapes in values) and the field-label checks of the API server's conversion funcs
// (pkg/apis/core/v1/conversion.go, apimachinery runtime.DefaultMetaV1FieldSelectorConversion).

import { goQuote } from '../validation/gofmt.ts';

export type FieldOperator = '=' | '==' | '!=';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: FieldOperator;
  readonly value: string;
}

/** The caller supplies an object's selectable fields; a missing field reads as "", as in Go. */
export type Fields = Readonly<Record<string, string>>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export class FieldSelector {
  private constructor(
    readonly requirements: readonly FieldRequirement[],
    readonly matchesNothing: boolean,
  ) {}

  static everything(): FieldSelector {
    return new FieldSelector([], false);
  }

  static nothing(): FieldSelector {
    return new FieldSelector([], true);
  }

  static of(reqs: readonly FieldRequirement[]): FieldSelector {
    return new FieldSelector([...reqs], false);
  }

  empty(): boolean {
    return !this.matchesNothing && this.requirements.length === 0;
  }

  matches(fields: Fields): boolean {
    if (this.matchesNothing) return false;
    return this.requirements.every((r) => {
      const v = fields[r.field] ?? '';
      return r.operator === '!=' ? v !== r.value : v === r.value;
    });
  }

  /** The value an `=`/`==` term pins the field to (e.g. metadata.name for a single-object watch). */
  requiresExactMatch(field: string): string | undefined {
    return this.requirements.find((r) => r.field === field && r.operator !== '!=')?.value;
  }

  /**
   * Selector.Transform: rename or reject each term. Returns the first error, as Go does; a term
   * mapped to an empty field and value disappears.
   */
  transform(fn: (field: string, value: string) => Result<[string, string]>): Result<FieldSelector> {
    if (this.matchesNothing) return { ok: true, value: this };
    const out: FieldRequirement[] = [];
    for (const r of this.requirements) {
      const t = fn(r.field, r.value);
      if (!t.ok) return t;
      const [field, value] = t.value;
      if (field || value) out.push({ field, operator: r.operator, value });
    }
    return { ok: true, value: FieldSelector.of(out) };
  }

  /** `==` is kept apart from `=` only by the parser; both print as `=`, as hasTerm does. */
  toString(): string {
    return this.requirements
      .map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${escapeFieldValue(r.value)}`)
      .join(',');
  }
}

export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => '\\' + c);
}

/** fields.UnescapeValue, with Go's error texts (an unescaped rune prints as its code point: `61` for `=`). */
export function unescapeFieldValue(s: string): Result<string> {
  if (!/[\\,=]/.test(s)) return { ok: true, value: s };
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === '\\' || c === ',' || c === '=') out += c;
      else return { ok: false, error: `invalid field selector: invalid escape sequence: \\${c}` };
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') {
      return { ok: false, error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}` };
    } else out += c;
  }
  if (inSlash) return { ok: false, error: 'invalid field selector: invalid escape sequence: \\' };
  return { ok: true, value: out };
}

/** Splits on commas that are not escaped. */
export function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

const TERM_OPERATORS: FieldOperator[] = ['!=', '==', '='];

/** The first operator found from the left wins; at one position `!=` and `==` beat `=`. */
export function splitTerm(term: string): [string, FieldOperator, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/** fields.ParseSelector: terms sorted as strings (Go sorts the raw terms), empty terms skipped. */
export function parseFieldSelector(selector: string): Result<FieldSelector> {
  const parts = splitTerms(selector).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const reqs: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) return { ok: false, error: `invalid selector: '${selector}'; can't understand '${part}'` };
    const value = unescapeFieldValue(t[2]);
    if (!value.ok) return value;
    reqs.push({ field: t[0], operator: t[1], value: value.value });
  }
  return { ok: true, value: FieldSelector.of(reqs) };
}

/** fields.SelectorFromSet. */
export function fieldSelectorFromSet(set: Fields): FieldSelector {
  return FieldSelector.of(Object.entries(set).map(([field, value]) => ({ field, operator: '=' as const, value })));
}

// --- Which field labels a kind accepts. Kinds with their own conversion func answer
// `field label not supported: <label>`; all others fall back to apimachinery's default, which
// accepts only metadata.name and metadata.namespace.

/**
 * Copied from the conversion funcs in kubernetes pkg/apis/core/v1/conversion.go. Extend it when a
 * registry learns another kind's selectable fields.
 */
export const FIELD_LABELS: Record<string, readonly string[]> = {
  Pod: [
    'metadata.name',
    'metadata.namespace',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  Node: ['metadata.name', 'spec.unschedulable'],
  ReplicationController: ['metadata.name', 'metadata.namespace', 'status.replicas'],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
    'metadata.namespace',
    'metadata.name',
  ],
  Namespace: ['status.phase', 'metadata.name'],
  Secret: ['type', 'metadata.namespace', 'metadata.name'],
  Service: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
};

/** Labels a kind renames: old v1 clients send spec.host for pods. */
const FIELD_LABEL_ALIASES: Record<string, Record<string, string>> = { Pod: { 'spec.host': 'spec.nodeName' } };

/** The message for a kind's own conversion func. */
export const fieldLabelNotSupported = (label: string) => `field label not supported: ${label}`;

/** runtime.DefaultMetaV1FieldSelectorConversion's message. */
export const unknownFieldSelector = (label: string) =>
  `${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`;

/** scheme.ConvertFieldLabel for one kind; the error becomes a 400 BadRequest Status message. */
export function convertFieldLabel(kind: string, label: string, value: string): Result<[string, string]> {
  const alias = FIELD_LABEL_ALIASES[kind]?.[label];
  if (alias) return { ok: true, value: [alias, value] };
  const known = Object.hasOwn(FIELD_LABELS, kind) ? FIELD_LABELS[kind] : undefined;
  if (known) {
    return known.includes(label) ? { ok: true, value: [label, value] } : { ok: false, error: fieldLabelNotSupported(label) };
  }
  return label === 'metadata.name' || label === 'metadata.namespace'
    ? { ok: true, value: [label, value] }
    : { ok: false, error: unknownFieldSelector(label) };
}

/** Parse then check every label against the kind, as the list handler does. */
export function parseFieldSelectorFor(kind: string, selector: string): Result<FieldSelector> {
  const parsed = parseFieldSelector(selector);
  if (!parsed.ok) return parsed;
  return parsed.value.transform((f, v) => convertFieldLabel(kind, f, v));
}
