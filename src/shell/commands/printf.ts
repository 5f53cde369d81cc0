import type { Program } from '../program.ts';
import { unescapeBackslashes } from './escapes.ts';

/**
 * bash's printf: %s %d %i %u %x %X %o %f %e %g %c %b %% with flags, width and precision; the format
 * is reused while arguments remain.
 */
export const printf: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    ctx.stderr.write('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const format = args.shift()!;
  let status = 0;
  let out = '';
  let ai = 0;
  const next = () => args[ai++];
  for (;;) {
    const start = ai;
    let stop = false;
    for (let i = 0; i < format.length && !stop; i++) {
      const c = format[i];
      if (c === '\\') {
        const m = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(format.slice(i))![0];
        const r = unescapeBackslashes(m, false);
        out += r.text;
        if (r.stop) stop = true;
        i += m.length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const spec = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([sdiuxXofeEgGcb%])/.exec(format.slice(i));
      if (!spec) {
        const bad = format[i + 1];
        ctx.stderr.write(bad === undefined ? 'bash: printf: `%\': missing format character\n' : `bash: printf: \`${bad}': invalid format character\n`);
        ctx.stdout.write(out);
        return 1;
      }
      i += spec[0].length - 1;
      const [, flags, w, p, conv] = spec;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = w === '*' ? Number(next() ?? 0) : w ? Number(w) : 0;
      const precision = p === '*' ? Number(next() ?? 0) : p !== undefined ? Number(p || 0) : undefined;
      const arg = next();
      let body: string;
      switch (conv) {
        case 's':
          body = arg ?? '';
          if (precision !== undefined) body = body.slice(0, precision);
          break;
        case 'b': {
          const r = unescapeBackslashes(arg ?? '', true);
          body = r.text;
          if (r.stop) stop = true;
          break;
        }
        case 'c':
          body = (arg ?? '').slice(0, 1);
          break;
        default: {
          const n = toNumber(arg ?? '0', conv);
          if (n === null) {
            ctx.stderr.write(`bash: printf: ${arg}: invalid number\n`);
            status = 1;
          }
          body = formatNumber(n ?? (parseInt(arg ?? '', 10) || 0), conv, flags, precision);
        }
      }
      const left = flags.includes('-');
      const zero = flags.includes('0') && !left && !'sbc'.includes(conv);
      if (body.length < width) {
        if (zero) {
          const sign = /^[-+ ]/.test(body) ? body[0] : '';
          body = sign + body.slice(sign.length).padStart(width - sign.length, '0');
        } else body = left ? body.padEnd(width) : body.padStart(width);
      }
      out += body;
    }
    if (stop || ai >= args.length || ai === start) break;
  }
  ctx.stdout.write(out);
  return status;
};

function toNumber(arg: string, conv: string): number | null {
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  const t = arg.trim();
  if ('feEgG'.includes(conv)) {
    const f = Number(t);
    return Number.isNaN(f) ? null : f;
  }
  if (/^[-+]?0x[0-9a-f]+$/i.test(t)) return parseInt(t, 16);
  if (/^[-+]?0[0-7]+$/.test(t)) return parseInt(t, 8);
  if (/^[-+]?\d+$/.test(t)) return Number(t);
  return null;
}

function formatNumber(n: number, conv: string, flags: string, precision: number | undefined): string {
  let s: string;
  switch (conv) {
    case 'x': s = Math.trunc(n).toString(16); break;
    case 'X': s = Math.trunc(n).toString(16).toUpperCase(); break;
    case 'o': s = Math.trunc(n).toString(8); break;
    case 'f': s = n.toFixed(precision ?? 6); break;
    case 'e': case 'E': {
      s = n.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      if (conv === 'E') s = s.toUpperCase();
      break;
    }
    case 'g': case 'G': s = String(Number(n.toPrecision(precision || 6))); break;
    default: s = String(Math.trunc(n));
  }
  if (n >= 0 && flags.includes('+')) s = '+' + s;
  else if (n >= 0 && flags.includes(' ')) s = ' ' + s;
  return s;
}
