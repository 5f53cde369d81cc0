import type { Program } from '../program.ts';
import { VfsError } from '../fs/vfs.ts';
import { posixToJs } from './regex.ts';
import { has, lines, parseArgs, UsageError } from './util.ts';

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };
interface SedCommand {
  from?: Address;
  to?: Address;
  negate: boolean;
  name: 's' | 'p' | 'd' | 'q';
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
}

class SedError extends Error {}

/** Parses a sed script: `[addr[,addr]][!]cmd` separated by `;` or newlines; commands s, p, d, q. */
function parseScript(script: string, extended: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const regex = (delim: string): string => {
    let src = '';
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && script[i + 1] === delim) {
        src += delim;
        i += 2;
      } else if (script[i] === '\\' && i + 1 < script.length) {
        src += script[i] + script[i + 1];
        i += 2;
      } else src += script[i++];
    }
    if (i >= script.length) throw new SedError(`-e expression #1, char ${i}: unterminated \`s' command`);
    i++;
    return src;
  };
  const address = (): Address | undefined => {
    const num = /^\d+/.exec(script.slice(i));
    if (num) {
      i += num[0].length;
      return { kind: 'line', n: Number(num[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { kind: 'last' };
    }
    if (script[i] === '/') {
      i++;
      return { kind: 're', re: new RegExp(posixToJs(regex('/'), extended)) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const cmd: Partial<SedCommand> = { negate: false };
    cmd.from = address();
    if (cmd.from && script[i] === ',') {
      i++;
      cmd.to = address();
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      cmd.negate = true;
      i++;
    }
    const name = script[i++];
    if (name === 's') {
      const delim = script[i++];
      if (!delim) throw new SedError(`-e expression #1, char ${i}: unterminated \`s' command`);
      const pattern = regex(delim);
      const replacement = regex(delim);
      let flags = '';
      while (i < script.length && /[gipI0-9]/.test(script[i])) flags += script[i++];
      const nth = /\d+/.exec(flags)?.[0];
      cmd.name = 's';
      cmd.re = new RegExp(posixToJs(pattern, extended), 'g' + (/[iI]/.test(flags) ? 'i' : ''));
      cmd.replacement = replacement;
      cmd.global = flags.includes('g');
      cmd.nth = nth ? Number(nth) : 1;
      cmd.print = flags.includes('p');
    } else if (name === 'p' || name === 'd' || name === 'q') {
      cmd.name = name;
    } else {
      throw new SedError(`-e expression #1, char ${i}: unknown command: \`${name}'`);
    }
    cmds.push(cmd as SedCommand);
  }
  return cmds;
}

/** `&`, `\1`…`\9`, `\n` in a replacement. */
function substitute(replacement: string, m: RegExpExecArray): string {
  return replacement.replace(/\\([0-9n&\\])|&/g, (all, c: string | undefined) => {
    if (c === undefined) return m[0];
    if (c === 'n') return '\n';
    if (c === '&' || c === '\\') return c;
    return m[Number(c)] ?? '';
  });
}

function runScript(cmds: SedCommand[], input: string[], quiet: boolean): string {
  let out = '';
  const active = new Map<SedCommand, boolean>();
  const matches = (a: Address, line: string, n: number) =>
    a.kind === 'line' ? a.n === n : a.kind === 'last' ? n === input.length : a.re.test(line);
  for (let idx = 0; idx < input.length; idx++) {
    let line = input[idx];
    const n = idx + 1;
    let deleted = false;
    let quit = false;
    for (const c of cmds) {
      let selected = true;
      if (c.from && !c.to) selected = matches(c.from, line, n);
      else if (c.from && c.to) {
        if (active.get(c)) {
          selected = true;
          if (c.to.kind === 'line' ? n >= c.to.n : matches(c.to, line, n)) active.set(c, false);
        } else if (matches(c.from, line, n)) {
          selected = true;
          if (!(c.to.kind === 'line' && c.to.n <= n)) active.set(c, true);
        } else selected = false;
      }
      if (selected === c.negate) continue;
      if (c.name === 'd') {
        deleted = true;
        break;
      }
      if (c.name === 'p') out += line + '\n';
      if (c.name === 'q') {
        quit = true;
        break;
      }
      if (c.name === 's') {
        const re = c.re!;
        re.lastIndex = 0;
        let count = 0;
        let replaced = false;
        line = line.replace(re, (...all) => {
          count++;
          const groups = all.slice(0, -2) as string[];
          if (c.global ? count >= c.nth! : count === c.nth) {
            replaced = true;
            const m = Object.assign(groups, { index: 0, input: line }) as unknown as RegExpExecArray;
            return substitute(c.replacement!, m);
          }
          return groups[0];
        });
        if (replaced && c.print) out += line + '\n';
      }
    }
    if (!deleted && !quiet) out += line + '\n';
    if (quit) break;
  }
  return out;
}

/** sed [-n] [-E|-r] [-i] [-e SCRIPT]… [SCRIPT] [FILE…]: s///, p, d, q with line and /re/ addresses. */
export const sed: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'nErisuz', values: 'e', long: { quiet: 'n', silent: 'n', 'regexp-extended': 'E', 'in-place': 'i', 'expression=': 'e' } });
  if (args instanceof UsageError) return args.status;
  const scripts = args.opts.get('e') ?? [];
  if (scripts.length === 0) {
    const s = args.operands.shift();
    if (s === undefined) {
      ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
      return 1;
    }
    scripts.push(s);
  }
  let cmds: SedCommand[];
  try {
    cmds = parseScript(scripts.join('\n'), has(args, 'E') || has(args, 'r'));
  } catch (e) {
    if (e instanceof SedError || e instanceof SyntaxError) {
      ctx.stderr.write(`sed: ${e instanceof SedError ? e.message : '-e expression #1: invalid regular expression'}\n`);
      return 1;
    }
    throw e;
  }
  const quiet = has(args, 'n');
  if (has(args, 'i')) {
    if (args.operands.length === 0) {
      ctx.stderr.write('sed: no input files\n');
      return 1;
    }
    let status = 0;
    for (const f of args.operands) {
      try {
        const text = ctx.fs.readFile(f);
        ctx.fs.writeFile(f, runScript(cmds, lines(text), quiet));
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        ctx.stderr.write(e.code === 'EISDIR' ? `sed: couldn't edit ${f}: not a regular file\n` : `sed: can't read ${f}: ${e.reason}\n`);
        status = 2;
      }
    }
    return status;
  }
  let input = '';
  let status = 0;
  for (const f of args.operands.length > 0 ? args.operands : ['-']) {
    if (f === '-') input += await ctx.stdin.readAll();
    else {
      try {
        input += ctx.fs.readFile(f);
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        ctx.stderr.write(e.code === 'EISDIR' ? `sed: read error on ${f}: Is a directory\n` : `sed: can't read ${f}: ${e.reason}\n`);
        status = 2;
      }
    }
  }
  ctx.stdout.write(runScript(cmds, lines(input), quiet));
  return status;
};
