// The Terminal a shell inside a Pod talks to when kubectl exec/attach carries it over a stream:
// output goes back as `stdout` chunks; a line is read from the client's stdin. In TTY mode each
// read sends its prompt first (kubectl shows it in the learner's line editor) and ETX/EOT from the
// client are Ctrl+C and Ctrl+D; without a TTY stdin is plain bytes, split into lines, and the
// prompt is not shown (as `sh` reading a pipe prints none).

import type { StreamListener } from '../../cluster/apiserver/types.ts';
import type { Terminal } from '../../shell/terminal.ts';
import { CTRL_C, CTRL_D, send } from '../../kubectl/commands/exec/protocol.ts';

export class StreamTerminal implements Terminal {
  readonly columns = 80;
  #lines: (string | null)[] = [];
  #partial = '';
  #eof = false;
  #closed = false;
  #waiting: ((line: string | null) => void) | null = null;
  #interrupts = new Set<() => void>();

  constructor(
    private readonly listener: StreamListener,
    private readonly tty: boolean,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  write(data: string): void {
    if (!this.#closed && data !== '') this.listener.data(data, 'stdout');
  }

  readLine(prompt: string): Promise<string | null> {
    if (this.#lines.length > 0) return Promise.resolve(this.#lines.shift()!);
    if (this.#eof || this.#closed) return Promise.resolve(null);
    if (this.tty) send(this.listener, prompt, 'prompt');
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  onInterrupt(listener: () => void): () => void {
    this.#interrupts.add(listener);
    return () => this.#interrupts.delete(listener);
  }

  clear(): void {
    this.write('\x1b[H\x1b[2J');
  }

  /** Bytes from the client (stdin). */
  input(data: string): void {
    if (this.tty) {
      for (const part of data.split(/(\x03|\x04)/)) {
        if (part === CTRL_C) for (const l of [...this.#interrupts]) l();
        else if (part === CTRL_D) this.#deliver(this.#partial === '' ? null : this.#take());
        else this.#push(part);
      }
      return;
    }
    this.#push(data);
  }

  /** EOF on stdin. */
  closeWrite(): void {
    if (this.#partial !== '') this.#deliver(this.#take());
    this.#eof = true;
    this.#deliver(null);
  }

  /** The client went away: reads end, running commands are interrupted, output is dropped. */
  close(): void {
    if (this.#closed) return;
    for (const l of [...this.#interrupts]) l();
    this.#closed = true;
    this.#eof = true;
    this.#deliver(null);
  }

  #take(): string {
    const p = this.#partial;
    this.#partial = '';
    return p;
  }

  #push(text: string): void {
    this.#partial += text;
    let nl: number;
    while ((nl = this.#partial.indexOf('\n')) >= 0) {
      const line = this.#partial.slice(0, nl);
      this.#partial = this.#partial.slice(nl + 1);
      this.#deliver(line);
    }
  }

  #deliver(line: string | null): void {
    const w = this.#waiting;
    if (w) {
      this.#waiting = null;
      w(line);
    } else if (line !== null || !this.#eof) this.#lines.push(line);
  }
}
