import { describe, expect, it } from 'vitest';
import {
  convertFieldLabel,
  escapeFieldValue,
  FieldSelector,
  fieldSelectorFromSet,
  parseFieldSelector,
  parseFieldSelectorFor,
  splitTerm,
  splitTerms,
  unescapeFieldValue,
} from './fields.ts';

// Cases from apimachinery v0.34.10 pkg/fields/selector_test.go; messages from selector.go and the
// field-label conversion funcs (kubernetes pkg/apis/core/v1/conversion.go,
// apimachinery runtime/conversion.go DefaultMetaV1FieldSelectorConversion).
const parse = (s: string) => {
  const r = parseFieldSelector(s);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('splitTerms / splitTerm', () => {
  it.each([
    ['a', ['a']],
    ['a=avalue,b=bvalue', ['a=avalue', 'b=bvalue']],
    ['a=avalue,b==bvalue,c!=cvalue', ['a=avalue', 'b==bvalue', 'c!=cvalue']],
    ['', []],
    ['a=a,', ['a=a', '']],
    [',a=a', ['', 'a=a']],
    ['k=\\,,k2=v2', ['k=\\,', 'k2=v2']],
    ['k=\\\\,k2=v2', ['k=\\\\', 'k2=v2']],
    ['k=\\\\\\,,k2=v2', ['k=\\\\\\,', 'k2=v2']],
    ['k=\\a\\b\\', ['k=\\a\\b\\']],
    ['k=\\', ['k=\\']],
    ['함=수,목=록', ['함=수', '목=록']],
  ])('splitTerms(%j)', (s, want) => expect(splitTerms(s)).toEqual(want));

  it.each([
    ['a=value', ['a', '=', 'value']],
    ['b==value', ['b', '==', 'value']],
    ['c!=value', ['c', '!=', 'value']],
    ['', undefined],
    ['a', undefined],
    ['k=\\,', ['k', '=', '\\,']],
    ['k=\\\\\\a\\b\\=\\,\\', ['k', '=', '\\\\\\a\\b\\=\\,\\']],
    ['함=수', ['함', '=', '수']],
  ])('splitTerm(%j)', (s, want) => expect(splitTerm(s)).toEqual(want));
});

describe('escaping (TestEscapeValue)', () => {
  it.each([['', ''], ['a', 'a'], ['=', '\\='], [',', '\\,'], ['\\', '\\\\'], ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\']])(
    '%j ↔ %j', (raw, escaped) => {
      expect(escapeFieldValue(raw)).toBe(escaped);
      expect(unescapeFieldValue(escaped)).toEqual({ ok: true, value: raw });
    },
  );
  it('errors', () => {
    expect(unescapeFieldValue('\\')).toEqual({ ok: false, error: 'invalid field selector: invalid escape sequence: \\' });
    expect(unescapeFieldValue('\\\\\\')).toEqual({ ok: false, error: 'invalid field selector: invalid escape sequence: \\' });
    expect(unescapeFieldValue('\\a')).toEqual({ ok: false, error: 'invalid field selector: invalid escape sequence: \\a' });
    // %v of a Go rune prints its number.
    expect(parseFieldSelector('a=b=c')).toEqual({ ok: false, error: 'invalid field selector: unescaped character in value: 61' });
  });
});

describe('parseFieldSelector (TestSelectorParse, TestSelectorMatches)', () => {
  it.each(['', 'a=b', 'a=b,c=d', 'a!=b', 'a=b,c!=d', 'x=a,y=b,z=c'])('round-trips %j', (s) => expect(parse(s).toString()).toBe(s));
  it('prints == as = and sorts terms', () => {
    expect(parse('x==a').toString()).toBe('x=a');
    expect(parse('z=c,x=a,y=b').toString()).toBe('x=a,y=b,z=c');
  });
  it('rejects terms without an operator', () => {
    expect(parseFieldSelector('a,b=c')).toEqual({ ok: false, error: "invalid selector: 'a,b=c'; can't understand 'a'" });
  });
  it('matches', () => {
    expect(parse('').matches({ x: 'y' })).toBe(true);
    expect(parse('x=y').matches({ x: 'y' })).toBe(true);
    expect(parse('x=y,z=w').matches({ x: 'y', z: 'w' })).toBe(true);
    expect(parse('x!=y,z!=w').matches({ x: 'z', z: 'a' })).toBe(true);
    expect(parse('x=y').matches({ x: 'z' })).toBe(false);
    expect(parse('x=y,z=w').matches({ x: 'w', z: 'w' })).toBe(false);
    expect(parse('x!=y,z!=w').matches({ x: 'z', z: 'w' })).toBe(false);
    expect(parse('x=').matches({})).toBe(true); // a missing field reads as ""
    expect(FieldSelector.nothing().matches({})).toBe(false);
    expect(fieldSelectorFromSet({ 'metadata.name': 'web' }).matches({ 'metadata.name': 'web' })).toBe(true);
  });
  it('requiresExactMatch (TestRequiresExactMatch)', () => {
    expect(parse('key=value').requiresExactMatch('key')).toBe('value');
    expect(parse('key==value').requiresExactMatch('key')).toBe('value');
    expect(parse('key!=value').requiresExactMatch('key')).toBeUndefined();
    expect(parse('key=value').requiresExactMatch('other')).toBeUndefined();
  });
});

describe('field labels per kind', () => {
  it('kinds with their own conversion func', () => {
    expect(convertFieldLabel('Pod', 'status.phase', 'Running')).toEqual({ ok: true, value: ['status.phase', 'Running'] });
    expect(convertFieldLabel('Pod', 'spec.host', 'n1')).toEqual({ ok: true, value: ['spec.nodeName', 'n1'] });
    expect(convertFieldLabel('Pod', 'foo', 'x')).toEqual({ ok: false, error: 'field label not supported: foo' });
    expect(convertFieldLabel('Service', 'spec.type', 'NodePort').ok).toBe(true);
  });
  it('others get the default message', () => {
    expect(convertFieldLabel('Deployment', 'foo', 'x')).toEqual({
      ok: false,
      error: '"foo" is not a known field selector: only "metadata.name", "metadata.namespace"',
    });
    expect(convertFieldLabel('Deployment', 'metadata.name', 'x').ok).toBe(true);
  });
  it('parseFieldSelectorFor', () => {
    expect(parseFieldSelectorFor('Pod', 'status.phase=Running,foo=bar')).toEqual({ ok: false, error: 'field label not supported: foo' });
    const r = parseFieldSelectorFor('Pod', 'spec.host=n1');
    expect(r.ok && r.value.toString()).toBe('spec.nodeName=n1');
  });
});
