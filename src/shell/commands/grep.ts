import type { Program } from '../program.ts';
import { VfsError } from '../fs/vfs.ts';
import { escapeRegExp, posixToJs } from './regex.ts';
import { compileSafe, type Matcher } from './safe-regex.ts';
import { has, parseArgs, UsageError, type OptionSpec } from './util.ts';

const SPEC: OptionSpec = {
  flags: 'ivcnEFowlLqHhsrx',
  values: 'efmAB',
  long: {
    'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n', 'extended-regexp': 'E',
    'fixed-strings': 'F', 'only-matching': 'o', 'word-regexp': 'w', 'files-with-matches': 'l',
    quiet: 'q', silent: 'q', 'with-filename': 'H', 'no-filename': 'h', 'line-regexp': 'x',
    'regexp=': 'e', 'max-count=': 'm', 'color=': 'color', colour: 'color', 'color': 'color',
  },
  usageStatus: 2,
  usageLine: 'Usage: grep [OPTION]... PATTERNS [FILE]...',
};

/** grep: BRE by default, -E, -F; streams stdin line by line so `… -w | grep x` shows lines live. */
export const grep: Program = async (ctx) => {
  const args = parseArgs(ctx, SPEC);
  if (args instanceof UsageError) return args.status;
  const patterns = args.opts.get('e') ?? [];
  if (patterns.length === 0) {
    const p = args.operands.shift();
    if (p === undefined) {
      ctx.stderr.write(`${SPEC.usageLine}\nTry 'grep --help' for more information.\n`);
      return 2;
    }
    patterns.push(p);
  }
  let source = patterns
    .flatMap((p) => p.split('\n'))
    .map((p) => (has(args, 'F') ? escapeRegExp(p) : posixToJs(p, has(args, 'E'))))
    .map((p) => `(?:${p})`)
    .join('|');
  if (has(args, 'w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  if (has(args, 'x')) source = `^(?:${source})$`;
  let re: Matcher;
  try {
    re = await compileSafe(source, has(args, 'i'));
  } catch {
    ctx.stderr.write('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const invert = has(args, 'v');
  const quiet = has(args, 'q');
  const files = args.operands.length > 0 ? args.operands : ['-'];
  const withName = has(args, 'H') || (files.length > 1 && !has(args, 'h'));
  const maxCount = args.opts.has('m') ? Number(args.opts.get('m')!.at(-1)) : Infinity;
  let matchedAny = false;
  let error = false;

  for (const file of files) {
    const name = file === '-' ? '(standard input)' : file;
    let count = 0;
    let lineNo = 0;
    const prefix = (n: number) => `${withName ? name + ':' : ''}${has(args, 'n') ? n + ':' : ''}`;
    /** Returns false once no more lines are wanted from this file. */
    const onLine = (line: string): boolean => {
      lineNo++;
      const matches = re.test(line) !== invert;
      if (!matches) return true;
      count++;
      matchedAny = true;
      if (quiet) return false;
      if (has(args, 'l') || has(args, 'c') || has(args, 'L')) return count < maxCount;
      if (has(args, 'o') && !invert) {
        for (const m of re.matches(line)) if (m) ctx.stdout.write(`${prefix(lineNo)}${m}\n`);
      } else ctx.stdout.write(`${prefix(lineNo)}${line}\n`);
      return count < maxCount;
    };
    if (file === '-') {
      let buf = '';
      let more = true;
      for (let chunk = await ctx.stdin.read(); chunk !== null && more; chunk = more ? await ctx.stdin.read() : null) {
        buf += chunk;
        let nl: number;
        while (more && (nl = buf.indexOf('\n')) >= 0) {
          more = onLine(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
        }
      }
      if (more && buf) onLine(buf);
    } else {
      let text: string;
      try {
        text = ctx.fs.readFile(file);
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        if (!has(args, 's')) ctx.stderr.write(`grep: ${e.message}\n`);
        error = true;
        continue;
      }
      const all = text.split('\n');
      if (all[all.length - 1] === '') all.pop();
      for (const line of all) if (!onLine(line)) break;
    }
    if (quiet && matchedAny) return 0;
    if (has(args, 'c')) ctx.stdout.write(`${withName ? name + ':' : ''}${count}\n`);
    if (has(args, 'l') && count > 0) ctx.stdout.write(name + '\n');
    if (has(args, 'L') && count === 0) ctx.stdout.write(name + '\n');
  }
  if (ctx.signal.aborted) return 130;
  return error && !(quiet && matchedAny) ? 2 : matchedAny ? 0 : 1;
};
