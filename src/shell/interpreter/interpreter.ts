// Runs the syntax tree. Pipelines run their stages at once, joined by streaming pipes; each stage,
// `( … )`, `$( … )` and each background job gets a copy of the shell state, as bash forks.

import type { AndOr, Command, Pipeline, Redirect, Script, SimpleCommand } from '../parser/ast.ts';
import type { Input, Output, ProcessContext } from '../program.ts';
import { VfsError } from '../fs/vfs.ts';
import { resolvePath } from '../fs/path.ts';
import { ExitSignal, Interrupted, LoopControl } from './control.ts';
import { expandString, expandTarget, expandWords, ExpansionError, type ExpandContext } from './expand.ts';
import { closestName } from './hints.ts';
import type { ExecIo, Io, Runtime } from './runtime.ts';
import { ShellState } from './state.ts';
import {
  BrokenPipe, BufferOutput, EmptyInput, FileOutput, NullOutput, Pipe, PipeInput, PipeOutput,
  ShellInput, StringInput,
} from './streams.ts';

export class Interpreter {
  constructor(
    readonly runtime: Runtime,
    readonly state: ShellState,
  ) {}

  async script(script: Script, io: Io): Promise<number> {
    let status = this.state.lastStatus;
    for (const item of script.items) {
      if (io.signal.aborted) throw new Interrupted();
      if (item.background) {
        this.#background(item, io);
        status = 0;
      } else {
        status = await this.andOr(item, io);
      }
      this.state.lastStatus = status;
    }
    return status;
  }

  async andOr(item: AndOr, io: Io): Promise<number> {
    let status = await this.pipeline(item.first, io);
    this.state.lastStatus = status;
    for (const { op, pipeline } of item.rest) {
      if (io.signal.aborted) throw new Interrupted();
      if ((op === '&&') !== (status === 0)) continue;
      status = await this.pipeline(pipeline, io);
      this.state.lastStatus = status;
    }
    return status;
  }

