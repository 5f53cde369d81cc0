import { afterEach, describe, expect, it, vi } from 'vitest';
import { lessonsCommand } from './lessons.ts';

function capture() {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((out += String(s)), true));
  return () => out;
}

afterEach(() => vi.restoreAllMocks());

describe('kube-sandbox lessons verify', () => {
  it('prints one line per lesson, the problems under a failing one, and the summary', async () => {
    const out = capture();
    const code = await lessonsCommand(['verify', 'src/lessons/testdata']);
    expect(code).toBe(1);
    const lines = out().split('\n');
    expect(lines[0]).toBe('FAIL  src/lessons/testdata/already-passes  A lesson whose check proves nothing');
    expect(lines).toContain('FAIL  src/lessons/testdata/broken-solution  A lesson whose solution is wrong');
    expect(out()).toContain('      step 1 "Expose web on a NodePort": check "A Service named web of type NodePort exposes port 80" never passes after its solution');
    expect(out().trimEnd().split('\n').at(-1)).toBe('lessons: 0 of 2 verified');
  });

  it('verifies a good lesson folder given by path', async () => {
    const out = capture();
    expect(await lessonsCommand(['verify', 'lessons/05-nodeport'])).toBe(0);
    expect(out()).toMatch(/^ok {4}lessons\/05-nodeport {2}NodePort — a door on every node \(3 steps, 3 checks, [\d.]+s\)\nlessons: 1 of 1 verified\n$/);
  });

  it('reports a missing folder and bad usage', async () => {
    const out = capture();
    expect(await lessonsCommand(['verify', 'no/such/lesson'])).toBe(1);
    expect(out()).toContain('no lesson.md in this folder');
    expect(await lessonsCommand(['frobnicate'])).toBe(2);
    expect(out()).toContain('unknown command "frobnicate"');
  });
});
