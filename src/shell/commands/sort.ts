import type { Program } from '../program.ts';
import { forEachInput, has, lines, parseArgs, tryHelp, UsageError, type OptionSpec } from './util.ts';

const SPEC: OptionSpec = {
  flags: 'nrufbh',
  values: 'kto',
  long: { 'numeric-sort': 'n', reverse: 'r', unique: 'u', 'ignore-case': 'f', 'key=': 'k', 'field-separator=': 't' },
  usageStatus: 2,
};

interface Key {
  start: number;
  end: number | null;
  numeric: boolean;
  reverse: boolean;
}

/** sort [-n] [-r] [-u] [-f] [-k N[,M][n][r]] [-t SEP]: stable byte order by default (C.UTF-8). */
export const sort: Program = async (ctx) => {
  const args = parseArgs(ctx, SPEC);
  if (args instanceof UsageError) return args.status;
  const sep = args.opts.get('t')?.at(-1);
  const keys: Key[] = [];
  for (const k of args.opts.get('k') ?? []) {
    const m = /^(\d+)(?:\.\d+)?([nr]*)(?:,(\d+)(?:\.\d+)?([nr]*))?$/.exec(k);
    if (!m || m[1] === '0') return tryHelp(ctx, 'sort', `invalid number at field start: invalid count at start of '${k}'`, SPEC).status;
    const opts = (m[2] ?? '') + (m[4] ?? '');
    keys.push({ start: Number(m[1]), end: m[3] ? Number(m[3]) : null, numeric: opts.includes('n'), reverse: opts.includes('r') });
  }
  const all: string[] = [];
  const status = await forEachInput(ctx, args.operands, (text) => void all.push(...lines(text)), (name, e) =>
    e.code === 'EISDIR' ? `read failed: ${name}: ${e.reason}` : `cannot read: ${name}: ${e.reason}`,
  );
  if (status !== 0) return 2;
  const numeric = has(args, 'n') || has(args, 'h');
  const fold = has(args, 'f');
  const field = (line: string, k: Key): string => {
    const parts = sep !== undefined ? line.split(sep) : line.split(/(?<=\S)(?=\s)/);
    const end = k.end ?? parts.length;
    const text = parts.slice(k.start - 1, end).join(sep ?? '');
    return sep === undefined && !k.numeric ? text : text;
  };
  const cmpText = (a: string, b: string, num: boolean): number => {
    if (num) {
      const x = parseFloat(a.trim()) || 0;
      const y = parseFloat(b.trim()) || 0;
      if (x !== y) return x < y ? -1 : 1;
      return 0;
    }
    const A = fold ? a.toUpperCase() : a;
    const B = fold ? b.toUpperCase() : b;
    return A < B ? -1 : A > B ? 1 : 0;
  };
  const compare = (a: string, b: string): number => {
    for (const k of keys) {
      const c = cmpText(field(a, k), field(b, k), k.numeric || numeric);
      if (c !== 0) return k.reverse ? -c : c;
    }
    if (keys.length === 0) {
      const c = cmpText(a, b, numeric);
      if (c !== 0) return c;
    }
    // The last-resort comparison of whole lines, as GNU sort does without -s.
    if (has(args, 'u')) return 0;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let sorted = all.sort(compare);
  if (has(args, 'r')) sorted = sorted.reverse();
  if (has(args, 'u')) sorted = sorted.filter((l, i) => i === 0 || compare(sorted[i - 1], l) !== 0);
  const out = sorted.join('\n');
  if (args.opts.has('o')) {
    ctx.fs.writeFile(args.opts.get('o')!.at(-1)!, out ? out + '\n' : '');
    return 0;
  }
  if (out) ctx.stdout.write(out + '\n');
  return 0;
};
