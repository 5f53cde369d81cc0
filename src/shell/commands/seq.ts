import type { Program } from '../program.ts';
import { tryHelp } from './util.ts';

/** seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST */
export const seq: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let sep = '\n';
  let equalWidth = false;
  const nums: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-s') sep = args[++i] ?? '';
    else if (a.startsWith('-s')) sep = a.slice(2);
    else if (a === '-w') equalWidth = true;
    else nums.push(a);
  }
  if (nums.length === 0) return tryHelp(ctx, 'seq', 'missing operand').status;
  if (nums.length > 3) return tryHelp(ctx, 'seq', `extra operand ‘${nums[3]}’`).status;
  for (const n of nums) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(n)) {
      return tryHelp(ctx, 'seq', `invalid floating point argument: ‘${n}’`).status;
    }
  }
  const [first, step, lastN] =
    nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums;
  const a = Number(first), inc = Number(step), z = Number(lastN);
  if (inc === 0) return tryHelp(ctx, 'seq', `invalid Zero increment value: ‘${step}’`).status;
  const decimals = Math.max(...[first, step].map((s) => (s.includes('.') ? s.split('.')[1].length : 0)));
  const fmt = (v: number) => (decimals > 0 ? v.toFixed(decimals) : String(Math.round(v)));
  const width = equalWidth ? Math.max(fmt(a).length, fmt(z).length) : 0;
  let out = '';
  let count = 0;
  for (let i = 0; ; i++) {
    const v = a + i * inc;
    if (inc > 0 ? v > z + 1e-9 : v < z - 1e-9) break;
    out += (count > 0 ? sep : '') + fmt(v).padStart(width, '0');
    count++;
    // Flush in batches so `seq 1 1000000 | head -3` streams and can be stopped.
    if (count % 1000 === 0) {
      ctx.stdout.write(out);
      out = '';
      await ctx.yield?.();
      if (ctx.signal.aborted) return 130;
    }
  }
  if (count > 0) out += '\n';
  ctx.stdout.write(out);
  return 0;
};
