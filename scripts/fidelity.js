#!/usr/bin/env node
// `npm run fidelity`: runs the differential suite (tests/fidelity: real kubectl 1.34 vs ours on
// the same seed) and prints, per command family, how many cases are identical, then the cases
// that differ or are not compared yet, ending with exactly `fidelity: M of N identical`.
// Options: --verbose (print each difference), --scenario NAME (one scenario file).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const scenarioIdx = args.indexOf('--scenario');
const env = { ...process.env };
if (scenarioIdx >= 0) env.FIDELITY_SCENARIO = args[scenarioIdx + 1];

mkdirSync('.cache', { recursive: true });
const out = join('.cache', 'fidelity-results.json');
rmSync(out, { force: true });
const run = spawnSync('npx', ['vitest', 'run', 'tests/fidelity', '--reporter=dot', '--reporter=json', `--outputFile.json=${out}`], {
  stdio: ['ignore', 'ignore', 'pipe'],
  env,
  maxBuffer: 256 * 1024 * 1024,
});

let report;
try {
  report = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  process.stderr.write(run.stderr ?? '');
  console.error(`fidelity: vitest produced no results (exit ${run.status})`);
  console.log('fidelity: 0 of 0 identical');
  process.exit(1);
}

const families = new Map();
const differ = [];
const notCompared = [];
const broken = [];
let identical = 0;
let total = 0;
let skippedAll = false;
for (const file of report.testResults ?? []) {
  if ((file.assertionResults ?? []).length === 0 && file.message) broken.push(file.message);
  for (const t of file.assertionResults ?? []) {
    const scenario = (t.ancestorTitles?.[0] ?? '').replace(/^fidelity /, '');
    if (/\(skipped: /.test(scenario)) skippedAll = scenario;
    const m = /^\[([^\]]+)\] (.*)$/.exec(t.title);
    if (!m) continue;
    const [, family, rest] = m;
    if (family === 'setup') {
      if (t.status === 'failed') broken.push(`${scenario}: setup commands disagree between the two emulators\n${(t.failureMessages ?? []).join('\n')}`);
      continue;
    }
    const f = families.get(family) ?? { identical: 0, different: 0, notCompared: 0 };
    families.set(family, f);
    total++;
    if (t.status === 'passed') {
      f.identical++;
      identical++;
    } else if (t.status === 'failed') {
      f.different++;
      differ.push({ scenario, name: rest, message: (t.failureMessages ?? []).join('\n') });
    } else {
      f.notCompared++;
      const at = rest.indexOf(' (pending: ');
      const [name, why] = at < 0 ? [rest, t.status] : [rest.slice(0, at), rest.slice(at + 11, -1)];
      notCompared.push(`${scenario}: ${name} — not compared (${why})`);
    }
  }
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('family', 16)}${pad('identical', 12)}${pad('different', 12)}not compared`);
for (const [name, f] of [...families].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(`${pad(name, 16)}${pad(`${f.identical}/${f.identical + f.different + f.notCompared}`, 12)}${pad(f.different, 12)}${f.notCompared}`);
if (differ.length) {
  console.log(`\ndifferent (${differ.length}):`);
  for (const d of differ) {
    console.log(`  ${d.scenario}: ${d.name}`);
    if (verbose) console.log(d.message.replace(/^/gm, '      '));
  }
}
if (notCompared.length) {
  console.log(`\nnot compared (${notCompared.length}):`);
  for (const n of notCompared) console.log(`  ${n}`);
}
if (skippedAll) console.log(`\nreal kubectl unavailable: ${skippedAll}`);
for (const b of broken) console.log(`\nproblem: ${b}`);
console.log(`fidelity: ${identical} of ${total} identical`);
process.exit(broken.length ? 1 : 0);
