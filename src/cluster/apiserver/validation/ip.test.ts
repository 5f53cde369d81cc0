import { describe, expect, it } from 'vitest';
import { FieldPath } from './field.ts';
import { isValidIP } from './ip.ts';

// Cases from apimachinery v0.34.10 util/validation/ip_test.go (TestIsValidIP, strict column).
const p = FieldPath.of('ip');
const msgs = (v: string) => isValidIP(p, v).map((e) => e.detail);

describe('isValidIP', () => {
  it.each(['1.2.3.4', '0.0.0.0', '255.255.255.255', '1234::abcd', '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'])(
    'accepts %s', (v) => expect(msgs(v)).toEqual([]),
  );
  it.each([
    ['0:0:0:0:0:0:0:0', 'must be in canonical form ("::")'],
    ['0001:002:03:4::', 'must be in canonical form ("1:2:3:4::")'],
    ['1234::ABCD', 'must be in canonical form ("1234::abcd")'],
    ['1.1.1.01', 'must not have leading 0s'],
    ['::ffff:1.1.1.1', 'must not be an IPv4-mapped IPv6 address'],
  ])('%s: %s', (v, want) => expect(msgs(v)).toEqual([want]));
  it.each(['', 'aaaaaaa', 'myhost.mydomain', '1.2.3.0/24', '1.2.3.400', '-1.0.0.0', '2001:db8::10005', '1.2.3.4:80',
    '[2001:db8::1]', '[2001:db8::1]:80'])('rejects %j', (v) => {
    expect(isValidIP(p, v).map(String)).toEqual([
      `ip: Invalid value: ${JSON.stringify(v)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
    ]);
  });
});
