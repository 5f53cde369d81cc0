// Label selectors. Models k8s.io/apimachinery/pkg/labels/selector.go (lexer, parser, Requirement,
// matching, String) and the metav1.LabelSelector helpers (apis/meta/v1/helpers.go LabelSelectorAsSelector,
// apis/meta/v1/validation ValidateLabelSelector). Parse errors carry the API server's exact text,
// e.g. `unable to parse requirement: <nil>: Invalid value: "a b": name part must ...`.

import {
  aggregateMessage,
  type ErrorList,
  FieldPath,
  forbidden,
  invalid,
  notSupported,
  required,
} from '../validation/field.ts';
import { goQuote } from '../validation/gofmt.ts';
import { isQualifiedName, isValidLabelValue } from '../validation/names.ts';
import { validateLabelName, validateLabels } from '../validation/objectmeta.ts';

/** selection.Operator values, as Go spells them (they show up in messages). */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

const BINARY_OPERATORS: Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const VALID_OPERATORS: Operator[] = [...BINARY_OPERATORS, 'exists', '!'];

export type Labels = Readonly<Record<string, string>>;

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

/** Either a list of requirements (all must match; none = everything) or "nothing" (matches no object). */
export class Selector {
  private constructor(
    readonly requirements: readonly Requirement[],
    readonly matchesNothing: boolean,
  ) {}

  static everything(): Selector {
    return new Selector([], false);
  }

  static nothing(): Selector {
    return new Selector([], true);
  }

  /** internalSelector.Add: requirements kept sorted by key (stable, as Go's sort for short lists). */
  static of(requirements: readonly Requirement[]): Selector {
    return new Selector(sortByKey(requirements), false);
  }

  add(...reqs: Requirement[]): Selector {
    return this.matchesNothing ? this : Selector.of([...this.requirements, ...reqs]);
  }

  /** Empty() is false for "nothing", as in Go. */
  empty(): boolean {
    return !this.matchesNothing && this.requirements.length === 0;
  }

  matches(labels: Labels | undefined): boolean {
    if (this.matchesNothing) return false;
    const ls = labels ?? {};
    return this.requirements.every((r) => requirementMatches(r, ls));
  }

