import type { Program, ProcessContext } from '../program.ts';
import { VfsError } from '../fs/vfs.ts';
import { has, last, parseArgs, UsageError, type OptionSpec } from './util.ts';

const SPEC: OptionSpec = { flags: 'qvf', values: 'nc', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', verbose: 'v', follow: 'f' }, numberOption: 'n' };

/** Reads each operand for head/tail, with their shared `==> name <==` headers and error texts. */
async function eachFile(
  ctx: ProcessContext,
  operands: string[],
  verbose: boolean,
  quiet: boolean,
  run: (name: string) => Promise<void>,
): Promise<number> {
  const prog = ctx.argv[0];
  const files = operands.length > 0 ? operands : ['-'];
  let status = 0;
  let first = true;
  for (const f of files) {
    if (f !== '-') {
      try {
        ctx.fs.readFile(f);
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        ctx.stderr.write(
          e.code === 'EISDIR'
            ? `${prog}: error reading '${f}': Is a directory\n`
            : `${prog}: cannot open '${f}' for reading: ${e.reason}\n`,
        );
        status = 1;
        continue;
      }
    }
    if ((files.length > 1 && !quiet) || verbose) {
      ctx.stdout.write(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
    }
    first = false;
    await run(f);
  }
  return status;
}

function count(ctx: ProcessContext, value: string | undefined, kind: 'lines' | 'bytes' = 'lines'): { n: number; sign: string } | null {
  if (value === undefined) return { n: 10, sign: '' };
  const m = /^([-+]?)(\d+)$/.exec(value);
  if (!m) {
    ctx.stderr.write(`${ctx.argv[0]}: invalid number of ${kind}: ‘${value}’\n`);
    return null;
  }
  return { n: Number(m[2]), sign: m[1] };
}

/** head [-n [-]N] [-N]: stops reading once it has its lines (so an upstream pipe sees SIGPIPE). */
export const head: Program = async (ctx) => {
  const args = parseArgs(ctx, SPEC);
  if (args instanceof UsageError) return args.status;
  const bytes = last(args, 'c');
  if (bytes !== undefined) {
    // -c N: the first N bytes (characters here; the sandbox's text is mostly ASCII).
    const b = count(ctx, bytes, 'bytes');
    if (!b) return 1;
    return eachFile(ctx, args.operands, has(args, 'v'), has(args, 'q'), async (f) => {
      const text = f === '-' ? await ctx.stdin.readAll() : ctx.fs.readFile(f);
      ctx.stdout.write(b.sign === '-' ? text.slice(0, Math.max(0, text.length - b.n)) : text.slice(0, b.n));
    });
  }
  const c = count(ctx, last(args, 'n'));
  if (!c) return 1;
  return eachFile(ctx, args.operands, has(args, 'v'), has(args, 'q'), async (f) => {
    if (f !== '-') {
      const all = ctx.fs.readFile(f).split(/(?<=\n)/);
      ctx.stdout.write((c.sign === '-' ? all.slice(0, Math.max(0, all.length - c.n)) : all.slice(0, c.n)).join(''));
      return;
    }
    if (c.sign === '-') {
      const all = (await ctx.stdin.readAll()).split(/(?<=\n)/);
      ctx.stdout.write(all.slice(0, Math.max(0, all.length - c.n)).join(''));
      return;
    }
    let left = c.n;
    while (left > 0) {
      const chunk = await ctx.stdin.read();
      if (chunk === null) break;
      const pieces = chunk.split(/(?<=\n)/);
      const take = pieces.slice(0, left);
      left -= take.filter((p) => p.endsWith('\n')).length;
      ctx.stdout.write(take.join(''));
      // Lines past the last one wanted stay unread, as a real head leaves them in the pipe.
    }
  });
};

/** tail [-n [+]N] [-N] */
export const tail: Program = async (ctx) => {
  const args = parseArgs(ctx, SPEC);
  if (args instanceof UsageError) return args.status;
  const bytes = last(args, 'c');
  const c = count(ctx, bytes ?? last(args, 'n'), bytes !== undefined ? 'bytes' : 'lines');
  if (!c) return 1;
  return eachFile(ctx, args.operands, has(args, 'v'), has(args, 'q'), async (f) => {
    const text = f === '-' ? await ctx.stdin.readAll() : ctx.fs.readFile(f);
    if (bytes !== undefined) {
      ctx.stdout.write(c.sign === '+' ? text.slice(Math.max(0, c.n - 1)) : c.n === 0 ? '' : text.slice(-c.n));
      return;
    }
    const all = text.split(/(?<=\n)/).filter((l) => l !== '');
    ctx.stdout.write((c.sign === '+' ? all.slice(Math.max(0, c.n - 1)) : c.n === 0 ? [] : all.slice(-c.n)).join(''));
  });
};
