// In-memory streams between programs and the terminal. Pipes stream: what one program writes is
// readable by the next at once, so `kubectl get -w | grep x` shows lines as they come.

import type { Input, Output } from '../program.ts';
import type { Terminal } from '../terminal.ts';
import type { VirtualFs } from '../fs/vfs.ts';
import { sanitize } from '../sanitize.ts';

/** Thrown by a write whose reader has gone (bash's SIGPIPE); the writer's stage ends with 141. */
export class BrokenPipe extends Error {
  constructor() {
    super('Broken pipe');
    this.name = 'BrokenPipe';
  }
}

/**
 * Every input the shell hands out: adds line reading with a push-back buffer, so `read` can take
 * one line and leave the rest for the next command of a `while read` loop.
 */
export abstract class ShellInput implements Input {
  #pending = '';
  abstract readonly isTTY: boolean;
  protected abstract pull(): Promise<string | null>;

  async read(): Promise<string | null> {
    if (this.#pending) {
      const p = this.#pending;
      this.#pending = '';
      return p;
    }
    return this.pull();
  }

  async readAll(): Promise<string> {
    let out = '';
    for (let chunk = await this.read(); chunk !== null; chunk = await this.read()) out += chunk;
    return out;
  }

  /** One line including its `\n` (the last may lack it), or null at end of input. */
  async readLine(): Promise<string | null> {
    let buf = '';
    for (;;) {
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        this.unread(buf.slice(nl + 1));
        return buf.slice(0, nl + 1);
      }
      const chunk = await this.read();
      if (chunk === null) return buf === '' ? null : buf;
      buf += chunk;
    }
  }

  unread(text: string): void {
    this.#pending = text + this.#pending;
  }
}

export class StringInput extends ShellInput {
  readonly isTTY = false;
  #text: string | null;
  constructor(text: string) {
    super();
    this.#text = text;
  }
  protected async pull(): Promise<string | null> {
    const t = this.#text;
    this.#text = null;
    return t === '' ? null : t;
  }
}

export class EmptyInput extends StringInput {
  constructor() {
    super('');
  }
}

/** Lines typed at the terminal while a foreground program reads stdin (`cat` with no file). */
export class TerminalInput extends ShellInput {
  readonly isTTY = true;
  #eof = false;
  constructor(
    readonly terminal: Terminal,
    readonly signal: AbortSignal,
  ) {
    super();
  }
  protected async pull(): Promise<string | null> {
    if (this.#eof || this.signal.aborted) return null;
    const aborted = new Promise<null>((resolve) =>
      this.signal.addEventListener('abort', () => resolve(null), { once: true }),
    );
    const line = await Promise.race([this.terminal.readLine(''), aborted]);
    if (line === null) {
      this.#eof = true;
      return null;
    }
    return line + '\n';
  }
}

export class Pipe {
  #chunks: string[] = [];
  #waiter: ((chunk: string | null) => void) | null = null;
  #writerClosed = false;
  #readerClosed = false;

  write(data: string): void {
    if (this.#readerClosed) throw new BrokenPipe();
    if (data === '') return;
    if (this.#waiter) {
      const w = this.#waiter;
      this.#waiter = null;
      w(data);
    } else this.#chunks.push(data);
  }

  read(): Promise<string | null> {
    if (this.#chunks.length > 0) return Promise.resolve(this.#chunks.splice(0).join(''));
    if (this.#writerClosed) return Promise.resolve(null);
    return new Promise((resolve) => (this.#waiter = resolve));
  }

  closeWriter(): void {
    this.#writerClosed = true;
    if (this.#waiter) {
      const w = this.#waiter;
      this.#waiter = null;
      w(null);
    }
  }

  closeReader(): void {
    this.#readerClosed = true;
    this.#chunks = [];
  }

  get readerClosed(): boolean {
    return this.#readerClosed;
  }
}

export class PipeInput extends ShellInput {
  readonly isTTY = false;
  constructor(readonly pipe: Pipe) {
    super();
  }
  protected pull(): Promise<string | null> {
    return this.pipe.read();
  }
}

export class PipeOutput implements Output {
  readonly isTTY = false;
  constructor(readonly pipe: Pipe) {}
  write(data: string): void {
    this.pipe.write(data);
  }
}

/** Program output on the screen, sanitised because programs echo user data. */
export class TerminalOutput implements Output {
  readonly isTTY = true;
  constructor(readonly terminal: Terminal) {}
  write(data: string): void {
    if (data) this.terminal.write(sanitize(data));
  }
}

/** Collects output: command substitution, tests. */
export class BufferOutput implements Output {
  readonly isTTY = false;
  text = '';
  write(data: string): void {
    this.text += data;
  }
}

export class NullOutput implements Output {
  readonly isTTY = false;
  write(): void {}
}

/** `> file` and `>> file`: each write lands in the file at once, as with a real file descriptor. */
export class FileOutput implements Output {
  readonly isTTY = false;
  constructor(
    readonly fs: VirtualFs,
    readonly path: string,
  ) {}
  write(data: string): void {
    if (data) this.fs.appendFile(this.path, data);
  }
}
