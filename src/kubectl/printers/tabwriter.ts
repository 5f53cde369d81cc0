// Port of github.com/liggitt/tabwriter (Go's text/tabwriter plus RememberWidths), configured as
// cli-runtime's GetNewTabWriter: minwidth 6, padding 3, pad char ' ', RememberWidths. Column
// widths are the widest cell + 3 (at least 6), per block of consecutive lines that have the column;
// the last cell of a line is not part of any column. Widths are remembered across flushes so that
// rows streamed by `get -w` stay aligned with the header.

import type { Output } from '../../shell/program.ts';

interface Cell {
  text: string;
  width: number; // rune count
  htab: boolean;
}

const MIN_WIDTH = 6;
const PADDING = 3;

export class TabWriter {
  #lines: Cell[][] = [[]];
  #cell = '';
  #widths: number[] = [];
  #maxwidths: number[] = [];
  #out: string[] = [];
  readonly #sink: (s: string) => void;

  constructor(sink: Output | ((s: string) => void)) {
    this.#sink = typeof sink === 'function' ? sink : (s) => sink.write(s);
  }

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
        this.#cell += text.slice(start, i);
        start = i + 1;
        const ncells = this.#terminateCell(ch === '\t');
        if (ch === '\n' || ch === '\f') {
          this.#lines.push([]);
          // A line with one cell cannot affect the layout of later lines: flush what we have.
          if (ch === '\f' || ncells === 1) this.flush();
        }
      }
    }
    this.#cell += text.slice(start);
  }

  flush(): void {
    if (this.#cell.length > 0) this.#terminateCell(false);
    this.#format(0, this.#lines.length);
    this.#lines = [[]];
    this.#cell = '';
    this.#widths = [];
    if (this.#out.length) {
      this.#sink(this.#out.join(''));
      this.#out = [];
    }
  }

  rememberedWidths(): number[] {
    return [...this.#maxwidths];
  }
  setRememberedWidths(widths: number[] | null): void {
    this.#maxwidths = widths ? [...widths] : [];
  }

  #terminateCell(htab: boolean): number {
    const line = this.#lines[this.#lines.length - 1];
    line.push({ text: this.#cell, width: [...this.#cell].length, htab });
    this.#cell = '';
    return line.length;
  }

  #format(line0: number, line1: number): void {
    const column = this.#widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.#lines[cur].length - 1) continue;
      this.#writeLines(line0, cur);
      line0 = cur;
      let width = MIN_WIDTH;
      for (; cur < line1; cur++) {
        const line = this.#lines[cur];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + PADDING);
      }
      // RememberWidths: a column never shrinks below what an earlier flush printed.
      if (this.#maxwidths.length < this.#widths.length) this.#maxwidths.push(...this.#widths.slice(this.#maxwidths.length));
      if (this.#maxwidths.length === this.#widths.length) this.#maxwidths.push(width);
      else if (this.#maxwidths[column] > width) width = this.#maxwidths[column];
      else if (this.#maxwidths[column] < width) this.#maxwidths[column] = width;

      this.#widths.push(width);
      this.#format(line0, cur);
      this.#widths.pop();
      line0 = cur; // (Go's loop then skips line `cur`: it has no cell in this column anyway)
    }
    this.#writeLines(line0, line1);
  }

  #writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.#lines[i];
      line.forEach((c, j) => {
        this.#out.push(c.text);
        if (j < this.#widths.length) this.#out.push(' '.repeat(this.#widths[j] - c.width));
      });
      if (i + 1 < this.#lines.length) this.#out.push('\n');
    }
  }
}
