import type { Program } from '../program.ts';
import { forEachInput, has, lines, parseArgs, UsageError } from './util.ts';

/** uniq [-c] [-d] [-u] [-i] [INPUT]: adjacent duplicates only, as the real one. */
export const uniq: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
  if (args instanceof UsageError) return args.status;
  const input = args.operands.slice(0, 1);
  let all: string[] = [];
  const status = await forEachInput(ctx, input, (text) => void (all = lines(text)), (name, e) =>
    e.code === 'EISDIR' ? `error reading '${name}'` : `${name}: ${e.reason}`,
  );
  if (status !== 0) return 1;
  const same = (a: string, b: string) => (has(args, 'i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; n: number }[] = [];
  for (const l of all) {
    const g = groups[groups.length - 1];
    if (g && same(g.line, l)) g.n++;
    else groups.push({ line: l, n: 1 });
  }
  const out = groups
    .filter((g) => (has(args, 'd') ? g.n > 1 : true) && (has(args, 'u') ? g.n === 1 : true))
    .map((g) => (has(args, 'c') ? `${String(g.n).padStart(7)} ${g.line}` : g.line));
  const text = out.length ? out.join('\n') + '\n' : '';
  if (args.operands[1] !== undefined) ctx.fs.writeFile(args.operands[1], text);
  else ctx.stdout.write(text);
  return 0;
};
