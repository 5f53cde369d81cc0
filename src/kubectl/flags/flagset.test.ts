import { describe, expect, it } from 'vitest';
import { FlagSet } from './flagset.ts';
import { parseDuration, parseInt0 } from './values.ts';

const fs = new FlagSet([
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'label-columns', shorthand: 'L', type: 'stringSlice' },
  { name: 'env', type: 'stringArray' },
  { name: 'replicas', type: 'int' },
]);

describe('pflag parsing', () => {
  it('accepts every value form and interleaved args', () => {
    for (const argv of [['--namespace=x'], ['--namespace', 'x'], ['-n', 'x'], ['-nx'], ['-n=x'], ['-An', 'x'], ['-Anx']]) {
      const p = fs.parse(['pods', ...argv, 'web']);
      expect(p.values.string('namespace')).toBe('x');
      expect(p.args).toEqual(['pods', 'web']);
    }
  });
  it('bools, `--` and repeated flags', () => {
    const p = fs.parse(['-A', '--all-namespaces=false', '-L', 'a,b', '-L', 'c', '--env', 'A=1,2', '--env=B', '--', '-n', 'x']);
    expect(p.values.bool('all-namespaces')).toBe(false);
    expect(p.values.strings('label-columns')).toEqual(['a', 'b', 'c']);
    expect(p.values.strings('env')).toEqual(['A=1,2', 'B']);
    expect(p.args).toEqual(['-n', 'x']);
    expect(p.argsLenAtDash).toBe(0);
  });
  it('normalises underscores like kubectl', () => {
    expect(fs.parse(['--all_namespaces']).values.bool('all-namespaces')).toBe(true);
  });
  it('strconv and time messages', () => {
    expect(() => parseInt0('99999999999999999999', 64)).toThrow('strconv.ParseInt: parsing "99999999999999999999": value out of range');
    expect(() => fs.parse(['--replicas='])).toThrow('invalid argument "" for "--replicas" flag: strconv.ParseInt: parsing "": invalid syntax');
    expect(parseInt0('0x10', 64)).toBe(16);
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(() => parseDuration('x')).toThrow('time: invalid duration "x"');
  });
});
