// The lesson pane's state: the catalog, the live lesson the worker pushes (steps, checks, done),
// what the learner has opened (hints, solutions) and saved progress. Components only render it.

import { firstPrompt } from '../terminal/terminal-controller.svelte.ts';
import { callbacks, type Sandbox } from '../../worker/client.ts';
import type { LessonEntry, LessonSource, LessonState } from '../../worker/protocol.ts';
import type { Command } from '../../lessons/model.ts';
import { loadProgress, saveProgress, type LessonProgress } from './progress.ts';

/** What the pane needs from the terminals. */
export interface TerminalRunner {
  /** Type `code` (each line) into lesson terminal `terminal`; Ctrl+C first when `interrupt`. */
  runIn(terminal: string, code: string, interrupt: boolean): void;
  /** Make sure terminals 1..n exist. */
  ensureTerminals(n: number): void;
}

/** A lesson from a URL or a file may not be larger than this. */
const MAX_BYTES = 200_000;

export class LessonPane {
  catalog: LessonEntry[] = $state.raw([]);
  live: LessonState | null = $state.raw(null);
  /** Problems loading a lesson (a URL that failed, markdown that does not parse). */
  errors: string[] = $state.raw([]);
  loading = $state(false);
  progress: Record<string, LessonProgress> = $state.raw(loadProgress());
  /** Hints shown per step (how many), solutions revealed per step. */
  hints: Record<number, number> = $state({});
  solutions: Record<number, boolean> = $state({});
  readonly #sandbox: Sandbox;
  readonly #terminals: TerminalRunner;
  #lessonId = '';
  #source: LessonSource | undefined;

  constructor(sandbox: Sandbox, terminals: TerminalRunner) {
    this.#sandbox = sandbox;
    this.#terminals = terminals;
    // The catalog needs the worker's lesson runtime: fetched once the first prompt is up.
    void firstPrompt.then(() => sandbox.lessons()).then((c) => (this.catalog = c));
    void sandbox.onLesson(callbacks((s: LessonState | null) => this.#update(s)));
  }

  get step(): number {
    return this.live?.step ?? 1;
  }

  #update(s: LessonState | null): void {
    if (s && s.lesson.id !== this.#lessonId) {
      this.#lessonId = s.lesson.id;
      this.hints = {};
      this.solutions = {};
      this.#terminals.ensureTerminals(s.lesson.terminals);
    }
    if (!s) this.#lessonId = '';
    this.live = s;
    // Progress of bundled lessons only: a lesson from a URL has no stable place in the catalog.
    if (s && s.phase === 'ready' && this.catalog.some((c) => c.id === s.lesson.id)) {
      const prev = this.progress[s.lesson.id];
      const next = { done: s.done, step: s.step, steps: s.lesson.steps.length };
      if (!prev || prev.step !== next.step || prev.done.join() !== next.done.join()) {
        this.progress = { ...this.progress, [s.lesson.id]: next };
        saveProgress(this.progress);
      }
    }
  }

  async #start(source: LessonSource, step = 1): Promise<boolean> {
    this.errors = [];
    this.loading = true;
    try {
      const r = await this.#sandbox.startLesson(source, step);
      if (r.ok) this.#source = source;
      if (!r.ok) this.errors = r.errors;
      return r.ok;
    } finally {
      this.loading = false;
    }
  }

  /** A catalog lesson: resumes where the learner left it (the earlier steps are replayed). */
  open(id: string): Promise<boolean> {
    const saved = this.progress[id];
    const step = saved && saved.done.length < saved.steps ? saved.step : 1;
    return this.#start({ bundled: id }, step);
  }

  /** Lesson markdown from a dropped file or a fetched URL: validated by the worker, sanitised when shown. */
  openMarkdown(markdown: string, name: string): Promise<boolean> {
    if (markdown.length > MAX_BYTES) {
      this.errors = [`${name} is too large for a lesson.`];
      return Promise.resolve(false);
    }
    return this.#start({ markdown, name });
  }

  async openUrl(url: string): Promise<boolean> {
    let parsed: URL;
    try {
      parsed = new URL(url, location.href);
    } catch {
      this.errors = [`Not a URL: ${url}`];
      return false;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      this.errors = [`Only http(s) lessons can be loaded, not ${parsed.protocol}`];
      return false;
    }
    this.loading = true;
    try {
      const res = await fetch(parsed, { credentials: 'omit' });
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const text = await res.text();
      return await this.openMarkdown(text, parsed.pathname.split('/').pop() || parsed.host);
    } catch (e) {
      this.errors = [`Could not load ${parsed.href}: ${(e as Error).message}`];
      return false;
    } finally {
      this.loading = false;
    }
  }

  async openFile(file: File): Promise<boolean> {
    if (file.size > MAX_BYTES) {
      this.errors = [`${file.name} is too large for a lesson.`];
      return false;
    }
    return this.openMarkdown(await file.text(), file.name);
  }

  async leave(): Promise<void> {
    this.errors = [];
    await this.#sandbox.stopLesson();
  }

  goTo(index: number): void {
    const n = this.live?.lesson.steps.length ?? 0;
    if (index >= 1 && index <= n) void this.#sandbox.goToStep(index);
  }

  run(command: Pick<Command, 'code' | 'terminal' | 'interrupt'>): void {
    this.#terminals.runIn(command.terminal, command.code, command.interrupt);
  }

  async copy(code: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(code);
      return true;
    } catch {
      return false;
    }
  }

  moreHint(step: number): void {
    this.hints[step] = (this.hints[step] ?? 0) + 1;
  }

  revealSolution(step: number): void {
    this.solutions[step] = true;
  }

  answer(questionId: string, text: string): void {
    void this.#sandbox.answer(questionId, text);
  }

  resetStep(): void {
    void this.#sandbox.resetStep();
  }

  /** From the start, on a fresh cluster. */
  restart(): void {
    const l = this.live?.lesson;
    if (!l) return;
    this.hints = {};
    this.solutions = {};
    if (this.catalog.some((c) => c.id === l.id)) {
      this.progress = { ...this.progress, [l.id]: { done: [], step: 1, steps: l.steps.length } };
      saveProgress(this.progress);
    }
    if (this.#source) void this.#start(this.#source, 1);
  }
}
