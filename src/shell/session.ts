// One shell: its variables, history, jobs, files and programs, and the read-eval-print loop that
// drives it through a Terminal. A shell inside a pod is another ShellSession run by kubectl exec on
// the same terminal; its `exit` returns there.

import type { Program } from './program.ts';
import type { Terminal } from './terminal.ts';
import { VirtualFs } from './fs/vfs.ts';
import { parse, IncompleteInput, ShellSyntaxError, InvalidIdentifier, BadSubstitution, type Script } from './parser/index.ts';
import { ExitSignal, Interrupted, LoopControl } from './interpreter/control.ts';
import { Interpreter } from './interpreter/interpreter.ts';
import { JobTable } from './interpreter/jobs.ts';
import type { Builtin, Io, Runtime } from './interpreter/runtime.ts';
import { ShellState } from './interpreter/state.ts';
import { TerminalInput, TerminalOutput } from './interpreter/streams.ts';
import { sanitize } from './sanitize.ts';
import { createBuiltins } from './builtins/registry.ts';
import { createDefaultPrograms } from './commands/registry.ts';

export interface ShellSessionOptions {
  fs?: VirtualFs;
  programs?: Map<string, Program>;
  /** Passed to programs as `ctx.host` (the cluster, the network). */
  host?: unknown;
  /** Sleep on the sandbox clock; must reject (or resolve early) when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Lets the event loop run; default a zero-delay timer. */
  yieldNow?: () => Promise<void>;
  /** Extra variables, exported (PATH, KUBECONFIG …). */
  env?: Record<string, string>;
  user?: string;
  hostname?: string;
  /** Default `\u@\h:\w\$ ` → `learner@laptop:~$ `. */
  ps1?: string;
  maxLoopIterations?: number;
  firstPid?: number;
  /** Where `which`/`type` say a program lives; default /usr/bin/NAME. */
  programPaths?: Record<string, string>;
}

export interface ReplOptions {
  /** Print `exit` when the loop ends, as interactive bash does. Default true. */
  announceExit?: boolean;
}

