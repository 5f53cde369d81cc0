// The differential suite: every case line of every scenario, real kubectl 1.34 vs ours, compared
// byte for byte (after the rules in normalise.ts). One test per case; within a shard scenarios
// run one after another, each with its own pair of clusters and one facade per cluster. The
// scenarios are split over two test files (shards) so vitest runs them in two workers.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRealKubectl } from './real-kubectl.ts';
import { parseScenario } from './scenario.ts';
import { runScenario, type ScenarioResult } from './runner.ts';
import { loadPending } from './pending.ts';
import { familyOf } from './scenario.ts';

const dir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const only = process.env.FIDELITY_SCENARIO;
// FIDELITY_DUMP=dir writes each scenario's raw outputs (real and ours) there, for reading diffs.
const dumpDir = process.env.FIDELITY_DUMP;

function dump(name: string, result: ScenarioResult): void {
  if (!dumpDir || !result) return;
  mkdirSync(dumpDir, { recursive: true });
  const block = (label: string, r: { code: number | null; stdout: string; stderr: string }) =>
    `--- ${label} (exit ${r.code})\n${r.stdout}${r.stderr ? `--- ${label} stderr\n${r.stderr}` : ''}`;
  const text = [...result.cases.values()]
    .map((c) => {
      const same = JSON.stringify(c.actual) === JSON.stringify(c.expected);
      return `=== ${same ? 'SAME' : 'DIFF'} ${c.id}\n${block('real', c.real)}${same ? '' : block('ours', c.ours)}`;
    })
    .join('\n');
  writeFileSync(join(dumpDir, `${name}.txt`), text + '\n');
}

/** Defines the tests of every `of`-th scenario file starting at `shard` (sorted by name). */
export function defineScenarios(shard: number, of: number): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .filter((f) => !only || f.replace(/\.txt$/, '') === only)
    .sort()
    .filter((_, i) => (only ? shard === 0 : i % of === shard));
  const pending = loadPending();
  for (const file of files) defineScenario(file, pending);
  // vitest fails a test file that defines no test (FIDELITY_SCENARIO picks one file).
  if (files.length === 0) it.skip('no scenario in this shard', () => {});
}

function defineScenario(file: string, pending: Map<string, string>): void {
  const scenario = parseScenario(file.replace(/\.txt$/, ''), readFileSync(dir + file, 'utf8'));
  describeRealKubectl(`fidelity ${scenario.name}`, () => {
    let result: ScenarioResult;
    // A scenario that cannot run (an emulator or harness crash) must not read as "not compared":
    // its [setup] test fails (npm run fidelity reports a problem) and so does every case.
    let crash: unknown;
    beforeAll(async () => {
      try {
        result = await runScenario(scenario);
      } catch (e) {
        crash = e;
      }
    }, 120_000);
    afterAll(() => dump(scenario.name, result));

    // Disagreement after an earlier case differed is that difference's consequence (setupDrift).
    it('[setup] the scenario runs and both emulators agree on the setup commands', () => {
      if (crash) throw crash;
      expect(result.setupProblems.join('\n')).toBe('');
    });

    for (const step of scenario.steps) {
      if (step.kind !== 'case') continue;
      const name = `[${familyOf(step.argv)}] ${step.id}`;
      const reason = pending.get(`${scenario.name} | ${step.id}`);
      if (reason !== undefined) {
        it.skip(`${name} (pending: ${reason})`, () => {});
        continue;
      }
      it(name, () => {
        if (crash) throw crash;
        const c = result.cases.get(step.id)!;
        expect(c.actual).toEqual(c.expected);
      });
    }
  });
}
