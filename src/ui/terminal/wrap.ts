// Where a position in a soft-wrapped line lands on screen, and the escape sequences that move
// there. The editor redraws "prompt + line" from its first row, so it only needs row/column math.

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[@-~]|\x1b\][^\x07]*\x07|\x1b[@-Z\\-_]/g;

/** Columns a string takes on screen. Escape sequences take none; every other code point takes one. */
export function visibleWidth(s: string): number {
  let n = 0;
  for (const _ of s.replace(ANSI, '')) n++;
  return n;
}

/** Row (from the first row of the edit area) and column of a display offset. */
export function rowCol(offset: number, columns: number): { row: number; col: number } {
  return { row: Math.floor(offset / columns), col: offset % columns };
}

/**
 * After writing `width` columns from column 0, the row the cursor ends on. Writing exactly a full
 * row leaves xterm in "pending wrap" on that row, so the editor then writes \r\n itself to put the
 * cursor where this says (the next row, column 0).
 */
export function endRow(width: number, columns: number): number {
  return Math.floor(width / columns);
}

/** Escape sequences that move the cursor from (fromRow, any column) to (row, col). */
export function moveTo(fromRow: number, row: number, col: number): string {
  let s = '';
  if (fromRow > row) s += `\x1b[${fromRow - row}A`;
  else if (row > fromRow) s += `\x1b[${row - fromRow}B`;
  s += '\r';
  if (col > 0) s += `\x1b[${col}C`;
  return s;
}
