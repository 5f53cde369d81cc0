import type { Program } from '../program.ts';
import { has, last, parseArgs, UsageError } from './util.ts';

/** Splits xargs input into items: blanks and newlines separate; quotes and backslashes group. */
function items(text: string): string[] {
  const out: string[] = [];
  const re = /(?:[^\s"'\\]|\\.|"[^"]*"|'[^']*')+/g;
  for (const m of text.matchAll(re)) out.push(m[0].replace(/\\(.)|"([^"]*)"|'([^']*)'/g, (_, a, b, c) => a ?? b ?? c ?? ''));
  return out;
}

/** xargs [-n N] [-I STR] [-0] [-t] [COMMAND [ARG…]] (default echo). */
export const xargs: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: '0tr', values: 'nIL' });
  if (args instanceof UsageError) return args.status;
  if (!ctx.exec) {
    ctx.stderr.write('xargs: cannot run commands here\n');
    return 1;
  }
  const command = args.operands.length > 0 ? args.operands : ['echo'];
  const text = await ctx.stdin.readAll();
  const replace = last(args, 'I');
  const list = replace !== undefined
    ? text.split('\n').map((l) => l.trim()).filter(Boolean)
    : has(args, '0') ? text.split('\0').filter(Boolean) : items(text);
  if (list.length === 0 && (has(args, 'r') || replace !== undefined)) return 0;
  const per = replace !== undefined ? 1 : Number(last(args, 'n') ?? last(args, 'L') ?? Infinity);
  let status = 0;
  for (let i = 0; i === 0 || i < list.length; i += per) {
    const batch = list.slice(i, i + per);
    const argv = replace !== undefined
      ? command.map((a) => a.split(replace).join(batch[0] ?? ''))
      : [...command, ...batch];
    if (has(args, 't')) ctx.stderr.write(argv.join(' ') + '\n');
    const code = await ctx.exec(argv, { stdin: { read: async () => null, readAll: async () => '', isTTY: false } });
    if (code === 127) return 127;
    if (code !== 0) status = 123;
    if (ctx.signal.aborted) return 130;
  }
  return status;
};
