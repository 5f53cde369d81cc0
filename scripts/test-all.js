#!/usr/bin/env node
// `npm test`: every suite in order (type checks, unit + fidelity tests in Node, browser tests),
// then one line totalling them all: `N passed, N failed`. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.cache', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function count(name, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  summary.push(`${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Type checks: the DOM-free core, then the whole app with Svelte components.
for (const [name, cmd, args] of [
  ['typecheck core (no DOM)', 'npx', ['tsc', '-p', 'tsconfig.core.json']],
  ['typecheck app', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']],
]) {
  const code = step(name, cmd, args);
  count(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

// 2. Unit and fidelity tests (vitest, Node).
{
  const out = '.cache/vitest.json';
  rmSync(out, { force: true });
  const code = step('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  const r = readJson(out);
  if (r) count('unit', r.numPassedTests, r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0), r.numPendingTests + r.numTodoTests);
  else count('unit', 0, 1);
}

// 3. Lessons, verified headlessly (each check fails before its solution and passes after it).
if (existsSync('src/lessons')) {
  const r = spawnSync('node', ['bin/kube-sandbox.js', 'lessons', 'verify'], { encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const m = /lessons: (\d+) of (\d+) verified/.exec(r.stdout ?? '');
  if (m) count('lessons', Number(m[1]), Number(m[2]) - Number(m[1]));
  else if (r.status !== 0) count('lessons', 0, 1);
}

// 4. Browser tests (Playwright against the production build, in Chromium).
{
  const out = '.cache/playwright.json';
  rmSync(out, { force: true });
  const code = step('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const r = readJson(out);
  if (r?.stats) count('e2e', r.stats.expected + r.stats.flaky, r.stats.unexpected + (code !== 0 && r.stats.unexpected === 0 ? 1 : 0), r.stats.skipped);
  else count('e2e', 0, 1);
}

console.log('\n' + summary.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed ? 1 : 0);
