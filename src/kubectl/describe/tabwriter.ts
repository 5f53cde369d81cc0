// Models Go's text/tabwriter as describe.go's tabbedString configures it:
// tabwriter.NewWriter(buf, minwidth 0, tabwidth 8, padding 2, padchar ' ', flags 0).
// A cell is text ended by a tab; the text after a line's last tab is not in any column. A column
// block is a run of consecutive lines that all have a cell in that column; its width is the widest
// cell + padding. Blocks nest left to right, so a line with fewer cells ends the blocks of the
// columns it lacks (that is why `Events:\t<none>` lines up with the fields above it, while the
// events table below its `Events:` header aligns on its own).

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
  padchar: string;
}

export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2, padchar: ' ' };

interface Cell {
  text: string;
  width: number; // runes, as utf8.RuneCount
}

/** Aligns `text` (lines of tab-terminated cells) the way one Flush of a Go tabwriter would. */
export function tabwrite(text: string, opts: TabwriterOptions = DESCRIBE_TABWRITER): string {
  const lines: Cell[][] = text.split('\n').map((line) =>
    line.split('\t').map((t) => ({ text: t, width: [...t].length })),
  );
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      line.forEach((c, j) => {
        out.push(c.text);
        // The last cell of a line is never padded (it is not in a column).
        if (j < widths.length && j < line.length - 1) out.push(opts.padchar.repeat(widths[j] - c.width));
      });
      if (i + 1 < lines.length) out.push('\n');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) continue;
      // A cell exists in this column: print the lines above, then measure the block.
      writeLines(line0, cur);
      line0 = cur;
      let width = opts.minwidth;
      for (; cur < line1; cur++) {
        const line = lines[cur];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + opts.padding);
      }
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}
