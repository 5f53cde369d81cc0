// The differential suite: every case line of every scenario, real kubectl 1.34 vs ours, compared
// byte for byte (after the rules in harness/normalise.ts). One test per case; scenarios run one
// after another, each with its own pair of clusters and one facade per cluster.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { describeRealKubectl } from './harness/real-kubectl.ts';
import { parseScenario } from './harness/scenario.ts';
import { runScenario, type ScenarioResult } from './harness/runner.ts';
import { loadPending } from './harness/pending.ts';
import { familyOf } from './harness/scenario.ts';

const dir = fileURLToPath(new URL('./scenarios/', import.meta.url));
const only = process.env.FIDELITY_SCENARIO;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .filter((f) => !only || f.replace(/\.txt$/, '') === only)
  .sort();
const pending = loadPending();

for (const file of files) {
  const scenario = parseScenario(file.replace(/\.txt$/, ''), readFileSync(dir + file, 'utf8'));
  describeRealKubectl(`fidelity ${scenario.name}`, () => {
    let result: ScenarioResult;
    beforeAll(async () => {
      result = await runScenario(scenario);
    }, 120_000);

    if (scenario.steps.some((s) => s.kind === 'setup'))
      it('[setup] both emulators agree on the setup commands', () => {
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
        const c = result.cases.get(step.id)!;
        expect(c.actual).toEqual(c.expected);
      });
    }
  });
}
