import type { Program } from '../program.ts';
import { VfsError } from '../fs/vfs.ts';
import { has, parseArgs, UsageError } from './util.ts';

/** tee [-a] FILE…: copies stdin to stdout and the files as it arrives. */
export const tee: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'ai', long: { append: 'a' } });
  if (args instanceof UsageError) return args.status;
  let status = 0;
  const files: string[] = [];
  for (const f of args.operands) {
    try {
      if (has(args, 'a')) ctx.fs.appendFile(f, '');
      else ctx.fs.writeFile(f, '');
      files.push(f);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr.write(`tee: ${e.message}\n`);
      status = 1;
    }
  }
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
    ctx.stdout.write(chunk);
    for (const f of files) ctx.fs.appendFile(f, chunk);
  }
  return ctx.signal.aborted ? 130 : status;
};
