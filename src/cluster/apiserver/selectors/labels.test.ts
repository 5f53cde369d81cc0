import { describe, expect, it } from 'vitest';
import { FieldPath } from '../validation/field.ts';
import {
  formatLabels,
  formatLabelSelector,
  labelSelectorAsSelector,
  lex,
  newRequirement,
  parseLabelSelector,
  type Requirement,
  Selector,
  selectorFromSet,
  validateLabelSelector,
} from './labels.ts';

// Cases from apimachinery v0.34.10 pkg/labels/selector_test.go unless noted. Messages are the
// fmt.Errorf strings of selector.go and the field.Error rendering of the validation package.
const parse = (s: string) => {
  const r = parseLabelSelector(s);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const parseError = (s: string) => {
  const r = parseLabelSelector(s);
  return r.ok ? undefined : r.error;
};
const req = (key: string, operator: Requirement['operator'], values: string[] = []): Requirement => ({ key, operator, values });

const QNAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('lexer (TestLexer)', () => {
  it.each([
    ['', 'eos'], [',', ','], ['notin', 'notin'], ['in', 'in'], ['=', '='], ['==', '=='], ['>', '>'], ['<', '<'],
    ['!', '!'], ['!=', '!='], ['(', '('], [')', ')'], ['~', 'id'], ['||', 'id'],
  ])('%j → %s', (s, tok) => {
    const [first] = lex(s);
    expect(first).toEqual({ tok, lit: s });
  });
  it('sequences (TestParserLookahead)', () => {
    expect(lex('== != (), = notin').map((i) => i.tok)).toEqual(['==', '!=', '(', ')', ',', '=', 'notin', 'eos']);
    expect(lex('key in ( value1, value2 )').map((i) => i.tok)).toEqual(['id', 'in', '(', 'id', ',', 'id', ')', 'eos']);
    expect(lex('key>2').map((i) => i.tok)).toEqual(['id', '>', 'id', 'eos']);
  });
});

describe('parseLabelSelector', () => {
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'])(
    'round-trips %j (TestSelectorParse)', (s) => expect(parse(s).toString()).toBe(s.replace(/ /g, '')),
  );
  it.each(['x=a||y=b', 'x==a==b', '!x=a', 'x<a'])('rejects %j', (s) => expect(parseError(s)).toBeDefined());

  it.each([
    ['', []],
    ['\rx', [req('x', 'exists')]],
    ['this-is-another-dns.domain.com/key-with-dash in (so,what)', [req('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])]],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', [req('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])]],
    ['foo  in\t (abc)', [req('foo', 'in', ['abc'])]],
    ['x notin\n (abc)', [req('x', 'notin', ['abc'])]],
    ['x in (abc,)', [req('x', 'in', ['', 'abc'])]],
    ['x in ()', [req('x', 'in', [''])]],
    ['x notin (abc,,def),bar,z in (),w', [req('bar', 'exists'), req('w', 'exists'), req('x', 'notin', ['', 'abc', 'def']), req('z', 'in', [''])]],
    ['x=a,y!=b,z in (h,i,j)', [req('x', '=', ['a']), req('y', '!=', ['b']), req('z', 'in', ['h', 'i', 'j'])]],
    ['x notin ( )', [req('x', 'notin', [''])]],
    ['x notin (, a)', [req('x', 'notin', ['', 'a'])]],
    ['a ', [req('a', 'exists')]],
    ['a in (x,y,notin, z,in)', [req('a', 'in', ['in', 'notin', 'x', 'y', 'z'])]],
    ['x>1', [req('x', 'gt', ['1'])]],
    ['x<7', [req('x', 'lt', ['7'])]],
  ])('parses %j (TestSetSelectorParser)', (s, want) => {
    expect(parse(s).requirements).toEqual(want);
  });
  it.each(['x=a||y=b', 'x,,y', ',x,y', 'x nott in (y)', 'a in (xyz),', 'a in (xyz)b notin ()', 'a in (xyz abc)', 'a notin(', 'a (', '('])(
    'rejects %j (TestSetSelectorParser)', (s) => expect(parseError(s)).toBeDefined(),
  );

  it('gives selector.go messages', () => {
    const ops = 'in, notin, =, ==, !=, gt, lt';
    expect(parseError('x !')).toBe(`unable to parse requirement: found '!', expected: ${ops}`);
    expect(parseError('x exists')).toBe(`unable to parse requirement: found 'exists', expected: ${ops}`);
    expect(parseError('x,,y')).toBe("found ',', expected: identifier after ','");
    expect(parseError(',x')).toBe("found ',', expected: !, identifier, or 'end of string'");
    expect(parseError('a in (xyz)b')).toBe("found 'b', expected: ',' or 'end of string'");
    expect(parseError('a in b')).toBe("unable to parse requirement: found 'b' expected: '('");
    expect(parseError('a in (xyz abc)')).toBe("unable to parse requirement: found 'abc', expected: ',' or ')'");
    expect(parseError('a in (=)')).toBe("unable to parse requirement: found '=', expected: ',', ')' or identifier");
    expect(parseError('x==a==b')).toBe("found '==', expected: ',' or 'end of string'");
    expect(parseError('x=(')).toBe("unable to parse requirement: found '(', expected: identifier");
    expect(parseError('!=x')).toBe("found '!=', expected: !, identifier, or 'end of string'");
    expect(parseError('!(')).toBe("unable to parse requirement: found '(', expected: identifier");
  });

  it('reports bad keys with a <nil> path and bad values under values[i][key]', () => {
    // Seen from real servers: `unable to parse requirement: <nil>: Invalid value: "app:monolith": name part ...`
    expect(parseError('app:monolith')).toBe(`unable to parse requirement: <nil>: Invalid value: "app:monolith": ${QNAME_MSG}`);
    expect(parseError('a=x y')).toBe("found 'y', expected: ',' or 'end of string'");
    expect(parseError('a in (x y)')).toBe("unable to parse requirement: found 'y', expected: ',' or ')'");
    expect(parseError('a=-x')).toBe(`unable to parse requirement: values[0][a]: Invalid value: "-x": ${LABEL_VALUE_MSG}`);
    expect(parseError('x<a')).toBe(
      `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
  });
});

describe('matching', () => {
  const m = (s: string, ls: Record<string, string>) => parse(s).matches(ls);
  it('TestSelectorMatches', () => {
    expect(m('', { x: 'y' })).toBe(true);
    expect(m('x=y', { x: 'y' })).toBe(true);
    expect(m('x=y,z=w', { x: 'y', z: 'w' })).toBe(true);
    expect(m('x!=y,z!=w', { x: 'z', z: 'a' })).toBe(true);
    expect(m('notin=in', { notin: 'in' })).toBe(true);
    expect(m('x', { x: 'z' })).toBe(true);
    expect(m('!x', { y: 'z' })).toBe(true);
    expect(m('x>1', { x: '2' })).toBe(true);
    expect(m('x<1', { x: '0' })).toBe(true);
    expect(m('x=z', {})).toBe(false);
    expect(m('x=y', { x: 'z' })).toBe(false);
    expect(m('x=y,z=w', { x: 'w', z: 'w' })).toBe(false);
    expect(m('x!=y,z!=w', { x: 'z', z: 'w' })).toBe(false);
    expect(m('x', { y: 'z' })).toBe(false);
    expect(m('!x', { x: 'z' })).toBe(false);
    expect(m('x>1', { x: '0' })).toBe(false);
    expect(m('x<1', { x: '2' })).toBe(false);
    expect(m('foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' })).toBe(false);
  });
  it('TestRequirementSelectorMatching', () => {
    expect(Selector.of([req('x', 'notin', ['']), req('y', 'exists')]).matches({ y: '' })).toBe(true);
    expect(Selector.of([req('x', '!'), req('y', 'exists')]).matches({ y: '' })).toBe(true);
    expect(Selector.of([req('x', 'notin', ['']), req('y', '!')]).matches({ y: '' })).toBe(false);
    expect(Selector.of([req('x', 'in', [''])]).matches({ y: 'baz' })).toBe(false);
    expect(Selector.of([req('z', 'gt', ['1'])]).matches({ z: '2' })).toBe(true);
    expect(Selector.of([req('z', 'gt', ['1'])]).matches({ z: 'v2' })).toBe(false);
  });
  it('everything and nothing', () => {
    expect(Selector.everything().matches({})).toBe(true);
    expect(Selector.everything().empty()).toBe(true);
    expect(Selector.nothing().matches({})).toBe(false);
    expect(Selector.nothing().empty()).toBe(false);
  });
  it('requiresExactMatch (TestRequiresExactMatch)', () => {
    expect(parse('key=value').requiresExactMatch('key')).toBe('value');
    expect(parse('key in (value)').requiresExactMatch('key')).toBe('value');
    expect(parse('key in (a,b)').requiresExactMatch('key')).toBeUndefined();
    expect(parse('key!=value').requiresExactMatch('key')).toBeUndefined();
  });
});

describe('toString (TestToString)', () => {
  it.each([
    [[req('x', 'in', ['abc', 'def']), req('y', 'notin', ['jkl']), req('z', 'exists')], 'x in (abc,def),y notin (jkl),z'],
    [[req('x', 'notin', ['abc', 'def']), req('y', '!=', ['jkl']), req('z', '!')], 'x notin (abc,def),y!=jkl,!z'],
    [[req('x', 'notin', ['abc']), req('y', 'in', ['jkl', 'mno']), req('z', 'notin', [''])], 'x notin (abc),y in (jkl,mno),z notin ()'],
    [[req('x', '=', ['abc']), req('y', '==', ['jkl']), req('z', '!=', ['a']), req('z', 'exists')], 'x=abc,y==jkl,z!=a,z'],
    [[req('x', 'gt', ['2']), req('y', 'lt', ['8']), req('z', 'exists')], 'x>2,y<8,z'],
  ])('%#', (reqs, want) => expect(Selector.of(reqs).toString()).toBe(want));
});

describe('newRequirement (TestRequirementConstructor)', () => {
  const err = (k: string, op: string, vals: string[] | null) => {
    const r = newRequirement(k, op, vals);
    return r.ok ? undefined : r.error;
  };
  it('messages', () => {
    expect(err('x1', 'in', [])).toBe(`values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`);
    expect(err('x5', '=', ['bar', 'foo'])).toBe('values: Invalid value: ["bar","foo"]: exact-match compatibility requires one single value');
    expect(err('x8', 'exists', ['foo'])).toBe('values: Invalid value: ["foo"]: values set must be empty for exists and does not exist');
    expect(err('x13', 'gt', [])).toBe(`values: Invalid value: []: for 'Gt', 'Lt' operators, exactly one value is required`);
    expect(err('x14', 'gt', ['bar'])).toBe(`values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`);
    expect(err('x17', '=', ['a b'])).toBe(`values[0][x17]: Invalid value: "a b": ${LABEL_VALUE_MSG}`);
    expect(err('x16', '=', ['a'.repeat(254)])).toBe(
      `values[0][x16]: Invalid value: "${'a'.repeat(254)}": must be no more than 63 characters`,
    );
    expect(err('x18', 'unsupportedOp', [])).toBe(
      'operator: Unsupported value: "unsupportedOp": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    );
    expect(err('x', '=', ['-' + 'a'.repeat(63)])).toBe(
      `values[0][x]: Invalid value: "-${'a'.repeat(63)}": must be no more than 63 characters; ${LABEL_VALUE_MSG}`,
    );
    expect(err('x3', 'in', ['foo'])).toBeUndefined();
    expect(err('x11', 'gt', ['1'])).toBeUndefined();
  });
  it('joins several errors as [a, b]', () => {
    expect(err('a b', 'in', null)).toMatch(/^\[key: Invalid value: "a b": name part .*, values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty\]$/);
  });
});

describe('sets and metav1.LabelSelector', () => {
  it('selectorFromSet sorts by key', () => {
    expect(selectorFromSet({ b: '2', a: '1' }).toString()).toBe('a=1,b=2');
    expect(selectorFromSet({}).empty()).toBe(true);
    expect(formatLabels({ run: 'web', app: 'x' })).toBe('app=x,run=web');
    expect(formatLabels({})).toBe('<none>');
  });
  it('labelSelectorAsSelector', () => {
    const r = labelSelectorAsSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db', 'cache'] }, { key: 'canary', operator: 'DoesNotExist' }],
    });
    expect(r.ok && r.value.toString()).toBe('app=web,!canary,tier notin (cache,db)');
    expect(r.ok && r.value.matches({ app: 'web', tier: 'front' })).toBe(true);
    expect(r.ok && r.value.matches({ app: 'web', tier: 'db' })).toBe(false);
    const nothing = labelSelectorAsSelector(null);
    expect(nothing.ok && nothing.value.matches({})).toBe(false);
    const all = labelSelectorAsSelector({});
    expect(all.ok && all.value.matches({ a: 'b' })).toBe(true);
    expect(labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Foo' }] })).toEqual({
      ok: false,
      error: '"Foo" is not a valid label selector operator',
    });
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
  });
  it('validateLabelSelector', () => {
    const path = FieldPath.of('spec', 'selector');
    expect(
      validateLabelSelector(
        { matchExpressions: [{ key: 'a', operator: 'In' }, { key: 'b', operator: 'Exists', values: ['x'] }, { key: 'c', operator: 'Foo' }] },
        path,
      ).map(String),
    ).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Foo": not a valid selector operator',
    ]);
    expect(validateLabelSelector({ matchLabels: { app: 'a b' } }, path).map(String)).toEqual([
      `spec.selector.matchLabels: Invalid value: "a b": ${LABEL_VALUE_MSG}`,
    ]);
  });
});
