// `lessons verify`: a lesson is right when, played headlessly from a fresh sandbox, each step's
// checks fail before its solution runs and pass after it. A check that already passes proves
// nothing; one that never passes is a broken lesson (or a broken emulator). Questions must be
// answerable from the state after the solution, and a wrong answer must be refused.

import type { Lesson } from './model.ts';
import { LessonRun, commandsOf } from './runner.ts';

export { commandsOf };
import { checkAnswer } from './answers.ts';

export interface VerifyProblem {
  step?: number;
  message: string;
}

export interface VerifyResult {
  lesson: string;
  ok: boolean;
  problems: VerifyProblem[];
  steps: number;
  checks: number;
  /** Cluster time the run took (ms), for a sense of the lesson's pace. */
  clusterMs: number;
  /** What terminal 1 showed, when asked for. */
  transcript?: string;
}

const WRONG_ANSWER = 'certainly-not-the-answer';

export async function verifyLesson(lesson: Lesson, opts: { seed?: number; transcript?: boolean } = {}): Promise<VerifyResult> {
  const run = new LessonRun(lesson, opts);
  const problems: VerifyProblem[] = [];
  const t0 = run.cluster.clock.now();
  try {
    const setup = await run.setup();
    for (const f of setup.failures) problems.push({ message: `setup: \`${f.line}\` exited with status ${f.status}: ${oneLine(f.output)}` });
    for (const step of lesson.steps) {
      const name = `step ${step.index} "${step.title}"`;
      run.beginStep();
      const before = await run.evaluate(step);
      for (const c of before.checks)
        if (c.state === 'pass') problems.push({ step: step.index, message: `${name}: check "${c.title}" already passes before its solution (${c.why})` });
      const commands = commandsOf(step);
      if (!commands.length && (step.checks.length || step.questions.length))
        problems.push({ step: step.index, message: `${name}: has checks but no solution and no \`run\` commands to verify them with` });
      for (const cmd of commands) {
        try {
          await run.run(cmd);
        } catch (e) {
          problems.push({ step: step.index, message: `${name}: ${(e as Error).message}` });
        }
      }
      const answers: Record<string, string> = {};
      for (const q of step.questions) {
        if (!q.solution) continue;
        const r = await run.shell(q.solution);
        answers[q.id] = r.output.trim();
      }
      const after = await run.evaluate(step, answers);
      for (const c of after.checks)
        if (c.state !== 'pass') problems.push({ step: step.index, message: `${name}: check "${c.title}" never passes after its solution: ${c.why}` });
      for (const q of step.questions) {
        const got = after.questions.find((x) => x.id === q.id)!;
        if (!q.solution) {
          problems.push({ step: step.index, message: `${name}: question "${q.prompt}" has no solution command for verify to answer it with` });
          continue;
        }
        if (got.state !== 'pass') problems.push({ step: step.index, message: `${name}: question "${q.prompt}": the solution's answer "${answers[q.id]}" is refused: ${got.why}` });
        const wrong = checkAnswer(q.answer, WRONG_ANSWER, run.context('step'));
        if (wrong.pass) problems.push({ step: step.index, message: `${name}: question "${q.prompt}" accepts any answer` });
      }
    }
  } finally {
    run.stop();
  }
  return {
    lesson: lesson.id,
    ok: problems.length === 0,
    problems,
    steps: lesson.steps.length,
    checks: lesson.steps.reduce((n, s) => n + s.checks.length + s.questions.length, 0),
    clusterMs: run.cluster.clock.now() - t0,
    transcript: opts.transcript ? run.screen('1') : undefined,
  };
}

function oneLine(s: string): string {
  return s.trim().replace(/\s*\n\s*/g, ' ⏎ ').slice(0, 300);
}
