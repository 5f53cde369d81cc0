import type { Program } from '../program.ts';
import { forEachInput, parseArgs, UsageError } from './util.ts';

/** cat [-n] [-A/-v: show control characters are already made visible by the terminal]. */
export const cat: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'nbsAvET', long: { number: 'n' } });
  if (args instanceof UsageError) return args.status;
  const number = args.opts.has('n');
  let n = 0;
  if (!number && args.operands.every((o) => o === '-') ) {
    // Stream stdin chunk by chunk, so `cat` in a pipeline passes lines on as they come.
    const names = args.operands.length > 0 ? args.operands : ['-'];
    for (const _ of names) {
      for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
        ctx.stdout.write(chunk);
      }
    }
    return ctx.signal.aborted ? 130 : 0;
  }
  return forEachInput(ctx, args.operands, (text) => {
    if (!number) return ctx.stdout.write(text);
    const parts = text.split('\n');
    const last = parts.pop();
    for (const line of parts) ctx.stdout.write(`${String(++n).padStart(6)}\t${line}\n`);
    if (last) ctx.stdout.write(`${String(++n).padStart(6)}\t${last}`);
  });
};
