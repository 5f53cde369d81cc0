// mkdir, rmdir, rm, cp, mv, touch: the file-changing coreutils, with GNU's message for each failure.
import type { Program, ProcessContext } from '../program.ts';
import { VfsError } from '../fs/vfs.ts';
import { basename } from '../fs/path.ts';
import { has, parseArgs, q, tryHelp, UsageError } from './util.ts';

function fail(ctx: ProcessContext, message: string): number {
  ctx.stderr.write(`${ctx.argv[0]}: ${message}\n`);
  return 1;
}

function reason(e: unknown): string {
  if (e instanceof VfsError) return e.reason;
  throw e;
}

export const mkdir: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'pv', values: 'm', long: { parents: 'p', verbose: 'v', 'mode=': 'm' } });
  if (args instanceof UsageError) return args.status;
  if (args.operands.length === 0) return tryHelp(ctx, 'mkdir', 'missing operand').status;
  let status = 0;
  for (const d of args.operands) {
    try {
      if (has(args, 'p') && ctx.fs.isDir(d)) continue;
      ctx.fs.mkdir(d, { parents: has(args, 'p') });
      if (has(args, 'v')) ctx.stdout.write(`mkdir: created directory '${d}'\n`);
    } catch (e) {
      status = fail(ctx, `cannot create directory ‘${d}’: ${reason(e)}`);
    }
  }
  return status;
};

export const rmdir: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'p' });
  if (args instanceof UsageError) return args.status;
  if (args.operands.length === 0) return tryHelp(ctx, 'rmdir', 'missing operand').status;
  let status = 0;
  for (const d of args.operands) {
    try {
      ctx.fs.rmdir(d);
    } catch (e) {
      status = fail(ctx, `failed to remove ${q(d)}: ${reason(e)}`);
    }
  }
  return status;
};

export const rm: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'rRfvid', long: { recursive: 'r', force: 'f', verbose: 'v', dir: 'd' } });
  if (args instanceof UsageError) return args.status;
  const force = has(args, 'f');
  const recursive = has(args, 'r') || has(args, 'R');
  if (args.operands.length === 0) return force ? 0 : tryHelp(ctx, 'rm', 'missing operand').status;
  let status = 0;
  for (const p of args.operands) {
    if (/(^|\/)\.\.?\/?$/.test(p)) {
      status = fail(ctx, `refusing to remove '.' or '..' directory: skipping ${q(p)}`);
      continue;
    }
    if (ctx.fs.resolve(p) === '/') {
      status = fail(ctx, `it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe`);
      continue;
    }
    if (!ctx.fs.exists(p)) {
      if (!force) status = fail(ctx, `cannot remove ${q(p)}: No such file or directory`);
      continue;
    }
    if (ctx.fs.isDir(p) && !recursive) {
      if (has(args, 'd')) {
        try {
          ctx.fs.rmdir(p);
        } catch (e) {
          status = fail(ctx, `cannot remove ${q(p)}: ${reason(e)}`);
        }
        continue;
      }
      status = fail(ctx, `cannot remove ${q(p)}: Is a directory`);
      continue;
    }
    try {
      ctx.fs.rm(p, { recursive });
      if (has(args, 'v')) ctx.stdout.write(`removed ${ctx.fs.exists(p) ? 'directory ' : ''}${q(p)}\n`);
    } catch (e) {
      status = fail(ctx, `cannot remove ${q(p)}: ${reason(e)}`);
    }
  }
  return status;
};

export const cp: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'rRafvip', long: { recursive: 'r', archive: 'a', force: 'f', verbose: 'v' } });
  if (args instanceof UsageError) return args.status;
  const ops = args.operands;
  if (ops.length === 0) return tryHelp(ctx, 'cp', 'missing file operand').status;
  if (ops.length === 1) return tryHelp(ctx, 'cp', `missing destination file operand after ${q(ops[0])}`).status;
  const dest = ops[ops.length - 1];
  const sources = ops.slice(0, -1);
  if (sources.length > 1 && !ctx.fs.isDir(dest)) return fail(ctx, `target ${q(dest)}: Not a directory`);
  const recursive = has(args, 'r') || has(args, 'R') || has(args, 'a');
  let status = 0;
  for (const src of sources) {
    if (!ctx.fs.exists(src)) {
      status = fail(ctx, `cannot stat ${q(src)}: No such file or directory`);
      continue;
    }
    if (ctx.fs.isDir(src) && !recursive) {
      status = fail(ctx, `-r not specified; omitting directory ${q(src)}`);
      continue;
    }
    const target = ctx.fs.isDir(dest) ? `${dest.replace(/\/$/, '')}/${basename(src)}` : dest;
    if (ctx.fs.resolve(src) === ctx.fs.resolve(target)) {
      status = fail(ctx, `${q(src)} and ${q(target)} are the same file`);
      continue;
    }
    try {
      ctx.fs.cp(src, dest, { recursive });
    } catch (e) {
      if (e instanceof VfsError && e.code === 'EINVAL') {
        status = fail(ctx, `cannot copy a directory, ${q(src)}, into itself, ${q(target)}`);
      } else status = fail(ctx, `cannot create regular file ${q(target)}: ${reason(e)}`);
    }
  }
  return status;
};

export const mv: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'fivn', long: { force: 'f', verbose: 'v' } });
  if (args instanceof UsageError) return args.status;
  const ops = args.operands;
  if (ops.length === 0) return tryHelp(ctx, 'mv', 'missing file operand').status;
  if (ops.length === 1) return tryHelp(ctx, 'mv', `missing destination file operand after ${q(ops[0])}`).status;
  const dest = ops[ops.length - 1];
  const sources = ops.slice(0, -1);
  if (sources.length > 1 && !ctx.fs.isDir(dest)) return fail(ctx, `target ${q(dest)}: Not a directory`);
  let status = 0;
  for (const src of sources) {
    if (!ctx.fs.exists(src)) {
      status = fail(ctx, `cannot stat ${q(src)}: No such file or directory`);
      continue;
    }
    const target = ctx.fs.isDir(dest) ? `${dest.replace(/\/$/, '')}/${basename(src)}` : dest;
    try {
      ctx.fs.mv(src, dest);
    } catch (e) {
      if (e instanceof VfsError && e.code === 'EINVAL') {
        status = fail(ctx, `cannot move ${q(src)} to a subdirectory of itself, ${q(target)}`);
      } else status = fail(ctx, `cannot move ${q(src)} to ${q(target)}: ${reason(e)}`);
    }
  }
  return status;
};

export const touch: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'acm' });
  if (args instanceof UsageError) return args.status;
  if (args.operands.length === 0) return tryHelp(ctx, 'touch', 'missing file operand').status;
  let status = 0;
  for (const f of args.operands) {
    try {
      if (has(args, 'c') && !ctx.fs.exists(f)) continue;
      ctx.fs.touch(f);
    } catch (e) {
      status = fail(ctx, `cannot touch ${q(f)}: ${reason(e)}`);
    }
  }
  return status;
};
