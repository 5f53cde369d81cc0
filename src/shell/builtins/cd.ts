import type { Builtin } from '../interpreter/runtime.ts';
import { VfsError } from '../fs/vfs.ts';

/** `cd [dir]`, `cd -`; keeps PWD and OLDPWD like bash. */
export const cd: Builtin = async (ctx, { state, runtime }) => {
  const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
  if (args.length > 1) {
    ctx.stderr.write('bash: cd: too many arguments\n');
    return 1;
  }
  let target = args[0];
  if (target === undefined) {
    target = state.get('HOME') ?? '';
    if (!target) {
      ctx.stderr.write('bash: cd: HOME not set\n');
      return 1;
    }
  } else if (target === '-') {
    const old = state.get('OLDPWD');
    if (!old) {
      ctx.stderr.write('bash: cd: OLDPWD not set\n');
      return 1;
    }
    target = old;
    ctx.stdout.write(old + '\n');
  }
  if (target === '') return 0;
  const fs = runtime.fs.at(state.cwd);
  try {
    if (!fs.isDir(target)) {
      fs.stat(target); // throws ENOENT/ENOTDIR for missing paths
      throw new VfsError('ENOTDIR', target);
    }
  } catch (e) {
    if (e instanceof VfsError) {
      ctx.stderr.write(`bash: cd: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  state.set('OLDPWD', state.cwd);
  state.cwd = fs.resolve(target);
  state.set('PWD', state.cwd);
  return 0;
};
