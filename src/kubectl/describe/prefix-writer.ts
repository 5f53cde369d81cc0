// Models describe.go's PrefixWriter over tabbedString's tabwriter: each level indents two spaces,
// text passes through printers.WriteEscaped (ESC and CR made visible so object data cannot drive
// the terminal), and Flush aligns what is buffered so far on its own (DescribeEvents calls it).

import { tabwrite } from './tabwriter.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** cli-runtime printers.EscapeTerminal. */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

export interface PrefixWriter {
  write(level: number, text: string): void;
  /** fmt.Sprintln of one value: the text and a newline. */
  writeLine(text: string): void;
  flush(): void;
}

export class TabbedWriter implements PrefixWriter {
  #done: string[] = [];
  #pending = '';

  write(level: number, text: string): void {
    this.#pending += escapeTerminal('  '.repeat(level) + text);
  }
  writeLine(text: string): void {
    this.#pending += escapeTerminal(text + '\n');
  }
  flush(): void {
    if (this.#pending) this.#done.push(tabwrite(this.#pending));
    this.#pending = '';
  }
  toString(): string {
    this.flush();
    return this.#done.join('');
  }
}

/**
 * describe.NewPrefixWriter over a plain buffer (no tabwriter): tabs stay tabs. `rollout history
 * --revision` prints the pod template this way (polymorphichelpers printTemplate).
 */
export class PlainPrefixWriter implements PrefixWriter {
  #text = '';
  write(level: number, text: string): void {
    this.#text += escapeTerminal('  '.repeat(level) + text);
  }
  writeLine(text: string): void {
    this.#text += escapeTerminal(text + '\n');
  }
  flush(): void {}
  toString(): string {
    return this.#text;
  }
}

/** NewNestedPrefixWriter: adds `indent` levels to everything written through it. */
export class NestedPrefixWriter implements PrefixWriter {
  constructor(
    readonly inner: PrefixWriter,
    readonly indent: number,
  ) {}
  write(level: number, text: string): void {
    this.inner.write(level + this.indent, text);
  }
  writeLine(text: string): void {
    this.inner.write(this.indent, text + '\n');
  }
  flush(): void {
    this.inner.flush();
  }
}

/** tabbedString: run a describer body against a fresh writer and return the aligned text. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new TabbedWriter();
  body(w);
  return w.toString();
}
