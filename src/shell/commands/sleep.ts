import type { Program } from '../program.ts';
import { tryHelp } from './util.ts';

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** sleep NUMBER[smhd]…: the sum, on the sandbox clock; Ctrl+C stops it with 130. */
export const sleep: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) return tryHelp(ctx, 'sleep', 'missing operand').status;
  let seconds = 0;
  for (const a of args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return tryHelp(ctx, 'sleep', `invalid time interval ‘${a}’`).status;
    seconds += Number(m[1]) * UNITS[m[2]];
  }
  try {
    await ctx.sleep(Math.round(seconds * 1000));
  } catch {
    return 130;
  }
  return ctx.signal.aborted ? 130 : 0;
};