export type ParseCheck =
  | { kind: 'complete'; script: Script }
  | { kind: 'incomplete' }
  | { kind: 'error'; message: string; status: number };

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new Error('aborted'));
    }, { once: true });
  });

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ShellSession implements Runtime {
  readonly state = new ShellState();
  readonly history: string[] = [];
  readonly jobs: JobTable;
  readonly programs: Map<string, Program>;
  readonly builtins: Map<string, Builtin> = createBuiltins();
  readonly fs: VirtualFs;
  readonly host: unknown;
  readonly maxLoopIterations: number;
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly #yield: () => Promise<void>;
  readonly #paths: Record<string, string>;
  /** Set by `exit`; the REPL ends and returns it. */
  exitCode: number | null = null;

  constructor(options: ShellSessionOptions = {}) {
    this.fs = options.fs ?? new VirtualFs();
    this.programs = options.programs ?? createDefaultPrograms();
    this.host = options.host;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#yield = options.yieldNow ?? defaultYield;
    this.maxLoopIterations = options.maxLoopIterations ?? 100_000;
    this.jobs = new JobTable(options.firstPid);
    this.#paths = { kubectl: '/usr/local/bin/kubectl', ...options.programPaths };
    const user = options.user ?? 'learner';
    const s = this.state;
    s.cwd = this.fs.cwd;
    for (const [k, v] of Object.entries({
      HOME: this.fs.home,
      USER: user,
      LOGNAME: user,
      HOSTNAME: options.hostname ?? 'laptop',
      PATH: '/usr/local/bin:/usr/bin:/bin',
      PWD: s.cwd,
      SHELL: '/bin/bash',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      ...options.env,
    })) s.export(k, v);
    s.set('PS1', options.ps1 ?? '\\u@\\h:\\w\\$ ');
    s.set('PS2', '> ');
    s.set('$$', String(this.jobs.allocatePid()));
  }

  get cwd(): string {
    return this.state.cwd;
  }

  get lastStatus(): number {
    return this.state.lastStatus;
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return this.#sleep(ms, signal);
  }

  yieldNow(): Promise<void> {
    return this.#yield();
  }

  programPath(name: string): string {
    return this.#paths[name] ?? `/usr/bin/${name}`;
  }

  /** PS1 with bash's \u \h \H \w \W \$ \n \\ escapes; `\[ \]` (non-printing markers) dropped. */
  prompt(): string {
    const ps1 = this.state.get('PS1') ?? '$ ';
    const home = this.state.get('HOME') ?? '';
    const cwd = this.state.cwd;
    const w = home && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd;
    const host = this.state.get('HOSTNAME') ?? 'localhost';
    return ps1.replace(/\\([uhHwW$n\\[\]e])/g, (_, c: string) => {
      switch (c) {
        case 'u': return this.state.get('USER') ?? 'user';
        case 'h': return host.split('.')[0];
        case 'H': return host;
        case 'w': return w;
        case 'W': return w === '~' || cwd === '/' ? w : cwd.slice(cwd.lastIndexOf('/') + 1);
        case '$': return this.state.get('USER') === 'root' ? '#' : '$';
        case 'n': return '\n';
        case 'e': return '\x1b';
        case '\\': return '\\';
        default: return '';
      }
    });
  }

  /** Whether `source` is a whole command, needs another line, or is wrong. */
  check(source: string): ParseCheck {
    try {
      return { kind: 'complete', script: parse(source) };
    } catch (e) {
      if (e instanceof IncompleteInput) return { kind: 'incomplete' };
      if (e instanceof ShellSyntaxError) return { kind: 'error', message: `bash: ${e.message}`, status: 2 };
      if (e instanceof InvalidIdentifier) return { kind: 'error', message: `bash: ${e.message}`, status: 1 };
      if (e instanceof BadSubstitution) return { kind: 'error', message: `bash: ${e.message}`, status: 1 };
      // Thousands of nested `(` `{` `if`: bash copes, this recursive-descent parser runs out of stack.
      if (e instanceof RangeError) return { kind: 'error', message: 'bash: syntax error: nested too deeply', status: 2 };
      throw e;
    }
  }

  /**
   * Runs one command line (which may hold several lines, as a pasted script) to the end, in the
   * foreground of `terminal`. Ctrl+C stops it with status 130. Returns the exit status.
   */
  async runLine(source: string, terminal: Terminal): Promise<number> {
    const checked = this.check(source);
    if (checked.kind === 'incomplete') {
      terminal.write('bash: syntax error: unexpected end of file\n');
      return (this.state.lastStatus = 2);
    }
    if (checked.kind === 'error') {
      terminal.write(sanitize(checked.message) + '\n'); // it quotes the learner's input
      return (this.state.lastStatus = checked.status);
    }
    return this.#execute(checked.script, terminal);
  }

  async #execute(script: Script, terminal: Terminal): Promise<number> {
    const controller = new AbortController();
    const removeListener = terminal.onInterrupt(() => {
      if (controller.signal.aborted) return;
      terminal.write('^C\n');
      controller.abort();
    });
    const out = new TerminalOutput(terminal);
    const io: Io = {
      stdin: new TerminalInput(terminal, controller.signal),
      stdout: out,
      stderr: out,
      signal: controller.signal,
      terminal,
    };
    let status: number;
    try {
      status = await new Interpreter(this, this.state).script(script, io);
    } catch (e) {
      if (e instanceof Interrupted) status = 130;
      else if (e instanceof ExitSignal) {
        status = e.code;
        this.exitCode = e.code;
      } else if (e instanceof LoopControl) status = 0;
      else throw e;
    } finally {
      removeListener();
    }
    if (controller.signal.aborted) status = 130;
    this.state.lastStatus = status;
    return status;
  }

  /** Job notices (`[1]+  Done …`) due before the next prompt. */
  flushNotices(terminal: Terminal): void {
    for (const line of this.jobs.takeNotices()) terminal.write(sanitize(line) + '\n'); // the job's command text
  }

  /**
   * The interactive loop: prompt, read (with `> ` continuation lines), run, until `exit` or Ctrl+D.
   * Returns the exit status for the parent (kubectl exec's exit code, for a pod shell).
   */
  async repl(terminal: Terminal, options: ReplOptions = {}): Promise<number> {
    const announce = options.announceExit ?? true;
    this.exitCode = null;
    for (;;) {
      this.flushNotices(terminal);
      const first = await terminal.readLine(this.prompt());
      if (first === null) {
        if (announce) terminal.write('exit\n');
        return this.state.lastStatus;
      }
      let source = first;
      let checked = this.check(source);
      while (checked.kind === 'incomplete') {
        const more = await terminal.readLine(this.state.get('PS2') ?? '> ');
        if (more === null) break;
        source += '\n' + more;
        checked = this.check(source);
      }
      if (source.trim() !== '') this.history.push(source);
      if (checked.kind === 'incomplete') {
        terminal.write('bash: syntax error: unexpected end of file\n');
        this.state.lastStatus = 2;
        continue;
      }
      if (checked.kind === 'error') {
        terminal.write(sanitize(checked.message) + '\n'); // it quotes the learner's input
        this.state.lastStatus = checked.status;
        continue;
      }
      await this.#execute(checked.script, terminal);
      if (this.exitCode !== null) {
        if (announce) terminal.write('exit\n');
        return this.exitCode;
      }
    }
  }
}
