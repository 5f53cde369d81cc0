// What a program (kubectl, curl, grep, …) sees when the shell runs it: argv, streams, environment,
// files and a signal for Ctrl+C. Programs return an exit code; user errors are output plus a
// non-zero code, never exceptions.

import type { VirtualFs } from './fs/vfs.ts';

export interface Input {
  /** Next chunk of input, or null at end of input. A terminal stdin yields one line (with \n) per read. */
  read(): Promise<string | null>;
  /** Everything until end of input. */
  readAll(): Promise<string>;
  readonly isTTY: boolean;
}

export interface Output {
  write(data: string): void;
  readonly isTTY: boolean;
}

export interface ProcessContext {
  argv: string[]; // argv[0] is the program name as typed
  stdin: Input;
  stdout: Output;
  stderr: Output;
  /** Exported environment (a copy: changes do not reach the parent shell). */
  env: Record<string, string>;
  cwd: string;
  fs: VirtualFs;
  /** Aborted on Ctrl+C or `kill`; long-running programs must stop promptly and return 130. */
  signal: AbortSignal;
  /** Sleep on the sandbox clock (virtual in tests and the CLI's run mode); rejects if signal aborts. */
  sleep(ms: number): Promise<void>;
  /** The terminal, when the program runs in the foreground of an interactive session (for -it). */
  terminal?: import('./terminal.ts').Terminal;
  /** Host services the program may need (the cluster, the network). Opaque to the shell itself. */
  host: unknown;
  /**
   * Runs another command by argv, as the shell would (builtins, programs, `command not found`),
   * with this process's streams unless overridden. For xargs, env, timeout, watch. Optional so
   * hand-made contexts in tests need not provide it.
   */
  exec?(
    argv: string[],
    io?: { stdin?: Input; stdout?: Output; stderr?: Output; env?: Record<string, string> },
  ): Promise<number>;
  /** Lets the event loop run; programs that write in a tight loop (seq, yes) call it now and then. */
  yield?(): Promise<void>;
}

export type Program = (ctx: ProcessContext) => Promise<number>;
