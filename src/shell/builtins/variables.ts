import type { Builtin } from '../interpreter/runtime.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** bash's `declare -x` listing quotes values with `"` and escapes `"`, `\`, `$` and `` ` ``. */
function declareLine(name: string, value: string): string {
  return `declare -x ${name}="${value.replace(/["\\$`]/g, '\\$&')}"`;
}

export const exportBuiltin: Builtin = async (ctx, { state }) => {
  let args = ctx.argv.slice(1);
  let unexport = false;
  while (args[0]?.startsWith('-') && args[0] !== '-' ) {
    const opt = args.shift()!;
    if (opt === '--') break;
    if (opt === '-n') unexport = true;
    else if (opt === '-p') continue;
    else {
      ctx.stderr.write(`bash: export: ${opt}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`);
      return 2;
    }
  }
  if (args.length === 0) {
    const names = [...state.vars.keys()].filter((k) => state.vars.get(k)!.exported).sort();
    for (const k of names) ctx.stdout.write(declareLine(k, state.get(k)!) + '\n');
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      ctx.stderr.write(`bash: export: \`${arg}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (unexport) {
      const v = state.vars.get(name);
      if (v) v.exported = false;
    } else state.export(name, eq < 0 ? undefined : arg.slice(eq + 1));
  }
  return status;
};

export const unset: Builtin = async (ctx, { state }) => {
  let status = 0;
  for (const name of ctx.argv.slice(1)) {
    if (name === '-v' || name === '-f') continue;
    if (!NAME.test(name)) {
      ctx.stderr.write(`bash: unset: \`${name}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    state.unset(name);
  }
  return status;
};

/** `read [-r] [-p prompt] [name …]`: one line from stdin into variables; 1 at end of input. */
export const read: Builtin = async (ctx, { state, stdin }) => {
  const args = ctx.argv.slice(1);
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-r') raw = true;
    else if (args[i] === '-p') ctx.stderr.write(args[++i] ?? '');
    else if (args[i] === '-s') continue;
    else names.push(args[i]);
  }
  if (names.length === 0) names.push('REPLY');
  let line = '';
  let got: string | null;
  for (;;) {
    got = await stdin.readLine();
    if (got === null) break;
    const text = got.endsWith('\n') ? got.slice(0, -1) : got;
    // Without -r, a trailing backslash continues the line.
    if (!raw && text.endsWith('\\') && got.endsWith('\n')) {
      line += text.slice(0, -1);
      continue;
    }
    line += text;
    break;
  }
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const fields = names.length === 1 && names[0] === 'REPLY' ? [line] : line.trim().split(/[ \t]+/);
  names.forEach((name, i) => {
    const value = i === names.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '');
    state.set(name, value);
  });
  return got === null ? 1 : 0;
};
