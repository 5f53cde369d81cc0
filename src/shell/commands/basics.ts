// The one-liners: true, false, pwd, clear, hostname.
import type { Program } from '../program.ts';

export const trueProgram: Program = async () => 0;
export const falseProgram: Program = async () => 1;

export const pwd: Program = async (ctx) => {
  ctx.stdout.write(ctx.cwd + '\n');
  return 0;
};

export const clear: Program = async (ctx) => {
  if (ctx.terminal) ctx.terminal.clear();
  else ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

export const hostname: Program = async (ctx) => {
  let name = ctx.env.HOSTNAME;
  if (!name) {
    try {
      name = ctx.fs.readFile('/etc/hostname').trim();
    } catch {
      name = 'localhost';
    }
  }
  ctx.stdout.write(name + '\n');
  return 0;
};
