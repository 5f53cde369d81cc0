// What most coreutils-like programs share: GNU getopt-style option parsing (options may follow
// operands, `-abc` bundles, `-n5` and `-n 5`, `--`), GNU's error texts, and reading operands that
// are files or `-` for stdin.

import type { ProcessContext } from '../program.ts';
import { VfsError } from '../fs/vfs.ts';

export interface OptionSpec {
  /** Short options without a value, e.g. 'ivcnEow'. */
  flags?: string;
  /** Short options that take a value, e.g. 'nk'. */
  values?: string;
  /** Long options: name → the short letter (or a long-only key) they stand for, `=` suffix for a value. */
  long?: Record<string, string>;
  /** The exit status for usage errors (1 for most coreutils, 2 for grep and sort). */
  usageStatus?: number;
  /** grep prints its usage line before the "Try" line. */
  usageLine?: string;
  /** Treat `-5` as `-n 5` (head, tail). */
  numberOption?: string;
}

export interface ParsedArgs {
  /** Each option's values in order (flags get 'true'). */
  opts: Map<string, string[]>;
  operands: string[];
}

export class UsageError {
  constructor(readonly status: number) {}
}

export function tryHelp(ctx: ProcessContext, prog: string, message: string, spec: OptionSpec = {}): UsageError {
  ctx.stderr.write(`${prog}: ${message}\n${spec.usageLine ? spec.usageLine + '\n' : ''}Try '${prog} --help' for more information.\n`);
  return new UsageError(spec.usageStatus ?? 1);
}

/** Parses argv[1…]; on a usage error prints GNU's message and returns a UsageError. */
export function parseArgs(ctx: ProcessContext, spec: OptionSpec): ParsedArgs | UsageError {
  const prog = ctx.argv[0];
  const args = ctx.argv.slice(1);
  const opts = new Map<string, string[]>();
  const operands: string[] = [];
  const add = (k: string, v: string) => opts.set(k, [...(opts.get(k) ?? []), v]);
  const flags = spec.flags ?? '';
  const values = spec.values ?? '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(spec.long ?? {}).filter((k) => k.replace(/=$/, '') === name || k.startsWith(name));
      const exact = matches.find((k) => k.replace(/=$/, '') === name);
      const key = exact ?? (matches.length === 1 ? matches[0] : undefined);
      if (!key) {
        if (matches.length > 1) return tryHelp(ctx, prog, `option '${a}' is ambiguous`, spec);
        return tryHelp(ctx, prog, `unrecognized option '${a}'`, spec);
      }
      const target = spec.long![key];
      if (key.endsWith('=')) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return tryHelp(ctx, prog, `option '--${key.slice(0, -1)}' requires an argument`, spec);
        add(target, v);
      } else {
        if (eq >= 0) return tryHelp(ctx, prog, `option '--${key}' doesn't allow an argument`, spec);
        add(target, 'true');
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numberOption && /^-\d+$/.test(a)) {
        add(spec.numberOption, a.slice(1));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (values.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return tryHelp(ctx, prog, `option requires an argument -- '${c}'`, spec);
          add(c, v);
          break;
        }
        if (!flags.includes(c)) return tryHelp(ctx, prog, `invalid option -- '${c}'`, spec);
        add(c, 'true');
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

export function has(args: ParsedArgs, key: string): boolean {
  return args.opts.has(key);
}

export function last(args: ParsedArgs, key: string): string | undefined {
  const v = args.opts.get(key);
  return v?.[v.length - 1];
}

/** How each program words a file it cannot read (they differ; these are GNU's texts). */
export type ReadErrorStyle = (name: string, e: VfsError) => string;
export const plainReadError: ReadErrorStyle = (name, e) => `${name}: ${e.reason}`;

/**
 * Calls `each` with the text of every operand (`-` and no operands mean stdin), printing
 * `prog: <message>` for those that cannot be read. Returns 1 if any failed, else 0.
 */
export async function forEachInput(
  ctx: ProcessContext,
  operands: string[],
  each: (text: string, name: string) => void | Promise<void>,
  style: ReadErrorStyle = plainReadError,
): Promise<number> {
  const names = operands.length > 0 ? operands : ['-'];
  let status = 0;
  for (const name of names) {
    if (ctx.signal.aborted) return 130;
    let text: string;
    if (name === '-') text = await ctx.stdin.readAll();
    else {
      try {
        text = ctx.fs.readFile(name);
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        ctx.stderr.write(`${ctx.argv[0]}: ${style(name, e)}\n`);
        status = 1;
        continue;
      }
    }
    await each(text, name);
  }
  return status;
}

/** Splits text into lines without their `\n`; a final line without `\n` still counts. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Writes a VfsError the way most coreutils do: `prog: name: reason`. */
export function reportFsError(ctx: ProcessContext, e: unknown): number {
  if (e instanceof VfsError) {
    ctx.stderr.write(`${ctx.argv[0]}: ${e.message}\n`);
    return 1;
  }
  throw e;
}

/** GNU's quoting of file names in messages: 'name' (shell-escaped when needed). */
export function q(name: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(name) ? `'${name}'` : `'${name.replace(/'/g, "'\\''")}'`;
}
