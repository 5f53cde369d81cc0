import { describe, expect, it } from 'vitest';
import {
  aggregateMessage,
  FieldError,
  FieldPath,
  forbidden,
  internalError,
  invalid,
  notSupported,
  OMIT_VALUE,
  required,
  tooLong,
  tooMany,
} from './field.ts';

// Expectations from apimachinery v0.34.10 util/validation/field/{path,errors}_test.go.
describe('FieldPath', () => {
  it('renders children, indexes and keys as path.go does', () => {
    const root = FieldPath.of('root');
    expect(root.toString()).toBe('root');
    const second = root.child('first').child('second');
    expect(second.toString()).toBe('root.first.second');
    expect(second.index(0).child('third').index(93).toString()).toBe('root.first.second[0].third[93]');
    expect(second.index(0).key('key').toString()).toBe('root.first.second[0][key]');
    expect(FieldPath.of('a', 'b', 'c').child('d', 'e').toString()).toBe('a.b.c.d.e');
  });
});

describe('FieldError.toString (TestErrorFormatting)', () => {
  const p = FieldPath.of('path.to.field');
  it.each([
    [required(p, 'the details'), 'path.to.field: Required value: the details'],
    [forbidden(p, 'the details'), 'path.to.field: Forbidden: the details'],
    [new FieldError('FieldValueTooLong', 'path.to.field', 'the value', 'the details'), 'path.to.field: Too long: the details'],
    [tooLong(p, 1), 'path.to.field: Too long: may not be more than 1 byte'],
    [tooLong(p, 2), 'path.to.field: Too long: may not be more than 2 bytes'],
    [tooLong(p, -1), 'path.to.field: Too long: value is too long'],
    [new FieldError('FieldValueTooMany', 'path.to.field', 'the value', 'the details'), 'path.to.field: Too many: "the value": the details'],
    [tooMany(p, 2, 1), 'path.to.field: Too many: 2: must have at most 1 item'],
    [tooMany(p, 3, 2), 'path.to.field: Too many: 3: must have at most 2 items'],
    [tooMany(p, 2, -1), 'path.to.field: Too many: 2: has too many items'],
    [tooMany(p, -1, 1), 'path.to.field: Too many: must have at most 1 item'],
    [internalError(p, 'the error'), 'path.to.field: Internal error: the error'],
    [invalid(p, 'the value', 'the details'), 'path.to.field: Invalid value: "the value": the details'],
    [invalid(p, -42, 'the details'), 'path.to.field: Invalid value: -42: the details'],
    [invalid(p, true, 'the details'), 'path.to.field: Invalid value: true: the details'],
    [
      invalid(p, { stringField: 'stringval', intField: 9376, boolField: true }, 'the details'),
      'path.to.field: Invalid value: {"stringField":"stringval","intField":9376,"boolField":true}: the details',
    ],
    [invalid(p, ['one', 'two', 'three'], 'the details'), 'path.to.field: Invalid value: ["one","two","three"]: the details'],
    [invalid(p, OMIT_VALUE, 'the details'), 'path.to.field: Invalid value: the details'],
    [invalid(p, null, 'the details'), 'path.to.field: Invalid value: null: the details'],
  ])('%s', (err, want) => {
    expect(err.toString()).toBe(want);
  });

  it('quotes strings with Go %q escapes', () => {
    expect(invalid(p, 'a"b\\c\n\u00e9', 'x').toString()).toBe('path.to.field: Invalid value: "a\\"b\\\\c\\n\u00e9": x');
  });

  it('formats the messages quoted in the brief', () => {
    expect(invalid(FieldPath.of('spec', 'ports').index(0).child('port'), 0, 'must be between 1 and 65535, inclusive').toString()).toBe(
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    );
    expect(notSupported(FieldPath.of('spec', 'type'), 'Foo', ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']).toString()).toBe(
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
    expect(required(FieldPath.of('metadata', 'name'), 'name or generateName is required').toString()).toBe(
      'metadata.name: Required value: name or generateName is required',
    );
  });
});

describe('aggregateMessage (ToAggregate().Error())', () => {
  const f = FieldPath.of('f');
  it('is empty, bare, deduplicated, or bracketed', () => {
    expect(aggregateMessage([])).toBe('');
    expect(aggregateMessage([invalid(f, 'v', 'd')])).toBe('f: Invalid value: "v": d');
    expect(aggregateMessage([invalid(f, 'v', 'd'), invalid(f, 'v', 'd')])).toBe('f: Invalid value: "v": d');
    expect(aggregateMessage([invalid(f, 'v', 'd'), internalError(FieldPath.of(''), 'e')])).toBe(
      // Go's NewPath("") prints as "[]" (path.go writes an empty name as an index).
      '[f: Invalid value: "v": d, []: Internal error: e]',
    );
  });
});
