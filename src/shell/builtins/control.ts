import type { Builtin } from '../interpreter/runtime.ts';
import { ExitSignal, LoopControl } from '../interpreter/control.ts';
import { parse } from '../parser/index.ts';
import { VfsError } from '../fs/vfs.ts';

export const exit: Builtin = async (ctx, { state }) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) throw new ExitSignal(state.lastStatus);
  if (!/^[-+]?\d+$/.test(args[0])) {
    ctx.stderr.write(`bash: exit: ${args[0]}: numeric argument required\n`);
    throw new ExitSignal(2);
  }
  if (args.length > 1) {
    ctx.stderr.write('bash: exit: too many arguments\n');
    return 1;
  }
  throw new ExitSignal(((Number(args[0]) % 256) + 256) % 256);
};

function loopControl(kind: 'break' | 'continue'): Builtin {
  return async (ctx) => {
    const arg = ctx.argv[1] ?? '1';
    if (!/^\d+$/.test(arg) || Number(arg) < 1) {
      ctx.stderr.write(`bash: ${kind}: ${arg}: loop count out of range\n`);
      return 1;
    }
    throw new LoopControl(kind, Number(arg));
  };
}
export const breakBuiltin = loopControl('break');
export const continueBuiltin = loopControl('continue');

/** `source file` / `. file`: runs a file's commands in this shell. */
export const source: Builtin = async (ctx, { interpreter, stdin }) => {
  const file = ctx.argv[1];
  if (file === undefined) {
    ctx.stderr.write(`bash: ${ctx.argv[0]}: filename argument required\n${ctx.argv[0]}: usage: ${ctx.argv[0]} filename [arguments]\n`);
    return 2;
  }
  let text: string;
  try {
    text = ctx.fs.readFile(file);
  } catch (e) {
    if (e instanceof VfsError) {
      ctx.stderr.write(`bash: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  let script;
  try {
    script = parse(text);
  } catch (e) {
    ctx.stderr.write(`bash: ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  return interpreter.script(script, {
    stdin,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    signal: ctx.signal,
    terminal: ctx.terminal,
  });
};
