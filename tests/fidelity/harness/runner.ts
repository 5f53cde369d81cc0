// Runs one scenario: each case line through real kubectl (against the facade over emulator A)
// and through our kubectl (in-process over emulator B), both clusters from the same seed, clocks
// stopped between requests (the facade's real-time driver is off) and settled after each write.

import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster } from '../../../src/cluster/cluster.ts';
import { normalise, type Compared } from './normalise.ts';
import { withRealKubectl, type KubectlResult } from './real-kubectl.ts';
import { ourKubectl } from './ours.ts';
import { familyOf, type Scenario } from './scenario.ts';

export interface CaseResult {
  id: string;
  family: string;
  real: KubectlResult;
  ours: KubectlResult;
  expected: Compared;
  actual: Compared;
}

export interface ScenarioResult {
  cases: Map<string, CaseResult>;
  /**
   * Setup commands whose two real-kubectl runs disagreed although every case before them was
   * identical: the emulators themselves diverged (a harness or determinism problem).
   */
  setupProblems: string[];
  /** Setup commands that disagreed after an earlier case differed: a consequence, not a problem. */
  setupDrift: string[];
}

export async function runScenario(scenario: Scenario, seed = 1): Promise<ScenarioResult> {
  const a = createCluster({ seed });
  const b = createCluster({ seed });
  const dir = mkdtempSync(join(tmpdir(), 'kube-sandbox-fidelity-'));
  const result: ScenarioResult = { cases: new Map(), setupProblems: [], setupDrift: [] };
  try {
    await withRealKubectl(
      seed,
      (realA) =>
        withRealKubectl(
          seed,
          async (realB) => {
            const ours = ourKubectl(b, realA.facade.url);
            ours.fs.mkdir(dir, { parents: true });
            const expand = (argv: string[]) => argv.map((w) => w.replaceAll('$F', dir));
            const stdinOf = (name?: string) => (name ? readFileSync(join(dir, name), 'utf8') : undefined);
            const envOf = (env: Record<string, string>) =>
              Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replaceAll('$F', dir)]));
            // Files are static: all written before the first command, wherever they appear.
            for (const step of scenario.steps) {
              if (step.kind !== 'file') continue;
              writeFileSync(join(dir, step.name), step.content);
              ours.fs.writeFile(join(dir, step.name), step.content);
            }
            for (const step of scenario.steps) {
              if (step.kind === 'file') {
                continue;
              } else if (step.kind === 'advance') {
                a.clock.advance(step.ms);
                b.clock.advance(step.ms);
              } else if (step.kind === 'setup') {
                const opts = { stdin: stdinOf(step.stdinFile), env: envOf(step.env), timeoutMs: step.timeoutMs };
                const ra = await realA.kubectl(expand(step.argv.slice(1)), opts);
                const rb = await realB.kubectl(expand(step.argv.slice(1)), opts);
                const show = (r: KubectlResult) => JSON.stringify(r);
                const drifted = [...result.cases.values()].some((c) => JSON.stringify(c.actual) !== JSON.stringify(c.expected));
                const problems = drifted ? result.setupDrift : result.setupProblems;
                if (show(ra) !== show(rb)) problems.push(`${step.line}\n  A: ${show(ra)}\n  B: ${show(rb)}`);
                else if (ra.code !== 0) result.setupProblems.push(`${step.line} failed: ${show(ra)}`);
              } else {
                const argv = expand(step.argv);
                const opts = { stdin: stdinOf(step.stdinFile), env: envOf(step.env), timeoutMs: step.timeoutMs };
                const real = await realA.kubectl(argv.slice(1), opts);
                const our = await ours.kubectl(argv.slice(1), opts);
                result.cases.set(step.id, {
                  id: step.id,
                  family: familyOf(step.argv),
                  real,
                  ours: our,
                  expected: normalise(argv, real, 'real'),
                  actual: normalise(argv, our, 'ours'),
                });
              }
            }
          },
          { cluster: b, realTime: false },
        ),
      { cluster: a, realTime: false },
    );
  } finally {
    a.stop();
    b.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
