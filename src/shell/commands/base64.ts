import type { Program } from '../program.ts';
import { forEachInput, has, last, parseArgs, UsageError } from './util.ts';

/** base64 [-d] [-w COLS] [FILE]: UTF-8 text in, wrapped at 76 columns like GNU. */
export const base64: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'di', values: 'w', long: { decode: 'd', 'ignore-garbage': 'i', 'wrap=': 'w' } });
  if (args instanceof UsageError) return args.status;
  const wrap = Number(last(args, 'w') ?? 76);
  let status = 0;
  const read = await forEachInput(ctx, args.operands.slice(0, 1), (text) => {
    if (has(args, 'd')) {
      const clean = text.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
        ctx.stderr.write('base64: invalid input\n');
        status = 1;
        return;
      }
      const bin = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
      const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
      ctx.stdout.write(new TextDecoder().decode(bytes));
      return;
    }
    const bytes = new TextEncoder().encode(text);
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    const enc = btoa(bin);
    const out = wrap > 0 ? (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).join('\n') : enc;
    ctx.stdout.write(out ? out + '\n' : '');
  });
  return read || status;
};
