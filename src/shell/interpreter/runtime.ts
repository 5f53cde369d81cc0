// What the interpreter needs from the session around it, and the shape of builtins: commands that
// change the shell itself (cd, export, exit, jobs …) and so see its state, unlike programs.

import type { Input, Output, ProcessContext, Program } from '../program.ts';
import type { Terminal } from '../terminal.ts';
import type { VirtualFs } from '../fs/vfs.ts';
import type { JobTable } from './jobs.ts';
import type { ShellState } from './state.ts';
import type { ShellInput } from './streams.ts';
import type { Interpreter } from './interpreter.ts';

export interface Io {
  stdin: ShellInput;
  stdout: Output;
  stderr: Output;
  signal: AbortSignal;
  /** Present for foreground commands of an interactive session. */
  terminal?: Terminal;
}

export interface Runtime {
  readonly programs: Map<string, Program>;
  readonly builtins: Map<string, Builtin>;
  readonly fs: VirtualFs;
  readonly host: unknown;
  readonly jobs: JobTable;
  readonly history: string[];
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Lets the event loop run (a macrotask), so Ctrl+C can arrive during a busy loop. */
  yieldNow(): Promise<void>;
  /** Loops stop with a message after this many iterations. */
  readonly maxLoopIterations: number;
  /** Where `which` says a program lives. */
  programPath(name: string): string;
}

export interface BuiltinContext {
  state: ShellState;
  runtime: Runtime;
  interpreter: Interpreter;
  /** stdin with line reading, for `read`. */
  stdin: ShellInput;
}

export type Builtin = (ctx: ProcessContext, shell: BuiltinContext) => Promise<number>;

/** Streams a program may hand to `ctx.exec` (xargs, env). */
export interface ExecIo {
  stdin?: Input;
  stdout?: Output;
  stderr?: Output;
  env?: Record<string, string>;
}
