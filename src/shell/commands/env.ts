import type { Program } from '../program.ts';

/** env [-i] [-u NAME] [NAME=VALUE]… [COMMAND [ARG]…] */
export const env: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let vars: Record<string, string> = { ...ctx.env };
  while (args.length > 0) {
    const a = args[0];
    if (a === '-i' || a === '-') {
      vars = {};
      args.shift();
    } else if (a === '-u') {
      args.shift();
      delete vars[args.shift() ?? ''];
    } else if (/^[^=]+=/.test(a)) {
      const eq = a.indexOf('=');
      vars[a.slice(0, eq)] = a.slice(eq + 1);
      args.shift();
    } else break;
  }
  if (args.length === 0) {
    ctx.stdout.write(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  if (!ctx.exec) return 126;
  const code = await ctx.exec(args, { env: vars });
  if (code === 127) {
    // The shell already said `bash: x: command not found`; env's own wording would differ, but the
    // learner gets one clear line either way.
    return 127;
  }
  return code;
};

/** printenv [NAME…]: the whole environment, or each named variable's value (exit 1 if one is unset). */
export const printenv: Program = async (ctx) => {
  const names = ctx.argv.slice(1);
  if (names.length === 0) {
    ctx.stdout.write(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (n in ctx.env) ctx.stdout.write(ctx.env[n] + '\n');
    else status = 1;
  }
  return status;
};
