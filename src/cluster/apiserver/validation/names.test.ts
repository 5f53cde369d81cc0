import { describe, expect, it } from 'vitest';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isInRange,
  isQualifiedName,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPortName,
  isValidPortNum,
  nameIsDNS1035Label,
  nameIsDNSLabel,
} from './names.ts';

// Good/bad value lists from apimachinery v0.34.10 util/validation/validation_test.go; messages
// from the constants in validation.go (RegexError leaves two spaces before "or").
const a = (n: number, c = 'a') => c.repeat(n);

const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QNAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('isDNS1123Label', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', a(63)])('accepts %s', (v) => {
    expect(isDNS1123Label(v)).toEqual([]);
  });
  it.each(['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
    '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', a(64)])('rejects %j', (v) => {
    expect(isDNS1123Label(v).length).toBeGreaterThan(0);
  });
  it('gives the regex message, or "must not contain dots" for a subdomain', () => {
    expect(isDNS1123Label('Web')).toEqual([DNS1123_LABEL_MSG]);
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']);
    expect(isDNS1123Label(a(64))).toEqual(['must be no more than 63 characters']);
  });
});

describe('isDNS1123Subdomain', () => {
  it.each(['a', 'a--1--2--b.a', '0.1', 'a.b.c.d.e', '1.2.3.4.5', a(253)])('accepts %s', (v) => {
    expect(isDNS1123Subdomain(v)).toEqual([]);
  });
  it.each(['', 'A', 'a-', '-a', 'a_b', '.', 'a.', '.a', 'a..b', 'A.a', 'ab.A', 'a@b', 'a,b', 'a:b', a(254)])('rejects %j', (v) => {
    expect(isDNS1123Subdomain(v).length).toBeGreaterThan(0);
  });
  it('messages', () => {
    expect(isDNS1123Subdomain('a_b')).toEqual([DNS1123_SUBDOMAIN_MSG]);
    expect(isDNS1123Subdomain(a(254))).toEqual(['must be no more than 253 characters']);
  });
});

describe('isDNS1035Label', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', a(63)])('accepts %s', (v) => expect(isDNS1035Label(v)).toEqual([]));
  it.each(['0', '01', '1a', '1-a', '', 'A', 'aBc', '-', 'a-', '-a', '_', 'a_b', 'a.b', 'a b', a(64)])('rejects %j', (v) => {
    expect(isDNS1035Label(v).length).toBeGreaterThan(0);
  });
  it('message', () => {
    expect(isDNS1035Label('Web')).toEqual([DNS1035_MSG]);
    expect(isDNS1035Label(a(64) + '-')).toEqual(['must be no more than 63 characters', DNS1035_MSG]);
  });
});

describe('isQualifiedName', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now.with.dots/simple', '1.2.3.4/5678',
    'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo', a(63), a(253) + '/' + a(63, 'b')])(
    'accepts %s', (v) => expect(isQualifiedName(v)).toEqual([]),
  );
  it.each(['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc',
    'example_com/abc', 'example.com/', '/simple', a(64), a(254) + '/abc'])('rejects %s', (v) => {
    expect(isQualifiedName(v).length).toBeGreaterThan(0);
  });
  it('messages per part', () => {
    expect(isQualifiedName('a b')).toEqual(['name part ' + QNAME_MSG]);
    expect(isQualifiedName('example.com/')).toEqual(['name part must be non-empty', 'name part ' + QNAME_MSG]);
    expect(isQualifiedName('/simple')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('Example.com/abc')).toEqual(['prefix part ' + DNS1123_SUBDOMAIN_MSG]);
    expect(isQualifiedName('only/one/slash')).toEqual([
      'a qualified name ' + QNAME_MSG + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
});

describe('isValidLabelValue', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', a(63), ''])('accepts %j', (v) => {
    expect(isValidLabelValue(v)).toEqual([]);
  });
  it.each(['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash',
    'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', a(64)])('rejects %s', (v) => {
    expect(isValidLabelValue(v).length).toBeGreaterThan(0);
  });
  it('message', () => expect(isValidLabelValue('x y')).toEqual([LABEL_VALUE_MSG]));
});

describe('ports and ranges', () => {
  it.each(['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'])('port name %s ok', (v) => {
    expect(isValidPortName(v)).toEqual([]);
  });
  it.each(['longerthan15characters', '', a(16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++'])(
    'port name %j bad', (v) => expect(isValidPortName(v).length).toBeGreaterThan(0),
  );
  it('port name messages', () => {
    expect(isValidPortName('12345')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('Http')).toEqual(['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']);
    expect(isValidPortName('-a--')).toEqual(['must not contain consecutive hyphens', 'must not begin or end with a hyphen']);
  });
  it('port numbers and ranges', () => {
    expect(isValidPortNum(1)).toEqual([]);
    expect(isValidPortNum(65535)).toEqual([]);
    expect(isValidPortNum(0)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isValidPortNum(65536)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isInRange(30000, 30000, 32767)).toEqual([]);
    expect(isInRange(29999, 30000, 32767)).toEqual(['must be between 30000 and 32767, inclusive']);
  });
});

describe('path segment names and name funcs', () => {
  it('path segments', () => {
    expect(isValidPathSegmentName('.')).toEqual(["may not be '.'"]);
    expect(isValidPathSegmentName('..')).toEqual(["may not be '..'"]);
    expect(isValidPathSegmentName('a/b%c')).toEqual(["may not contain '/'", "may not contain '%'"]);
    expect(isValidPathSegmentName('ok')).toEqual([]);
  });
  it('generateName prefixes may end in a dash', () => {
    expect(nameIsDNS1035Label('web-', true)).toEqual([]);
    expect(nameIsDNS1035Label('web-', false)).toEqual([DNS1035_MSG]);
    expect(nameIsDNSLabel('a-', true)).toEqual([]);
  });
});