  async pipeline(p: Pipeline, io: Io): Promise<number> {
    let status: number;
    if (p.commands.length === 1) {
      status = await this.command(p.commands[0], io);
    } else {
      const n = p.commands.length;
      const pipes = Array.from({ length: n - 1 }, () => new Pipe());
      const stages = p.commands.map(async (cmd, i) => {
        const stdin = i === 0 ? io.stdin : new PipeInput(pipes[i - 1]);
        const stdout = i === n - 1 ? io.stdout : new PipeOutput(pipes[i]);
        const sub = new Interpreter(this.runtime, this.state.clone());
        try {
          return await sub.command(cmd, { ...io, stdin, stdout });
        } catch (e) {
          return stageStatus(e);
        } finally {
          if (i < n - 1) pipes[i].closeWriter();
          if (i > 0) pipes[i - 1].closeReader();
        }
      });
      const statuses = await Promise.all(stages);
      status = statuses[n - 1];
    }
    if (io.signal.aborted) status = 130;
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  async command(cmd: Command, io: Io): Promise<number> {
    if (cmd.type === 'simple') return this.#simple(cmd, io);
    const rio = await this.#redirect(cmd.redirs, io);
    if (typeof rio === 'number') return rio;
    switch (cmd.type) {
      case 'if':
        for (const clause of cmd.clauses) {
          if ((await this.script(clause.cond, rio)) === 0) return this.script(clause.body, rio);
        }
        return cmd.elseBody ? this.script(cmd.elseBody, rio) : 0;
      case 'for': {
        let items: string[];
        try {
          items = cmd.items ? await expandWords(cmd.items, this.#expandContext(rio)) : [];
        } catch (e) {
          return this.#expansionFailed(e, rio);
        }
        return this.#loop(rio, async (iteration) => {
          if (iteration >= items.length) return 'stop';
          this.state.set(cmd.name, items[iteration]);
          return this.script(cmd.body, rio);
        });
      }
      case 'while':
        return this.#loop(rio, async () => {
          const cond = await this.script(cmd.cond, rio);
          if ((cond === 0) === cmd.until) return 'stop';
          return this.script(cmd.body, rio);
        });
      case 'group': {
        if (!cmd.subshell) return this.script(cmd.body, rio);
        const sub = new Interpreter(this.runtime, this.state.clone());
        try {
          return await sub.script(cmd.body, rio);
        } catch (e) {
          if (e instanceof ExitSignal) return e.code;
          throw e;
        }
      }
    }
  }

  /**
   * Runs loop iterations until `step` says stop. Every iteration yields to queued promises and every
   * 1000th to the event loop, so Ctrl+C gets through a loop that never waits; a bound stops loops
   * that would otherwise run forever in the learner's tab.
   */
  async #loop(io: Io, step: (iteration: number) => Promise<number | 'stop'>): Promise<number> {
    let status = 0;
    for (let i = 0; ; i++) {
      if (io.signal.aborted) throw new Interrupted();
      if (i >= this.runtime.maxLoopIterations) {
        io.stderr.write(`bash: loop stopped after ${i} iterations (sandbox limit)\n`);
        return 1;
      }
      await Promise.resolve();
      if (i % 1000 === 999) await this.runtime.yieldNow();
      let result: number | 'stop';
      try {
        result = await step(i);
      } catch (e) {
        if (!(e instanceof LoopControl)) throw e;
        if (e.levels > 1) throw new LoopControl(e.kind, e.levels - 1);
        if (e.kind === 'break') return 0;
        continue;
      }
      if (result === 'stop') return status;
      status = result;
    }
  }

  #expandContext(io: Io): ExpandContext {
    return {
      state: this.state,
      fs: this.runtime.fs.at(this.state.cwd),
      substitute: async (script) => {
        const out = new BufferOutput();
        const sub = new Interpreter(this.runtime, this.state.clone());
        try {
          const status = await sub.script(script, { ...io, stdout: out, terminal: undefined });
          return { output: out.text, status };
        } catch (e) {
          if (e instanceof ExitSignal) return { output: out.text, status: e.code };
          throw e;
        }
      },
    };
  }

  #expansionFailed(e: unknown, io: Io): number {
    if (e instanceof ExpansionError) {
      io.stderr.write(`bash: ${e.message}\n`);
      return 1;
    }
    throw e;
  }

  async #simple(cmd: SimpleCommand, io: Io): Promise<number> {
    const ectx = this.#expandContext(io);
    let substituted = false;
    const substitute = ectx.substitute;
    ectx.substitute = (s) => ((substituted = true), substitute(s));
    let argv: string[];
    const assigns: [string, string][] = [];
    try {
      argv = await expandWords(cmd.words, ectx);
      for (const a of cmd.assigns) {
        const value = await expandString(a.value, ectx);
        const full = a.append ? (this.state.get(a.name) ?? '') + value : value;
        assigns.push([a.name, full]);
        // Without a command, each assignment is visible to the next (`x=5 y=$x`).
        if (argv.length === 0) this.state.set(a.name, full);
      }
    } catch (e) {
      return this.#expansionFailed(e, io);
    }
    const rio = await this.#redirect(cmd.redirs, io);
    if (typeof rio === 'number') return rio;
    if (argv.length === 0) {
      // `x=$(false)` has the substitution's status; a bare assignment has 0.
      return substituted ? this.state.lastStatus : 0;
    }
    return this.invoke(argv, rio, Object.fromEntries(assigns));
  }

  /** Runs one command by name: a builtin, a registered program, or `command not found`. */
  async invoke(argv: string[], io: Io, tempEnv: Record<string, string> = {}): Promise<number> {
    const name = argv[0];
    const env = { ...this.state.env(), ...tempEnv };
    const ctx = this.#processContext(argv, io, env);
    const builtin = this.runtime.builtins.get(name);
    if (builtin) {
      return builtin(ctx, { state: this.state, runtime: this.runtime, interpreter: this, stdin: io.stdin });
    }
    const program = this.runtime.programs.get(name);
    if (!program) return this.#notFound(name, io);
    let status: number;
    try {
      status = await program(ctx);
    } catch (e) {
      if (e instanceof BrokenPipe || e instanceof ExitSignal) throw e;
      if (io.signal.aborted) return 130;
      io.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    return io.signal.aborted ? 130 : status;
  }

  #notFound(name: string, io: Io): number {
    if (name.includes('/')) {
      const fs = this.runtime.fs.at(this.state.cwd);
      if (fs.isDir(name)) {
        io.stderr.write(`bash: ${name}: Is a directory\n`);
        return 126;
      }
      io.stderr.write(`bash: ${name}: ${fs.exists(name) ? 'Permission denied' : 'No such file or directory'}\n`);
      return fs.exists(name) ? 126 : 127;
    }
    io.stderr.write(`bash: ${name}: command not found\n`);
    const known = [...this.runtime.programs.keys(), ...this.runtime.builtins.keys()];
    const hint = closestName(name, known);
    if (hint) io.stderr.write(`hint: did you mean '${hint}'?\n`);
    return 127;
  }

  #processContext(argv: string[], io: Io, env: Record<string, string>): ProcessContext {
    return {
      argv,
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      env,
      cwd: this.state.cwd,
      fs: this.runtime.fs.at(this.state.cwd),
      signal: io.signal,
      sleep: (ms) => this.runtime.sleep(ms, io.signal),
      terminal: io.terminal,
      host: this.runtime.host,
      yield: () => this.runtime.yieldNow(),
      exec: (args: string[], over: ExecIo = {}) => {
        const stdin = over.stdin ? adaptInput(over.stdin) : io.stdin;
        const sub = new Interpreter(this.runtime, this.state.clone());
        if (over.env) {
          sub.state.vars.clear();
          for (const [k, v] of Object.entries(over.env)) sub.state.export(k, v);
        }
        return sub
          .invoke(args, { ...io, stdin, stdout: over.stdout ?? io.stdout, stderr: over.stderr ?? io.stderr })
          .catch((e) => {
            if (e instanceof ExitSignal) return e.code;
            throw e;
          });
      },
    };
  }

  /** Applies redirections left to right, as bash does (`>f 2>&1` differs from `2>&1 >f`). */
  async #redirect(redirs: Redirect[], io: Io): Promise<Io | number> {
    if (redirs.length === 0) return io;
    const fds: [ShellInput, Output, Output] = [io.stdin, io.stdout, io.stderr];
    const fs = this.runtime.fs;
    const ectx = this.#expandContext(io);
    for (const r of redirs) {
      if (r.fd > 2) continue; // fds above 2 are accepted and ignored
      let target = '';
      try {
        if (r.op === '<<' || r.op === '<<-') {
          fds[0] = new StringInput(r.heredoc ? await expandString(r.heredoc, ectx) : '');
          continue;
        }
        if (r.op === '<<<') {
          fds[0] = new StringInput((await expandString(r.target!, ectx)) + '\n');
          continue;
        }
        const t = await expandTarget(r.target!, ectx);
        if (t === null) {
          io.stderr.write(`bash: ${r.target!.raw}: ambiguous redirect\n`);
          return 1;
        }
        target = t;
      } catch (e) {
        return this.#expansionFailed(e, io);
      }
      const abs = resolvePath(this.state.cwd, target);
      try {
        switch (r.op) {
          case '<':
            fds[0] = new StringInput(fs.readFile(abs));
            break;
          case '>&':
          case '<&':
            if (/^[0-2]$/.test(target)) {
              const src = fds[Number(target)];
              if (r.op === '<&' && r.fd === 0) fds[0] = src as ShellInput;
              else if (r.fd !== 0) fds[r.fd] = src as Output;
              break;
            }
            if (target === '-') {
              if (r.fd === 0) fds[0] = new EmptyInput();
              else fds[r.fd] = new NullOutput();
              break;
            }
            if (/^\d+$/.test(target)) {
              io.stderr.write(`bash: ${target}: Bad file descriptor\n`);
              return 1;
            }
            // `>& file` means `&> file`.
            fs.writeFile(abs, '');
            fds[1] = fds[2] = new FileOutput(fs, abs);
            break;
          case '&>':
          case '&>>':
            if (r.op === '&>') fs.writeFile(abs, '');
            else fs.appendFile(abs, '');
            fds[1] = fds[2] = new FileOutput(fs, abs);
            break;
          default: {
            // > >> >|
            if (r.op === '>>') fs.appendFile(abs, '');
            else fs.writeFile(abs, '');
            const out = new FileOutput(fs, abs);
            if (r.fd === 0) fds[0] = new EmptyInput();
            else fds[r.fd] = out;
          }
        }
      } catch (e) {
        if (e instanceof VfsError) {
          io.stderr.write(`bash: ${target}: ${e.reason}\n`);
          return 1;
        }
        throw e;
      }
    }
    return { ...io, stdin: fds[0], stdout: fds[1], stderr: fds[2] };
  }

  #background(item: AndOr, io: Io): void {
    const foreground = { ...item, background: false };
    const run = (signal: AbortSignal) => {
      const sub = new Interpreter(this.runtime, this.state.clone());
      const bio: Io = { ...io, stdin: new EmptyInput(), signal, terminal: undefined };
      return sub.andOr(foreground, bio).catch(stageStatus);
    };
    if (this.state.subshell) {
      // Jobs started in a subshell are not the interactive shell's jobs.
      const pid = this.runtime.jobs.allocatePid();
      void run(new AbortController().signal);
      this.state.lastBackgroundPid = pid;
      return;
    }
    const job = this.runtime.jobs.start(item.text, run);
    this.state.lastBackgroundPid = job.pid;
    io.stderr.write(`[${job.id}] ${job.pid}\n`);
  }
}

/** The status of a stage or job that ended by unwinding rather than returning. */
function stageStatus(e: unknown): number {
  if (e instanceof BrokenPipe) return 141;
  if (e instanceof ExitSignal) return e.code;
  if (e instanceof Interrupted) return 130;
  if (e instanceof LoopControl) return 0;
  throw e;
}

/** A program's own Input (xargs handing input on) made line-readable. */
function adaptInput(input: Input): ShellInput {
  if (input instanceof ShellInput) return input;
  return new (class extends ShellInput {
    readonly isTTY = input.isTTY;
    protected pull() {
      return input.read();
    }
  })();
}

export { ShellState };
