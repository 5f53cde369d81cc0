import type { Program } from '../program.ts';
import { has, parseArgs, tryHelp, UsageError } from './util.ts';

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = CLASSES.upper + CLASSES.lower;
CLASSES.alnum = CLASSES.alpha + CLASSES.digit;

/** Expands a tr set: ranges `a-z`, classes `[:upper:]`, escapes `\n`. */
function expandSet(set: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(set.slice(i));
    if (cls && CLASSES[cls[1]]) {
      out.push(...CLASSES[cls[1]]);
      i += cls[0].length - 1;
      continue;
    }
    let c = set[i];
    if (c === '\\' && i + 1 < set.length) {
      const n = set[++i];
      c = ({ n: '\n', t: '\t', r: '\r', '\\': '\\' } as Record<string, string>)[n] ?? n;
    }
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const end = set[i + 2];
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) out.push(String.fromCharCode(code));
      i += 2;
      continue;
    }
    out.push(c);
  }
  return out;
}

/** tr [-d] [-s] [-c] SET1 [SET2] */
export const tr: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'dscC', long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c' } });
  if (args instanceof UsageError) return args.status;
  const [s1, s2] = args.operands;
  const del = has(args, 'd');
  const squeeze = has(args, 's');
  if (s1 === undefined) return tryHelp(ctx, 'tr', 'missing operand').status;
  if (s2 === undefined && !del && !squeeze) {
    return tryHelp(ctx, 'tr', `missing operand after ‘${s1}’\nTwo strings must be given when translating.`).status;
  }
  const set1 = expandSet(s1);
  const complement = has(args, 'c') || has(args, 'C');
  const in1 = (c: string) => set1.includes(c) !== complement;
  const set2 = s2 !== undefined ? expandSet(s2) : [];
  const text = await ctx.stdin.readAll();
  let out = '';
  let prev = '';
  for (const c of text) {
    let r: string | null = c;
    if (del && in1(c)) r = null;
    else if (!del && set2.length > 0 && in1(c)) {
      const idx = complement ? set2.length - 1 : set1.indexOf(c);
      r = set2[Math.min(idx, set2.length - 1)];
    }
    if (r === null) continue;
    const squeezeSet = del || set2.length === 0 ? (x: string) => in1(x) : (x: string) => set2.includes(x);
    if (squeeze && r === prev && squeezeSet(r)) continue;
    out += r;
    prev = r;
  }
  ctx.stdout.write(out);
  return 0;
};
