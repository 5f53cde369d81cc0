// `kube-sandbox lessons`: tools for lesson authors and CI.
//   lessons verify [--seed N] [--transcript] [--drafts] [PATH…]   play each lesson headlessly; one line each
//   lessons show PATH                                   the lesson as parsed: steps, checks, hints
// PATH is a lesson folder or a course folder holding them (default: ./lessons).

import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { LESSON_FILE, lessonFolders, loadLesson } from '../lessons/load.ts';
import { verifyLesson } from '../lessons/verify.ts';
import type { Lesson } from '../lessons/model.ts';

const USAGE = `Usage:
  kube-sandbox lessons verify [--seed N] [--transcript] [--drafts] [PATH…]
                                  run each lesson headlessly: every check must fail before its
                                  step's solution and pass after it (PATH: lesson or course folder;
                                  --transcript: show terminal 1; --drafts: verify drafts too)
  kube-sandbox lessons show PATH  print a lesson as the sandbox reads it
`;

export async function lessonsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') return verify(rest);
  if (sub === 'show') return show(rest);
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    process.stdout.write(USAGE);
    return sub === undefined ? 2 : 0;
  }
  process.stderr.write(`kube-sandbox lessons: unknown command "${sub}"\n${USAGE}`);
  return 2;
}

/** Lesson folders named by the paths (a course folder stands for all its lessons). */
function expand(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths.length ? paths : ['lessons']) {
    if (existsSync(join(p, LESSON_FILE))) out.push(p);
    else if (existsSync(p)) out.push(...lessonFolders(p));
    else out.push(p); // reported as missing by loadLesson
  }
  return out;
}

async function verify(argv: string[]): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: { seed: { type: 'string' }, transcript: { type: 'boolean' }, drafts: { type: 'boolean' } }, allowPositionals: true }));
  } catch (e) {
    process.stderr.write(`kube-sandbox lessons verify: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) {
    process.stderr.write(`kube-sandbox lessons verify: --seed must be an integer, got "${values.seed}"\n`);
    return 2;
  }
  const folders = expand(positionals);
  let verified = 0;
  let counted = 0;
  let skipped = 0;
  for (const folder of folders) {
    const name = relative(process.cwd(), folder) || folder;
    const parsed = loadLesson(folder);
    if (!parsed.ok) {
      counted++;
      process.stdout.write(`FAIL  ${name}: the lesson does not parse\n${parsed.errors.map((e) => `      ${e}\n`).join('')}`);
      continue;
    }
    const lesson = parsed.lesson;
    if (lesson.draft !== undefined && !values.drafts) {
      skipped++;
      process.stdout.write(`skip  ${name}  ${lesson.title} (draft: ${lesson.draft})\n`);
      continue;
    }
    counted++;
    const started = performance.now();
    const r = await verifyLesson(lesson, { seed, transcript: values.transcript });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    if (r.ok) {
      verified++;
      process.stdout.write(`ok    ${name}  ${lesson.title} (${r.steps} steps, ${r.checks} checks, ${secs}s)\n`);
    } else {
      process.stdout.write(`FAIL  ${name}  ${lesson.title}\n${r.problems.map((p) => `      ${p.message}\n`).join('')}`);
    }
    if (values.transcript && r.transcript) process.stdout.write(indent(r.transcript));
  }
  process.stdout.write(`lessons: ${verified} of ${counted} verified${skipped ? ` (${skipped} draft skipped)` : ''}\n`);
  return verified === counted ? 0 : 1;
}

function indent(s: string): string {
  return s.replace(/^/gm, '    | ') + (s.endsWith('\n') ? '' : '\n');
}

function show(argv: string[]): number {
  if (argv.length !== 1) {
    process.stderr.write(`kube-sandbox lessons show: give one lesson folder\n${USAGE}`);
    return 2;
  }
  const parsed = loadLesson(argv[0]);
  if (!parsed.ok) {
    process.stdout.write(parsed.errors.join('\n') + '\n');
    return 1;
  }
  process.stdout.write(outline(parsed.lesson));
  return 0;
}

/** A plain-text outline of a lesson: what the learner will see, step by step. */
export function outline(l: Lesson): string {
  const lines = [`${l.title} — ${l.summary} (${l.minutes} min)`, `panes: ${l.panes.join(', ')}; terminals: ${l.terminals}; seed ${l.seed}${l.draft ? `; draft: ${l.draft}` : ''}`];
  if (l.setup.manifests.length || l.setup.commands.length)
    lines.push(`setup: ${[...l.setup.manifests.map((m) => `apply ${m.path}`), ...l.setup.commands].join('; ')}`);
  for (const s of l.steps) {
    lines.push('', `${s.index}. ${s.title}`);
    for (const b of s.body) {
      if (b.type === 'command') lines.push(`   [${b.command.mode}${b.command.terminal !== '1' ? ` in terminal ${b.command.terminal}` : ''}${b.command.interrupt ? ', Ctrl+C first' : ''}] ${b.command.code.replace(/\n/g, ' ⏎ ')}`);
      if (b.type === 'question') lines.push(`   [question] ${s.questions.find((q) => q.id === b.id)?.prompt}`);
    }
    for (const c of s.checks) lines.push(`   ☐ ${c.title}${c.after.length ? ` (after ${c.after.join(', ')})` : ''}  [${c.kind}, id ${c.id}]`);
    s.hints.forEach((h, i) => lines.push(`   hint ${i + 1}: ${h.split('\n')[0]}`));
    if (s.solution.length) lines.push(`   solution: ${s.solution.map((c) => c.code.replace(/\n/g, ' ⏎ ')).join(' ⏎ ')}`);
  }
  return lines.join('\n') + '\n';
}
