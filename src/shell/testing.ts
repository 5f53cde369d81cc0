// Test helpers other modules reuse: an in-memory Terminal fed with scripted lines, and one-call
// runners. Pure TS, no Node APIs, so they work in vitest and in the worker alike.

import type { Terminal } from './terminal.ts';
import { ShellSession, type ShellSessionOptions } from './session.ts';

export class MemoryTerminal implements Terminal {
  /** Everything written, prompts included (as a line editor would show them). */
  output = '';
  /** Prompts passed to readLine, in order. */
  readonly prompts: string[] = [];
  columns = 80;
  clears = 0;
  #lines: string[];
  #listeners = new Set<() => void>();
  #waiting: ((line: string | null) => void) | null = null;
  /** When true, readLine waits for `type()` instead of answering null once the script runs out. */
  keepOpen = false;
  /** Echo prompts and typed lines into `output`, like a real screen. */
  echo: boolean;

  constructor(lines: string[] = [], options: { echo?: boolean } = {}) {
    this.#lines = [...lines];
    this.echo = options.echo ?? true;
  }

  write(data: string): void {
    this.output += data;
  }

  readLine(prompt: string): Promise<string | null> {
    this.prompts.push(prompt);
    if (this.echo) this.output += prompt;
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(this.#echoed(line));
    if (!this.keepOpen) return Promise.resolve(this.#echoed(null));
    return new Promise((resolve) => (this.#waiting = (l) => resolve(this.#echoed(l))));
  }

  #echoed(line: string | null): string | null {
    if (this.echo && line !== null) this.output += line + '\n';
    return line;
  }

  /** Types a line (or Ctrl+D with null) for a pending or future readLine. */
  type(line: string | null): void {
    if (this.#waiting) {
      const w = this.#waiting;
      this.#waiting = null;
      w(line);
    } else if (line !== null) this.#lines.push(line);
  }

  onInterrupt(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Ctrl+C. */
  interrupt(): void {
    for (const l of [...this.#listeners]) l();
  }

  clear(): void {
    this.clears++;
  }

  /** Output since the last call. */
  take(): string {
    const out = this.output;
    this.output = '';
    return out;
  }
}

/** Runs one command line in a session (a fresh one unless given); returns what it printed. */
export async function run(
  line: string,
  session: ShellSession = new ShellSession(),
): Promise<{ output: string; status: number; session: ShellSession }> {
  const terminal = new MemoryTerminal([], { echo: false });
  const status = await session.runLine(line, terminal);
  return { output: terminal.output, status, session };
}

/** Runs a scripted interactive session through its REPL; returns the screen and exit status. */
export async function runRepl(
  lines: string[],
  options: ShellSessionOptions = {},
): Promise<{ output: string; status: number; session: ShellSession }> {
  const session = new ShellSession(options);
  const terminal = new MemoryTerminal(lines);
  const status = await session.repl(terminal);
  return { output: terminal.output, status, session };
}
