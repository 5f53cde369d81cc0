// The Terminal of the interactive CLI: Node's readline on the real TTY (line editing, history,
// Tab completion through the shell), Ctrl+C to the running program, Ctrl+D as end of input.

import * as readline from 'node:readline';
import type { Terminal } from '../shell/terminal.ts';

export interface TtyTerminalOptions {
  complete?: (line: string, cursor: number) => Promise<{ replaceFrom: number; candidates: string[] }>;
}

export class TtyTerminal implements Terminal {
  #rl: readline.Interface;
  #waiting: ((line: string | null) => void) | undefined;
  #queue: (string | null)[] = [];
  #interrupts = new Set<() => void>();
  #closed = false;

  constructor(opts: TtyTerminalOptions = {}) {
    this.#rl = readline.createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY === true,
      historySize: 1000,
      completer: opts.complete
        ? (line: string, callback: (err: null, result: [string[], string]) => void) => {
            opts.complete!(line, line.length).then(
              (c) => callback(null, [c.candidates, line.slice(c.replaceFrom)]),
              () => callback(null, [[], line]),
            );
          }
        : undefined,
    });
    this.#rl.on('line', (line) => this.#deliver(line));
    this.#rl.on('close', () => {
      this.#closed = true;
      this.#deliver(null);
    });
    this.#rl.on('SIGINT', () => {
      if (this.#waiting) {
        // At the prompt, Ctrl+C abandons the line, as bash does.
        process.stdout.write('^C\n');
        this.#rl.write(null, { ctrl: true, name: 'u' });
        this.#rl.prompt();
      } else {
        // The shell echoes ^C for a running program (see ShellSession).
        for (const l of [...this.#interrupts]) l();
      }
    });
  }

  get columns(): number {
    return process.stdout.columns ?? 80;
  }

  #deliver(line: string | null): void {
    const w = this.#waiting;
    if (w) {
      this.#waiting = undefined;
      w(line);
    } else this.#queue.push(line);
  }

  write(data: string): void {
    process.stdout.write(data);
  }

  readLine(prompt: string): Promise<string | null> {
    if (this.#queue.length) return Promise.resolve(this.#queue.shift()!);
    if (this.#closed) return Promise.resolve(null);
    this.#rl.setPrompt(prompt);
    this.#rl.prompt();
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  onInterrupt(listener: () => void): () => void {
    this.#interrupts.add(listener);
    return () => this.#interrupts.delete(listener);
  }

  clear(): void {
    process.stdout.write('\x1b[2J\x1b[H');
  }

  close(): void {
    this.#rl.close();
  }
}
