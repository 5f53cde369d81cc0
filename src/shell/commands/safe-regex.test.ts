import { expect, it } from 'vitest';
import { run } from '../testing.ts';
import { isBacktrackingRisk } from './safe-regex.ts';

it('grep answers at once on a pattern that backtracks catastrophically in JavaScript', async () => {
  const line = 'a'.repeat(40) + 'b';
  const started = performance.now();
  const r = await run(`echo ${line} | grep -E '(a+)+$'; echo $?; echo aaa | grep -oE '(a|aa)+'`);
  expect(r.output).toBe('1\naaa\n');
  expect(performance.now() - started).toBeLessThan(2000);
});

it('only risky shapes leave JavaScript\'s engine', () => {
  expect(isBacktrackingRisk('(a+)+$')).toBe(true);
  expect(isBacktrackingRisk('(?:x*)*')).toBe(true);
  expect(isBacktrackingRisk('(a|aa)+')).toBe(true);
  expect(isBacktrackingRisk('^nginx-[a-z0-9]+$')).toBe(false);
  expect(isBacktrackingRisk('(ab)+')).toBe(false);
});

it('grep -o prints every match of a plain pattern (recorded from GNU grep)', async () => {
  const r = await run("printf 'Apple\\nbanana\\ncherry\\n' | grep -o 'an'");
  expect(r.output).toBe('an\nan\n');
});
