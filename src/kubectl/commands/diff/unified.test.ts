// Hunks against GNU diffutils 3.8 (`diff -u`), recorded on these inputs.

import { describe, expect, it } from 'vitest';
import { diffTime, unifiedHunks } from './unified.ts';

const seq = (n: number, edit: (l: string[]) => void = () => {}) => {
  const l = Array.from({ length: n }, (_, i) => String(i + 1));
  edit(l);
  return l.map((x) => x + '\n').join('');
};

describe('unifiedHunks (GNU diff -u)', () => {
  it('splits hunks more than six unchanged lines apart', () => {
    const b = seq(20, (l) => {
      l.splice(17, 0, 'extra');
      l[8] = 'nine';
      l.splice(1, 1);
    });
    expect(unifiedHunks(seq(20), b)).toBe(
      '@@ -1,12 +1,11 @@\n 1\n-2\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+nine\n 10\n 11\n 12\n@@ -15,6 +14,7 @@\n 15\n 16\n 17\n+extra\n 18\n 19\n 20\n',
    );
  });

  it('joins hunks exactly six lines apart', () => {
    const b = seq(12, (l) => {
      l[2] = 't';
      l[9] = 'u';
    });
    expect(unifiedHunks(seq(12), b)).toBe('@@ -1,12 +1,12 @@\n 1\n 2\n-3\n+t\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+u\n 11\n 12\n');
  });

  it('writes one-line and empty ranges as GNU does', () => {
    expect(unifiedHunks('x\ny\n', 'y\nz\n')).toBe('@@ -1,2 +1,2 @@\n-x\n y\n+z\n');
    expect(unifiedHunks('only\n', '')).toBe('@@ -1 +0,0 @@\n-only\n');
    expect(unifiedHunks('', 'a\nb\n')).toBe('@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedHunks('same\n', 'same\n')).toBe('');
  });

  it('prints times as diff does', () => {
    expect(diffTime(Date.UTC(2026, 10, 26, 2, 52, 21, 397))).toBe('2026-11-26 02:52:21.397000000 +0000');
  });
});
