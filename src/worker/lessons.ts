// The live lesson: the worker's side of the lesson pane. A lesson gets its own cluster (its seed,
// its setup, played while the page shows "preparing"), then the learner's terminals move onto it.
// Every line entered is logged; the current step's checks are evaluated whenever the cluster, the
// traffic log or the command log changes (throttled), and a step whose checks all pass stays done.
// Steps are windowed like the headless runner's: the last trace id and command count at step start.

import { parseLesson } from '../lessons/parse.ts';
import { LessonRun } from '../lessons/runner.ts';
import { evaluateStep, type StepStatus } from '../lessons/evaluate.ts';
import type { Lesson } from '../lessons/model.ts';
import type { CheckContext } from '../lessons/checks/types.ts';
import { CourseSchema, validate, type CourseOptions } from '../lessons/schema.ts';
import { parse as parseYaml } from 'yaml';
import { complete } from '../shell/index.ts';
import { summarize } from './cluster-summary.ts';
import type { LessonApi, LessonEntry, LessonSource, LessonState } from './protocol.ts';
import type { World } from './world.ts';

/** Checks need not run more often than this (a `get pods -w` changes the store many times a second). */
const EVALUATE_EVERY_MS = 200;
/** A lesson from a URL or a file may not be larger than this (it is parsed in the worker). */
const MAX_LESSON_BYTES = 200_000;

export interface LessonHooks {
  /** Move the terminals and the status line onto this world; `banner` is shown in each terminal. */
  swapWorld(world: World, banner: string): void;
  /** A fresh world without a lesson (leaving a lesson). */
  freeWorld(): World;
  now(): number;
}

interface Mark {
  trace: number;
  command: number;
}

/** A world (what the worker entry hosts) over a lesson's sandbox. */
function worldOf(run: LessonRun): World {
  const sandbox = run.sandbox;
  return {
    clock: sandbox.cluster.clock,
    sandbox,
    summary: () => summarize(sandbox.cluster.api),
    newShell: () => {
      const session = sandbox.laptopShell();
      return { run: (terminal) => session.repl(terminal), complete: (line, cursor) => complete(session, line, cursor) };
    },
  };
}

// ---- bundled lessons: lessons/NN-name/lesson.md (+ files beside it) and lessons/course.yaml ----

const FILES = import.meta.glob<string>(['/lessons/**/*.md', '/lessons/**/*.yaml', '/lessons/**/*.yml', '/lessons/**/*.txt', '/lessons/**/*.json'], {
  query: '?raw',
  import: 'default',
});

let bundledCache: Promise<{ course: CourseOptions; lessons: Map<string, Lesson>; errors: string[] }> | undefined;

