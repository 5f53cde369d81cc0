import type { Program } from '../program.ts';
import { unescapeBackslashes } from './escapes.ts';

/** bash's builtin echo: -n, -e, -E; options only while every letter is one of them. */
export const echo: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
    const opt = args.shift()!;
    for (const c of opt.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const { text: t, stop } = unescapeBackslashes(text, true);
    text = t;
    if (stop) newline = false;
  }
  ctx.stdout.write(newline ? text + '\n' : text);
  return 0;
};
