import type { Program } from '../program.ts';
import { VfsError } from '../fs/vfs.ts';
import { has, parseArgs, UsageError } from './util.ts';

/**
 * wc [-l] [-w] [-c] [-m]. Column width follows coreutils' compute_number_width: the digits of the
 * total size of regular files, at least 7 when any input is a pipe, 1 for a single count of one input.
 */
export const wc: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'lwcm', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  if (args instanceof UsageError) return args.status;
  let show = ['l', 'w', 'm', 'c'].filter((k) => has(args, k));
  if (show.length === 0) show = ['l', 'w', 'c'];
  const files = args.operands.length > 0 ? args.operands : ['-'];
  const rows: { counts: number[]; name: string }[] = [];
  let status = 0;
  let regularTotal = 0;
  let pipe = false;
  const totals = show.map(() => 0);
  for (const f of files) {
    let text: string;
    if (f === '-') {
      text = await ctx.stdin.readAll();
      pipe = true;
    } else {
      try {
        text = ctx.fs.readFile(f);
        regularTotal += new TextEncoder().encode(text).length;
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        ctx.stderr.write(`wc: ${e.message}\n`);
        status = 1;
        if (e.code === 'EISDIR') rows.push({ counts: show.map(() => 0), name: f });
        continue;
      }
    }
    const all: Record<string, number> = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(text).length,
      m: [...text].length,
    };
    const counts = show.map((k) => all[k]);
    counts.forEach((n, i) => (totals[i] += n));
    rows.push({ counts, name: f === '-' ? '' : f });
  }
  if (files.length > 1) rows.push({ counts: totals, name: 'total' });
  let width = String(regularTotal).length;
  if (pipe) width = Math.max(width, 7);
  if (show.length === 1 && files.length === 1) width = 1;
  for (const r of rows) {
    const nums = r.counts.map((n) => String(n).padStart(width)).join(' ');
    ctx.stdout.write(r.name ? `${nums} ${r.name}\n` : `${nums}\n`);
  }
  return status;
};
