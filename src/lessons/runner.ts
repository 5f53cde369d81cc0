// One lesson in a sandbox, driven without a screen: setup, then lines typed into numbered
// terminals as buttons would type them, with a command log and step windows for the checks.
// `lessons verify` uses it; so can tests (and later the worker, for "catch up to step N").

import { Sandbox } from '../sandbox/sandbox.ts';
import type { ClockMode } from '../sandbox/sleep.ts';
import type { ShellSession, Terminal } from '../shell/index.ts';
import { MemoryTerminal } from '../shell/testing.ts';
import type { Command, Lesson, Step } from './model.ts';
import type { CheckContext, CommandEntry } from './checks/types.ts';
import { evaluateStep, type StepStatus } from './evaluate.ts';

/** Cluster time a "learner" waits for a command to finish before leaving it running (port-forward, -w). */
const RUNNING_AFTER_MS = 30_000;
/** Where setup puts manifests while applying them. */
const SETUP_DIR = '/tmp/.lesson-setup';

/** A terminal that lines are typed into; it knows whether a command is still running. */
class DrivenTerminal implements Terminal {
  readonly columns = 120;
  output = '';
  #waiting: ((line: string | null) => void) | null = null;
  #interrupts = new Set<() => void>();

  get idle(): boolean {
    return this.#waiting !== null;
  }
  write(data: string): void {
    this.output += data;
  }
  readLine(prompt: string): Promise<string | null> {
    this.output += prompt;
    return new Promise((resolve) => (this.#waiting = resolve));
  }
  type(line: string): void {
    const w = this.#waiting!;
    this.#waiting = null;
    this.output += line + '\n';
    w(line);
  }
  onInterrupt(listener: () => void): () => void {
    this.#interrupts.add(listener);
    return () => this.#interrupts.delete(listener);
  }
  interrupt(): void {
    for (const l of [...this.#interrupts]) l();
  }
  clear(): void {}
}

/** What a step runs when played for the learner (verify, catch-up): its solution, or else its `run` commands. */
export function commandsOf(step: Step): Command[] {
  if (step.solution.length) return step.solution;
  return step.body.flatMap((b) => (b.type === 'command' && b.command.mode === 'run' ? [b.command] : []));
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export interface SetupResult {
  /** Setup lines that failed (non-zero status), with their output: a lesson bug. */
  failures: { line: string; status: number; output: string }[];
}

export interface LessonRunOptions {
  seed?: number;
  /** virtual (default): sleeping advances the clock; realtime: the browser drives it afterwards. */
  clock?: ClockMode;
  /** Wall-clock start of the cluster (the browser passes Date.now()). */
  startTime?: number;
}

export class LessonRun {
  readonly sandbox: Sandbox;
  readonly commands: CommandEntry[] = [];
  #terminals = new Map<string, { session: ShellSession; term: DrivenTerminal }>();
  // Windows are marks in the logs (last trace id, command count), not times: a step can begin at
  // the very instant the previous one's last request was made.
  #lessonMark = { trace: 0, command: 0 };
  #stepMark = { trace: 0, command: 0 };

  constructor(readonly lesson: Lesson, opts: LessonRunOptions = {}) {
    this.sandbox = new Sandbox({ clock: opts.clock ?? 'virtual', seed: opts.seed ?? lesson.seed, startTime: opts.startTime });
  }

  get cluster() {
    return this.sandbox.cluster;
  }

  /** Starting files, manifests and setup commands; then the cluster settles ("preparing"). */
  async setup(): Promise<SetupResult> {
    const fs = this.sandbox.laptopFs;
    const home = '/home/learner';
    for (const [path, content] of Object.entries(this.lesson.files)) {
      const abs = `${home}/${path}`;
      fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { parents: true });
      fs.writeFile(abs, content);
    }
    // kubectl loads lazily; have it before the clock is pumped, or a slow load would count as time.
    if (this.sandbox.mode === 'realtime') await this.sandbox.preload();
    const session = this.sandbox.laptopShell();
    const failures: SetupResult['failures'] = [];
    const lines: string[] = [];
    if (this.lesson.setup.manifests.length) fs.mkdir(SETUP_DIR, { parents: true });
    for (const m of this.lesson.setup.manifests) {
      const name = m.path.replace(/\//g, '_');
      fs.writeFile(`${SETUP_DIR}/${name}`, m.content);
      lines.push(`kubectl apply -f ${SETUP_DIR}/${name}`);
    }
    lines.push(...this.lesson.setup.commands);
    for (const line of lines) {
      const term = new MemoryTerminal([], { echo: false });
      const status = await this.#pumped(session.runLine(line, term));
      if (status !== 0) failures.push({ line, status, output: term.output });
      this.cluster.settle(60_000);
    }
    if (this.lesson.setup.manifests.length) fs.rm(SETUP_DIR, { recursive: true });
    this.cluster.settle(60_000);
    this.#lessonMark = this.#stepMark = this.#mark();
    return { failures };
  }

  #terminal(id: string) {
    let t = this.#terminals.get(id);
    if (!t) {
      t = { session: this.sandbox.laptopShell(), term: new DrivenTerminal() };
      this.#terminals.set(id, t);
      void t.session.repl(t.term);
    }
    return t;
  }

  /** The screen of a terminal so far (prompts, typed lines, output). */
  screen(id = '1'): string {
    return this.#terminals.get(id)?.term.output ?? '';
  }

  /** Types a command (each of its lines) as a button would; waits for it to finish or to keep running. */
  async run(cmd: Pick<Command, 'code' | 'terminal' | 'interrupt'>): Promise<void> {
    const t = this.#terminal(cmd.terminal);
    await tick();
    if (cmd.interrupt && !t.term.idle) {
      t.term.interrupt();
      await this.#untilIdle(t.term);
    }
    for (const line of cmd.code.split('\n')) {
      if (!t.term.idle) await this.#untilIdle(t.term);
      if (!t.term.idle) throw new Error(`terminal ${cmd.terminal} is still busy with an earlier command (add "interrupt" to the block, or use terminal=2)`);
      this.commands.push({ terminal: cmd.terminal, line, at: this.cluster.clock.now() });
      t.term.type(line);
      await this.#untilIdle(t.term);
      this.cluster.settle(60_000);
    }
  }

  /**
   * Waits for a setup line, moving cluster time on while it waits: in realtime mode nobody drives
   * the clock yet, so a `sleep` or `kubectl wait` would otherwise never end.
   */
  async #pumped(work: Promise<number>): Promise<number> {
    if (this.sandbox.mode === 'virtual') return work;
    let done = false;
    const out = work.finally(() => (done = true));
    for (let waited = 0; waited <= RUNNING_AFTER_MS && !done; waited += 1000) {
      for (let i = 0; i < 5 && !done; i++) await tick();
      if (!done) this.cluster.clock.advance(1000);
    }
    return done ? out : 124;
  }

  /**
   * Plays the steps before `step` (1-based) as verify does — each step's solution or `run`
   * commands — so the learner can start (or restart) there: "catch up to step N".
   */
  async catchUp(step: number): Promise<void> {
    for (const s of this.lesson.steps.slice(0, Math.max(0, step - 1))) {
      this.beginStep();
      for (const cmd of commandsOf(s)) await this.run(cmd);
    }
    this.beginStep();
  }

  /** Lets the command run, advancing cluster time a second at a time, until the prompt is back. */
  async #untilIdle(term: DrivenTerminal): Promise<void> {
    for (let waited = 0; waited <= RUNNING_AFTER_MS; waited += 1000) {
      for (let i = 0; i < 5 && !term.idle; i++) await tick();
      if (term.idle) return;
      this.cluster.clock.advance(1000);
    }
  }

  /** A step starts: its checks read traces and commands from here on. */
  beginStep(): void {
    this.#stepMark = this.#mark();
  }

  #mark() {
    return { trace: this.cluster.network.dataplane.traces.at(-1)?.id ?? 0, command: this.commands.length };
  }

  context(since: 'step' | 'lesson' = 'step'): CheckContext {
    const mark = since === 'step' ? this.#stepMark : this.#lessonMark;
    return {
      cluster: this.cluster,
      kube: this.cluster.kube,
      namespace: 'default',
      traces: this.cluster.network.dataplane.traces.filter((t) => t.id > mark.trace),
      commands: this.commands.slice(mark.command),
      shell: (script) => this.shell(script),
    };
  }

  /** Runs a script in a hidden shell on the learner's machine (shell checks, question solutions). */
  async shell(script: string): Promise<{ status: number; output: string }> {
    const term = new MemoryTerminal([], { echo: false });
    const status = await this.sandbox.laptopShell().runLine(script, term);
    return { status, output: term.output };
  }

  evaluate(step: Step, answers: Record<string, string> = {}): Promise<StepStatus> {
    return evaluateStep(this.lesson, step, (since) => this.context(since), answers);
  }

  stop(): void {
    for (const t of this.#terminals.values()) if (!t.term.idle) t.term.interrupt();
    this.cluster.stop();
  }
}
