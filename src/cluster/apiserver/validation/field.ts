// Models k8s.io/apimachinery/pkg/util/validation/field (path.go, errors.go): the field errors every
// validation returns, rendered exactly as field.Error.Error() so 422 messages match a real server.

import { goJson, goQuote } from './gofmt.ts';

/** A field path: `spec.ports[0].port`, `metadata.labels[app]`. Immutable; each step returns a new path. */
export class FieldPath {
  private constructor(
    readonly parent: FieldPath | undefined,
    readonly name: string, // '' when this step is an index or key
    readonly subscript: string,
  ) {}

  static of(name: string, ...more: string[]): FieldPath {
    let p = new FieldPath(undefined, name, '');
    for (const n of more) p = new FieldPath(p, n, '');
    return p;
  }

  child(name: string, ...more: string[]): FieldPath {
    let p: FieldPath = new FieldPath(this, name, '');
    for (const n of more) p = new FieldPath(p, n, '');
    return p;
  }

  index(i: number): FieldPath {
    return new FieldPath(this, '', String(i));
  }

  key(k: string): FieldPath {
    return new FieldPath(this, '', k);
  }

  toString(): string {
    const steps: FieldPath[] = [];
    for (let p: FieldPath | undefined = this; p; p = p.parent) steps.unshift(p);
    let out = '';
    for (const p of steps) {
      if (p.name.length > 0) out += (p.parent ? '.' : '') + p.name;
      else out += `[${p.subscript}]`;
    }
    return out;
  }
}

/** field.ErrorType: the values double as StatusCause reasons. */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Go's unexported omitValue: the bad value is not printed at all. */
export const OMIT_VALUE: unique symbol = Symbol('omitValue');

/**
 * How Go would print the bad value. Go decides by static type (int64 → %v, string → %q, else JSON);
 * JS only has runtime types, so numbers and booleans print bare, strings quoted, the rest as JSON.
 */
function formatBadValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goQuote(v);
  return goJson(v ?? null);
}

export class FieldError {
  constructor(
    readonly type: FieldErrorType,
    readonly field: string,
    readonly badValue: unknown,
    readonly detail: string,
  ) {}

  /** field.Error.ErrorBody(): the message without the field, as in StatusCause.message. */
  body(): string {
    let s: string;
    switch (this.type) {
      case 'FieldValueRequired':
      case 'FieldValueForbidden':
      case 'FieldValueTooLong':
      case 'InternalError':
        s = TYPE_TEXT[this.type];
        break;
      default:
        s =
          this.badValue === OMIT_VALUE
            ? TYPE_TEXT[this.type]
            : `${TYPE_TEXT[this.type]}: ${formatBadValue(this.badValue)}`;
    }
    return this.detail.length > 0 ? `${s}: ${this.detail}` : s;
  }

  toString(): string {
    return `${this.field}: ${this.body()}`;
  }
}

export type ErrorList = FieldError[];

// Constructors, named as in package field.
export const required = (path: FieldPath, detail: string) =>
  new FieldError('FieldValueRequired', path.toString(), '', detail);
export const invalid = (path: FieldPath, value: unknown, detail: string) =>
  new FieldError('FieldValueInvalid', path.toString(), value, detail);
export const typeInvalid = (path: FieldPath, value: unknown, detail: string) =>
  new FieldError('FieldValueTypeInvalid', path.toString(), value, detail);
export const notFound = (path: FieldPath, value: unknown) =>
  new FieldError('FieldValueNotFound', path.toString(), value, '');
export const duplicate = (path: FieldPath, value: unknown) =>
  new FieldError('FieldValueDuplicate', path.toString(), value, '');
export const forbidden = (path: FieldPath, detail: string) =>
  new FieldError('FieldValueForbidden', path.toString(), '', detail);
export const internalError = (path: FieldPath, err: string) =>
  new FieldError('InternalError', path.toString(), null, err);

export function notSupported(path: FieldPath, value: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? 'supported values: ' + validValues.map(goQuote).join(', ') : '';
  return new FieldError('FieldValueNotSupported', path.toString(), value, detail);
}

export function tooLong(path: FieldPath, maxLength: number): FieldError {
  const msg =
    maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return new FieldError('FieldValueTooLong', path.toString(), '<value omitted>', msg);
}

export function tooMany(path: FieldPath, actual: number, max: number): FieldError {
  const msg = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
  return new FieldError('FieldValueTooMany', path.toString(), actual >= 0 ? actual : OMIT_VALUE, msg);
}

/**
 * ErrorList.ToAggregate().Error(): duplicates dropped, one error bare, several as `[a, b]`.
 * Returns '' for an empty list.
 */
export function aggregateMessage(errs: readonly FieldError[]): string {
  const seen = [...new Set(errs.map((e) => e.toString()))];
  if (seen.length === 1) return seen[0]!;
  return seen.length === 0 ? '' : `[${seen.join(', ')}]`;
}