  /** The value a label must have when the selector pins it (`k=v`, `k==v`, `k in (v)`). */
  requiresExactMatch(label: string): string | undefined {
    const r = this.requirements.find((x) => x.key === label);
    if (r && (r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1) {
      return r.values[0];
    }
    return undefined;
  }

  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

const sortByKey = (reqs: readonly Requirement[]) =>
  [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

const has = (ls: Labels, k: string) => Object.prototype.hasOwnProperty.call(ls, k);

/** strconv.ParseInt(s, 10, 64); undefined when Go would fail. */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

export function requirementMatches(r: Requirement, ls: Labels): boolean {
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has(ls, r.key) && r.values.includes(ls[r.key]!);
    case 'notin':
    case '!=':
      return !has(ls, r.key) || !r.values.includes(ls[r.key]!);
    case 'exists':
      return has(ls, r.key);
    case '!':
      return !has(ls, r.key);
    case 'gt':
    case 'lt': {
      if (!has(ls, r.key) || r.values.length !== 1) return false;
      const lv = parseInt64(ls[r.key]!);
      const rv = parseInt64(r.values[0]!);
      if (lv === undefined || rv === undefined) return false;
      return r.operator === 'gt' ? lv > rv : lv < rv;
    }
  }
}

const sortedCopy = (xs: readonly string[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function requirementString(r: Requirement): string {
  let s = (r.operator === '!' ? '!' : '') + r.key;
  switch (r.operator) {
    case 'exists':
    case '!':
      return s;
    case 'in':
      s += ' in (';
      break;
    case 'notin':
      s += ' notin (';
      break;
    case 'gt':
      s += '>';
      break;
    case 'lt':
      s += '<';
      break;
    default:
      s += r.operator;
  }
  s += r.values.length === 1 ? r.values[0] : sortedCopy(r.values).join(',');
  return r.operator === 'in' || r.operator === 'notin' ? s + ')' : s;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

/**
 * labels.NewRequirement: validates key, operator and values. `path` prefixes the field names in
 * errors; Go's callers that pass none get `key` / `values[0][k]`.
 */
export function newRequirement(
  key: string,
  operator: string,
  values: readonly string[] | null,
  path?: FieldPath,
): Result<Requirement> {
  const vals = values ?? [];
  const errs: ErrorList = [];
  const child = (name: string) => (path ? path.child(name) : FieldPath.of(name));
  const keyErr = validateLabelKey(key, child('key'));
  if (keyErr) errs.push(keyErr);
  const valuePath = child('values');
  // Go prints the values slice as JSON; a nil slice (LabelSelector with no values) is `null`.
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalid(valuePath, values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalid(valuePath, values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalid(valuePath, values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalid(valuePath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(invalid(valuePath.index(i), v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errs.push(notSupported(child('operator'), operator, VALID_OPERATORS));
  }
  vals.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errs.push(invalid(valuePath.index(i).key(key), v, msgs.join('; ')));
  });
  if (errs.length) return fail(aggregateMessage(errs));
  return { ok: true, value: { key, operator: operator as Operator, values: [...vals] } };
}

function validateLabelKey(k: string, path: FieldPath | undefined) {
  const msgs = isQualifiedName(k);
  if (!msgs.length) return undefined;
  // Go's nil *field.Path prints as "<nil>": that is what the parser passes.
  const err = invalid(path ?? FieldPath.of('<nil>'), k, msgs.join('; '));
  return err;
}

// --- Lexer (byte-oriented in Go; only ASCII characters are special, so JS chars are equivalent).

type Tok =
  | 'error'
  | 'eos'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'id'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '(';

const STRING_TO_TOKEN: Record<string, Tok> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};
const tokenFor = (s: string): Tok | undefined => (Object.hasOwn(STRING_TO_TOKEN, s) ? STRING_TO_TOKEN[s] : undefined);

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string) => '=!(),><'.includes(ch) && ch !== '';

interface Item {
  tok: Tok;
  lit: string;
}

export function lex(s: string): Item[] {
  let pos = 0;
  // Go's read() returns byte 0 at the end, so an embedded NUL also ends the input.
  const read = () => (pos < s.length ? s[pos++]! : '\0');
  const unread = () => void pos--;
  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === '\0') {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    unread();
    if (isSpecial(ch)) {
      let buf = '';
      let last: Item | undefined;
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (!isSpecial(c)) {
          unread();
          break;
        }
        buf += c;
        const t = tokenFor(buf);
        if (t) last = { tok: t, lit: buf };
        else if (last) {
          unread();
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
    } else {
      let buf = '';
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (isSpecial(c) || isWhitespace(c)) {
          unread();
          break;
        }
        buf += c;
      }
      items.push({ tok: tokenFor(buf) ?? 'id', lit: buf });
    }
  }
}

// --- Parser

class Parser {
  #items: Item[];
  #pos = 0;

  constructor(input: string) {
    this.#items = lex(input);
  }

  // In a values context the keywords `in` and `notin` are plain identifiers.
  #asValue(it: Item): Item {
    return it.tok === 'in' || it.tok === 'notin' ? { tok: 'id', lit: it.lit } : it;
  }
  lookahead(values = true): Item {
    const it = this.#items[this.#pos]!;
    return values ? this.#asValue(it) : it;
  }
  consume(values = true): Item {
    const it = this.#items[this.#pos++]!;
    return values ? this.#asValue(it) : it;
  }

  parse(): Result<Requirement[]> {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead();
      if (tok === 'eos') return { ok: true, value: reqs };
      if (tok !== 'id' && tok !== '!') return fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
      const r = this.parseRequirement();
      if (!r.ok) return fail(`unable to parse requirement: ${r.error}`);
      reqs.push(r.value);
      const next = this.consume();
      if (next.tok === 'eos') return { ok: true, value: reqs };
      if (next.tok !== ',') return fail(`found '${next.lit}', expected: ',' or 'end of string'`);
      const after = this.lookahead();
      if (after.tok !== 'id' && after.tok !== '!') return fail(`found '${after.lit}', expected: identifier after ','`);
    }
  }

  parseRequirement(): Result<Requirement> {
    let operator: Operator | undefined;
    let { tok, lit } = this.consume();
    if (tok === '!') {
      operator = '!';
      ({ tok, lit } = this.consume());
    }
    if (tok !== 'id') return fail(`found '${lit}', expected: identifier`);
    const key = lit;
    const keyErr = validateLabelKey(key, undefined);
    if (keyErr) return fail(keyErr.toString());
    const ahead = this.lookahead().tok;
    if ((ahead === 'eos' || ahead === ',') && operator !== '!') operator = 'exists';
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);

    const op = this.consume(false);
    const opByToken: Partial<Record<Tok, Operator>> = {
      in: 'in',
      '=': '=',
      '==': '==',
      '>': 'gt',
      '<': 'lt',
      notin: 'notin',
      '!=': '!=',
    };
    const parsedOp = opByToken[op.tok];
    if (!parsedOp) return fail(`found '${op.lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    const values = parsedOp === 'in' || parsedOp === 'notin' ? this.parseValues() : this.parseExactValue();
    if (!values.ok) return values;
    // Go collects values in a string set: unique and sorted.
    return newRequirement(key, parsedOp, sortedCopy([...new Set(values.value)]));
  }

  parseValues(): Result<string[]> {
    const open = this.consume();
    if (open.tok !== '(') return fail(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead();
    if (tok === 'id' || tok === ',') {
      const s = this.parseIdentifiersList();
      if (!s.ok) return s;
      if (this.consume().tok !== ')') return fail(`found '${lit}', expected: ')'`);
      return s;
    }
    if (tok === ')') {
      this.consume();
      return { ok: true, value: [''] };
    }
    return fail(`found '${lit}', expected: ',', ')' or identifier`);
  }

  parseIdentifiersList(): Result<string[]> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume();
      if (tok === 'id') {
        s.add(lit);
        const next = this.lookahead();
        if (next.tok === ',') continue;
        if (next.tok === ')') return { ok: true, value: [...s] };
        return fail(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === ',') {
        // Empty values between commas: `(,a)`, `(a,)`, `(a,,b)` all include "".
        if (s.size === 0) s.add('');
        const next = this.lookahead().tok;
        if (next === ')') {
          s.add('');
          return { ok: true, value: [...s] };
        }
        if (next === ',') {
          this.consume();
          s.add('');
        }
      } else {
        return fail(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  parseExactValue(): Result<string[]> {
    const ahead = this.lookahead().tok;
    if (ahead === 'eos' || ahead === ',') return { ok: true, value: [''] };
    const { tok, lit } = this.consume();
    if (tok === 'id') return { ok: true, value: [lit] };
    return fail(`found '${lit}', expected: identifier`);
  }
}

/** labels.Parse: the `-l` / `labelSelector=` grammar. Error text is the Status message a server sends. */
export function parseLabelSelector(input: string): Result<Selector> {
  const r = new Parser(input).parse();
  return r.ok ? { ok: true, value: Selector.of(r.value) } : r;
}

/** labels.SelectorFromSet: `k=v` for each entry, unvalidated. */
export function selectorFromSet(set: Labels | undefined): Selector {
  return Selector.of(Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })));
}

/** labels.ValidatedSelectorFromSet. */
export function validatedSelectorFromSet(set: Labels | undefined): Result<Selector> {
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(set ?? {})) {
    const r = newRequirement(k, '=', [v]);
    if (!r.ok) return r;
    reqs.push(r.value);
  }
  return { ok: true, value: Selector.of(reqs) };
}

/** labels.Set.String / FormatLabels: `a=b,c=d` sorted, `<none>` when empty (FormatLabels). */
export function labelsString(set: Labels | undefined): string {
  return sortedCopy(Object.entries(set ?? {}).map(([k, v]) => `${k}=${v}`)).join(',');
}
export function formatLabels(set: Labels | undefined): string {
  return labelsString(set) || '<none>';
}

// --- metav1.LabelSelector (Deployment/ReplicaSet spec.selector, etc.)

export interface LabelSelectorRequirement {
  key: string;
  operator: string; // In, NotIn, Exists, DoesNotExist
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

const OP_FROM_API: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/** metav1.LabelSelectorAsSelector: absent → nothing, empty → everything. */
export function labelSelectorAsSelector(ps: LabelSelector | null | undefined): Result<Selector> {
  if (!ps) return { ok: true, value: Selector.nothing() };
  const labels = Object.entries(ps.matchLabels ?? {});
  const exprs = ps.matchExpressions ?? [];
  if (labels.length + exprs.length === 0) return { ok: true, value: Selector.everything() };
  const reqs: Requirement[] = [];
  for (const [k, v] of labels) {
    const r = newRequirement(k, '=', [v]);
    if (!r.ok) return r;
    reqs.push(r.value);
  }
  for (const e of exprs) {
    const op = Object.hasOwn(OP_FROM_API, e.operator) ? OP_FROM_API[e.operator] : undefined;
    if (!op) return fail(`${goQuote(e.operator)} is not a valid label selector operator`);
    // Go copies Values with append([]string(nil), ...): an empty list becomes nil (prints `null`).
    const r = newRequirement(e.key, op, e.values?.length ? e.values : null);
    if (!r.ok) return r;
    reqs.push(r.value);
  }
  return { ok: true, value: Selector.of(reqs) };
}

/** metav1.FormatLabelSelector: the SELECTOR column of `-o wide`. */
export function formatLabelSelector(ps: LabelSelector | null | undefined): string {
  const r = labelSelectorAsSelector(ps);
  if (!r.ok) return '<error>';
  return r.value.toString() || '<none>';
}

/** metav1 validation.ValidateLabelSelector (with default options). */
export function validateLabelSelector(ps: LabelSelector | null | undefined, path: FieldPath): ErrorList {
  if (!ps) return [];
  const errs: ErrorList = [...validateLabels(ps.matchLabels, path.child('matchLabels'))];
  (ps.matchExpressions ?? []).forEach((sr, i) => {
    const p = path.child('matchExpressions').index(i);
    const values = sr.values ?? [];
    switch (sr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) {
          errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
        break;
      default:
        errs.push(invalid(p.child('operator'), sr.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(sr.key, p.child('key')));
    values.forEach((v, vi) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(p.child('values').index(vi), v, m));
    });
  });
  return errs;
}