function bundled() {
  bundledCache ??= (async () => {
    const texts = new Map<string, string>();
    await Promise.all(Object.entries(FILES).map(async ([path, load]) => texts.set(path.replace(/^\/lessons\//, ''), await load())));
    const errors: string[] = [];
    let course: CourseOptions = {};
    const courseText = texts.get('course.yaml');
    if (courseText !== undefined) {
      const r = validate(CourseSchema, parseYaml(courseText) ?? {}, 'lessons/course.yaml');
      if (r.ok) course = r.value;
      else errors.push(...r.errors);
    }
    const lessons = new Map<string, Lesson>();
    const ids = [...texts.keys()].filter((p) => /^[^/]+\/lesson\.md$/.test(p)).map((p) => p.split('/')[0]);
    ids.sort((a, b) => (parseInt(a) || 0) - (parseInt(b) || 0) || a.localeCompare(b));
    for (const id of ids) {
      const r = parseLesson({ id, file: `lessons/${id}/lesson.md`, markdown: texts.get(`${id}/lesson.md`)!, course, readFile: (p) => texts.get(`${id}/${p}`) });
      if (r.ok && !r.lesson.draft) lessons.set(id, r.lesson);
      else if (!r.ok) errors.push(...r.errors);
    }
    return { course, lessons, errors };
  })();
  return bundledCache;
}

/** The terminal a lesson calls "2" is the page's `t2`. */
export function lessonTerminal(pageId: string): string {
  return pageId.replace(/^t/, '');
}

export class LessonService implements LessonApi {
  readonly #hooks: LessonHooks;
  #listeners: ((s: LessonState | null) => void)[] = [];
  #source: LessonSource | undefined;
  #lesson: Lesson | undefined;
  #run: LessonRun | undefined;
  #phase: LessonState['phase'] = 'ready';
  #message: string | undefined;
  #step = 1;
  #status: Record<number, StepStatus> = {};
  #done = new Set<number>();
  #answers: Record<string, string> = {};
  #lessonMark: Mark = { trace: 0, command: 0 };
  #marks = new Map<number, Mark>();
  /** Bumped by each start: an older start still preparing gives up. */
  #generation = 0;
  #evaluating = false;
  #lastKey = '';
  #lastEvalAt = -Infinity;

  constructor(hooks: LessonHooks) {
    this.#hooks = hooks;
  }

  async lessons(): Promise<LessonEntry[]> {
    const { lessons } = await bundled();
    return [...lessons.values()].map((l) => ({ id: l.id, title: l.title, summary: l.summary, minutes: l.minutes, steps: l.steps.length }));
  }

  async startLesson(source: LessonSource, step = 1): Promise<{ ok: true } | { ok: false; errors: string[] }> {
    const parsed = await this.#parse(source);
    if (!parsed.ok) return parsed;
    const lesson = parsed.lesson;
    const gen = ++this.#generation;
    const keepDone = this.#lesson?.id === lesson.id && this.#source && sameSource(this.#source, source) ? [...this.#done].filter((d) => d < step) : [];
    this.#source = source;
    this.#lesson = lesson;
    this.#step = Math.min(Math.max(1, step), lesson.steps.length);
    this.#status = {};
    this.#done = new Set(keepDone);
    this.#answers = {};
    this.#phase = 'preparing';
    this.#message = undefined;
    this.#publish();
    const run = new LessonRun(lesson, { clock: 'realtime', startTime: this.#hooks.now() });
    try {
      const setup = await run.setup();
      if (setup.failures.length) this.#message = `Setup did not go as planned: ${setup.failures.map((f) => `\`${f.line}\` exited with status ${f.status}`).join('; ')}.`;
      if (this.#step > 1) await run.catchUp(this.#step);
    } catch (e) {
      this.#message = `Setup failed: ${(e as Error).message}`;
    }
    if (gen !== this.#generation) {
      run.stop();
      return { ok: true };
    }
    this.#run?.stop();
    this.#run = run;
    this.#lessonMark = this.#mark();
    this.#marks = new Map([[this.#step, this.#mark()]]);
    const caught = this.#step > 1 ? `, caught up to step ${this.#step}` : '';
    this.#hooks.swapWorld(worldOf(run), `\x1b[2m── ${sanitize(lesson.title)}: a fresh cluster${caught} ──\x1b[0m\r\n`);
    this.#phase = this.#message?.startsWith('Setup failed') ? 'failed' : 'ready';
    this.#lastKey = '';
    this.#publish();
    void this.#evaluate();
    return { ok: true };
  }

  async stopLesson(): Promise<void> {
    this.#generation++;
    this.#run?.stop();
    this.#run = undefined;
    this.#lesson = undefined;
    this.#source = undefined;
    this.#hooks.swapWorld(this.#hooks.freeWorld(), '\x1b[2m── a fresh cluster ──\x1b[0m\r\n');
    this.#publish();
  }

  async onLesson(callback: (state: LessonState | null) => void): Promise<void> {
    this.#listeners.push(callback);
    callback(this.#state());
  }

  async goToStep(index: number): Promise<void> {
    if (!this.#lesson || index < 1 || index > this.#lesson.steps.length) return;
    this.#step = index;
    // A step's window opens the first time the learner reaches it, and stays where it was.
    if (!this.#marks.has(index) && this.#run) this.#marks.set(index, this.#mark());
    this.#publish();
    await this.#evaluate();
  }

  async answer(questionId: string, text: string): Promise<void> {
    this.#answers = { ...this.#answers, [questionId]: text };
    await this.#evaluate();
  }

  async resetStep(): Promise<void> {
    if (this.#source) await this.startLesson(this.#source, this.#step);
  }

  /** A line entered in a terminal (from the host, before the shell reads it). */
  record(pageTerminalId: string, line: string | null): void {
    if (!this.#run || line === null || this.#phase === 'preparing') return;
    this.#run.commands.push({ terminal: lessonTerminal(pageTerminalId), line, at: this.#run.cluster.clock.now() });
  }

  /** On every clock tick: re-evaluate when something a check reads has changed, at most every 200 ms. */
  tick(): void {
    if (!this.#run || this.#evaluating || this.#phase === 'preparing') return;
    if (this.#hooks.now() - this.#lastEvalAt < EVALUATE_EVERY_MS) return;
    if (this.#key() !== this.#lastKey) void this.#evaluate();
  }

  #key(): string {
    const run = this.#run!;
    return `${run.cluster.store.resourceVersion}/${run.cluster.network.dataplane.traces.at(-1)?.id ?? 0}/${run.commands.length}`;
  }

  #mark(): Mark {
    const run = this.#run!;
    return { trace: run.cluster.network.dataplane.traces.at(-1)?.id ?? 0, command: run.commands.length };
  }

  #context(since: 'step' | 'lesson' | undefined, step: number): CheckContext {
    const run = this.#run!;
    const mark = since === 'lesson' ? this.#lessonMark : (this.#marks.get(step) ?? this.#lessonMark);
    return {
      cluster: run.cluster,
      kube: run.cluster.kube,
      namespace: 'default',
      traces: run.cluster.network.dataplane.traces.filter((t) => t.id > mark.trace),
      commands: run.commands.slice(mark.command),
      shell: (script) => run.shell(script),
    };
  }

  async #evaluate(): Promise<void> {
    const run = this.#run;
    const lesson = this.#lesson;
    if (!run || !lesson || this.#evaluating) return;
    this.#evaluating = true;
    const before = this.#key();
    const index = this.#step;
    const step = lesson.steps[index - 1];
    try {
      const status = await evaluateStep(lesson, step, (since) => this.#context(since, index), this.#answers);
      if (run !== this.#run) return;
      this.#status = { ...this.#status, [index]: status };
      if (status.done) this.#done.add(index);
      this.#publish();
    } finally {
      this.#evaluating = false;
      this.#lastEvalAt = this.#hooks.now();
      // A shell check's own requests enter the traffic log: they must not count as a change.
      this.#lastKey = step.checks.some((c) => c.kind === 'shell') ? this.#key() : before;
    }
  }

  async #parse(source: LessonSource): Promise<{ ok: true; lesson: Lesson } | { ok: false; errors: string[] }> {
    const { course, lessons } = await bundled();
    if ('bundled' in source) {
      const lesson = lessons.get(source.bundled);
      return lesson ? { ok: true, lesson } : { ok: false, errors: [`There is no lesson "${source.bundled}".`] };
    }
    if (source.markdown.length > MAX_LESSON_BYTES) return { ok: false, errors: [`${source.name}: too large for a lesson (${source.markdown.length} bytes).`] };
    // A lesson from elsewhere has only its own file: manifests and starting files cannot come with it.
    const id = `external-${source.name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60)}`;
    return parseLesson({ id, file: source.name, markdown: source.markdown, course, readFile: () => undefined });
  }

  #state(): LessonState | null {
    if (!this.#lesson) return null;
    return {
      lesson: this.#lesson,
      phase: this.#phase,
      message: this.#message,
      step: this.#step,
      status: this.#status,
      done: [...this.#done].sort((a, b) => a - b),
      answers: this.#answers,
    };
  }

  #publish(): void {
    const s = this.#state();
    for (const l of this.#listeners) {
      try {
        const r = l(s) as unknown;
        if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch(() => {});
      } catch {
        // A listener on a closed page.
      }
    }
  }
}

function sameSource(a: LessonSource, b: LessonSource): boolean {
  return 'bundled' in a && 'bundled' in b ? a.bundled === b.bundled : 'markdown' in a && 'markdown' in b && a.markdown === b.markdown;
}

/** Titles from a URL lesson reach the terminal: no control characters. */
function sanitize(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]/g, '');
}
