// A step's checklist against the live state: each check passes, fails (with why) or waits for the
// checks it depends on. Pure over a CheckContext, so the worker (live, as the learner works) and
// `lessons verify` (headless) evaluate the same way.

import type { Lesson, Step } from './model.ts';
import type { CheckContext, CheckSpec } from './checks/types.ts';
import { CHECK_KINDS } from './checks/registry.ts';
import { checkAnswer } from './answers.ts';

export type CheckState = 'pass' | 'fail' | 'blocked';

export interface CheckStatus {
  id: string;
  title: string;
  state: CheckState;
  /** The computed explanation (a live hint while failing). */
  why: string;
  /** The author's hint for this check, shown while it fails. */
  hint?: string;
}

export interface StepStatus {
  checks: CheckStatus[];
  questions: { id: string; state: 'pass' | 'fail'; why: string }[];
  done: boolean;
}

/** Builds the context a check sees (its trace and command window depends on `since`). */
export type ContextFor = (since: CheckSpec['since']) => CheckContext;

export async function evaluateStep(lesson: Lesson, step: Step, contextFor: ContextFor, answers: Record<string, string> = {}): Promise<StepStatus> {
  const byId = new Map(lesson.steps.flatMap((s) => s.checks.map((c) => [c.id, c] as const)));
  const memo = new Map<string, Promise<CheckStatus>>();
  const run = (spec: CheckSpec): Promise<CheckStatus> => {
    let p = memo.get(spec.id);
    if (!p) memo.set(spec.id, (p = evaluateOne(spec, contextFor, (id) => run(byId.get(id)!))));
    return p;
  };
  const checks = [];
  for (const c of step.checks) checks.push(await run(c));
  const ctx = contextFor('step');
  const questions = step.questions.map((q) => ({ id: q.id, ...answerState(checkAnswer(q.answer, answers[q.id], ctx)) }));
  return { checks, questions, done: checks.every((c) => c.state === 'pass') && questions.every((q) => q.state === 'pass') };
}

function answerState(r: { pass: boolean; why: string }): { state: 'pass' | 'fail'; why: string } {
  return { state: r.pass ? 'pass' : 'fail', why: r.why };
}

async function evaluateOne(spec: CheckSpec, contextFor: ContextFor, dep: (id: string) => Promise<CheckStatus>): Promise<CheckStatus> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  for (const id of spec.after) {
    const d = await dep(id);
    if (d.state !== 'pass') return { ...base, state: 'blocked', why: `First: ${d.title}.` };
  }
  const kind = CHECK_KINDS.get(spec.kind)!;
  try {
    const r = await kind.evaluate(spec.params, contextFor(spec.since));
    return { ...base, state: r.pass ? 'pass' : 'fail', why: r.why };
  } catch (e) {
    // A check must never take the lesson down: report it as failing, with the error for the author.
    return { ...base, state: 'fail', why: `The check could not run: ${(e as Error).message}` };
  }
}
