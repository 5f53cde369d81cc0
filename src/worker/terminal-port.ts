// The worker's side of one terminal: a Terminal (src/shell/terminal.ts) whose lines come from the
// page's line editor and whose output goes back through the page's callbacks.

import * as Comlink from 'comlink';
import type { Terminal } from '../shell/terminal.ts';
import type { TerminalCallbacks } from './protocol.ts';

/** Output is sent at most once per this many ms (a frame), so a chatty loop is not one message per write. */
const FLUSH_MS = 16;

export class TerminalPort implements Terminal {
  readonly #callbacks: TerminalCallbacks;
  #columns: number;
  #out = '';
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #lines: (string | null)[] = [];
  #waiting: ((line: string | null) => void) | undefined;
  #interruptListeners = new Set<() => void>();
  #closed = false;

  constructor(callbacks: TerminalCallbacks, columns: number) {
    this.#callbacks = callbacks;
    this.#columns = columns;
  }

  get columns(): number {
    return this.#columns;
  }

  get closed(): boolean {
    return this.#closed;
  }

  write(data: string): void {
    if (this.#closed || data === '') return;
    this.#out += data;
    this.#flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** How many lines have been asked for: a shell that asked for none has not really run. */
  linesRead = 0;

  readLine(prompt: string): Promise<string | null> {
    this.linesRead++;
    if (this.#closed) return Promise.resolve(null);
    const queued = this.#lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    this.flush();
    send(() => this.#callbacks.prompt(prompt));
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  onInterrupt(listener: () => void): () => void {
    this.#interruptListeners.add(listener);
    return () => this.#interruptListeners.delete(listener);
  }

  clear(): void {
    if (this.#closed) return;
    this.#out = '';
    this.flush();
    send(() => this.#callbacks.clear());
  }

  // ---- driven by the page ----

  input(line: string | null): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) waiting(line);
    else this.#lines.push(line);
  }

  interrupt(): void {
    for (const listener of [...this.#interruptListeners]) {
      try {
        listener();
      } catch {
        // One broken listener must not keep Ctrl+C from the others.
      }
    }
  }

  resize(columns: number): void {
    this.#columns = columns;
  }

  flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (this.#out === '' || this.#closed) return;
    const data = this.#out;
    this.#out = '';
    send(() => this.#callbacks.output(data));
  }

  /** The page closed the terminal: end the session (readLine gives end of input) and drop output. */
  close(): void {
    this.flush();
    this.#closed = true;
    this.interrupt();
    this.input(null);
    this.#lines = [];
    // The callbacks are a comlink proxy holding a MessagePort: let it go.
    const release = (this.#callbacks as unknown as Record<symbol, unknown>)[Comlink.releaseProxy];
    if (typeof release === 'function') send(() => release.call(this.#callbacks));
  }
}

/** Callbacks are remote: a call returns a promise that rejects if the page is gone. Never let that escape. */
function send(call: () => unknown): void {
  try {
    const result = call();
    if (result && typeof (result as Promise<unknown>).catch === 'function') (result as Promise<unknown>).catch(() => {});
  } catch {
    // The page side is gone; nothing to tell.
  }
}
