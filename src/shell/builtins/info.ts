import type { Builtin, Runtime } from '../interpreter/runtime.ts';

/** Names bash itself implements; `type` says `shell builtin` for them even when we run them as programs. */
export const BASH_BUILTINS = new Set([
  ':', '.', 'break', 'cd', 'continue', 'echo', 'exit', 'export', 'false', 'fg', 'help', 'history',
  'jobs', 'kill', 'printf', 'pwd', 'read', 'source', 'test', '[', 'true', 'type', 'unset', 'wait', 'bg',
]);
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', '{', '}', '!', 'case', 'esac']);
/** Builtins that also exist as files in /usr/bin, so `which` finds them. */
const ALSO_EXTERNAL = new Set(['echo', 'printf', 'pwd', 'true', 'false', 'kill', 'test', '[']);

function isProgram(runtime: Runtime, name: string): boolean {
  return runtime.programs.has(name);
}

export const type: Builtin = async (ctx, { runtime }) => {
  let status = 0;
  for (const name of ctx.argv.slice(1)) {
    if (KEYWORDS.has(name)) ctx.stdout.write(`${name} is a shell keyword\n`);
    else if (BASH_BUILTINS.has(name) && (runtime.builtins.has(name) || isProgram(runtime, name))) {
      ctx.stdout.write(`${name} is a shell builtin\n`);
    } else if (isProgram(runtime, name) || runtime.builtins.has(name)) {
      ctx.stdout.write(`${name} is ${runtime.programPath(name)}\n`);
    } else {
      ctx.stderr.write(`bash: type: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};

export const which: Builtin = async (ctx, { runtime }) => {
  let status = 0;
  for (const name of ctx.argv.slice(1)) {
    if (name.startsWith('-')) continue;
    const builtinOnly = BASH_BUILTINS.has(name) && !ALSO_EXTERNAL.has(name);
    if (!builtinOnly && (isProgram(runtime, name) || runtime.builtins.has(name))) {
      ctx.stdout.write(runtime.programPath(name) + '\n');
    } else status = 1;
  }
  return status;
};

/** `history [N]`: bash's `%5d  %s` lines. */
export const history: Builtin = async (ctx, { runtime }) => {
  const arg = ctx.argv[1];
  if (arg === '-c') {
    runtime.history.length = 0;
    return 0;
  }
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    ctx.stderr.write(`bash: history: ${arg}: numeric argument required\n`);
    return 1;
  }
  const all = runtime.history;
  const from = arg === undefined ? 0 : Math.max(0, all.length - Number(arg));
  for (let i = from; i < all.length; i++) ctx.stdout.write(`${String(i + 1).padStart(5)}  ${all[i]}\n`);
  return 0;
};
