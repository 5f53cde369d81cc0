import type { Program } from '../program.ts';
import { forEachInput, has, last, lines, parseArgs, tryHelp, UsageError } from './util.ts';

/** A LIST of cut: `1,3`, `2-4`, `-2`, `3-`. */
function parseList(list: string): ((n: number) => boolean) | null {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || m[1] === '0') return null;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    ranges.push([a, b]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

/** cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST */
export const cut: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 's', values: 'fdcb', long: { 'fields=': 'f', 'delimiter=': 'd', 'characters=': 'c', 'bytes=': 'b', 'only-delimited': 's' } });
  if (args instanceof UsageError) return args.status;
  const fields = last(args, 'f');
  const chars = last(args, 'c') ?? last(args, 'b');
  if (fields === undefined && chars === undefined) {
    return tryHelp(ctx, 'cut', 'you must specify a list of bytes, characters, or fields').status;
  }
  const delim = last(args, 'd') ?? '\t';
  if (delim.length !== 1) return tryHelp(ctx, 'cut', 'the delimiter must be a single character').status;
  const list = parseList(fields ?? chars!);
  if (!list) {
    ctx.stderr.write(`cut: invalid field value ‘${fields ?? chars}’\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  return forEachInput(ctx, args.operands, (text) => {
    let out = '';
    for (const line of lines(text)) {
      if (fields === undefined) {
        out += [...line].filter((_, i) => list(i + 1)).join('') + '\n';
      } else if (!line.includes(delim)) {
        if (!has(args, 's')) out += line + '\n';
      } else {
        out += line.split(delim).filter((_, i) => list(i + 1)).join(delim) + '\n';
      }
    }
    ctx.stdout.write(out);
  });
};
