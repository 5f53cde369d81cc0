// What `diff -u -N FROM_DIR TO_DIR` (GNU diffutils) prints for kubectl diff's two directories:
// for each file name in either directory (sorted; a missing file reads as empty, -N), a
// `diff -u -N a b` line, the `---`/`+++` header with the file's mtime, and the hunks with three
// lines of context. The line diff itself is jsdiff's (Myers, like GNU diff); where a change can be
// drawn more than one way the two may pick different lines.

import { structuredPatch } from 'diff';
import type { VirtualFs } from '../../../shell/fs/vfs.ts';

/** GNU's `@@ -l,s +l,s @@` range: `,s` left out when s is 1; an empty range names the line before. */
function range(start: number, lines: number): string {
  if (lines === 0) return `${start - 1},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}

/** The hunks of `diff -u` between two texts ('' when they are equal). */
export function unifiedHunks(from: string, to: string): string {
  if (from === to) return '';
  const patch = structuredPatch('a', 'b', from, to, '', '', { context: 3 });
  let out = '';
  for (const h of patch.hunks) {
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n`;
    for (const line of h.lines) out += line + '\n';
  }
  return out;
}

/** `2026-11-26 02:52:21.397251455 +0000`: diff's default time format (%Y-%m-%d %H:%M:%S.%N %z), in UTC. */
export function diffTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1_000_000, 9)}`;
  return `${date} ${time} +0000`;
}

/** `diff -u -N from to` over two directories: the text and diff's exit status (0 same, 1 different). */
export function diffDirectories(fs: VirtualFs, from: string, to: string): { text: string; status: number } {
  const names = [...new Set([...fs.readdir(from), ...fs.readdir(to)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let text = '';
  for (const name of names) {
    const a = `${from}/${name}`;
    const b = `${to}/${name}`;
    const hunks = unifiedHunks(read(fs, a), read(fs, b));
    if (!hunks) continue;
    text += `diff -u -N ${a} ${b}\n--- ${a}\t${stamp(fs, a)}\n+++ ${b}\t${stamp(fs, b)}\n${hunks}`;
  }
  return { text, status: text ? 1 : 0 };
}

const read = (fs: VirtualFs, p: string) => (fs.isFile(p) ? fs.readFile(p) : '');
/** A file absent on one side shows the epoch, as GNU diff prints it with -N. */
const stamp = (fs: VirtualFs, p: string) => diffTime(fs.isFile(p) ? fs.stat(p).mtime : 0);
