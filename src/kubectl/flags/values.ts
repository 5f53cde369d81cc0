// Conversions from flag text to values, with the exact error texts of Go's strconv and time
// packages (pflag returns them unchanged inside `invalid argument "x" for "--f" flag: ...`).

import { goQuote } from './goformat.ts';

export function parseBool(s: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  throw new Error(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

/** strconv.ParseInt(s, 0, bits): base prefixes 0x, 0o, 0b and a leading 0 (octal); underscores between digits. */
export function parseInt0(s: string, bits: 32 | 64): number {
  const fail = (why: string) => new Error(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`);
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m) throw fail('invalid syntax');
  let body = m[2];
  let base = 10;
  if (/^0[xX]/.test(body)) (base = 16), (body = body.slice(2));
  else if (/^0[oO]/.test(body)) (base = 8), (body = body.slice(2));
  else if (/^0[bB]/.test(body)) (base = 2), (body = body.slice(2));
  else if (body.length > 1 && body[0] === '0') (base = 8), (body = body.slice(1));
  // Underscores only between digits, and only when a base prefix or leading 0 was used.
  if (body.includes('_') && (base === 10 || /^_|_$|__/.test(body))) throw fail('invalid syntax');
  body = body.replaceAll('_', '');
  if (body === '') throw fail('invalid syntax');
  let v = 0n;
  for (const d of body) v = v * BigInt(base) + BigInt(parseInt(d, base));
  if (m[1] === '-') v = -v;
  const max = bits === 32 ? 2n ** 31n - 1n : 2n ** 63n - 1n;
  if (v > max || v < -max - 1n) throw fail('value out of range');
  return Number(v);
}

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3, // U+00B5
  'μs': 1e-3, // U+03BC
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** time.ParseDuration, returning milliseconds. */
export function parseDuration(orig: string): number {
  const invalid = () => new Error('time: invalid duration ' + goQuote(orig));
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0;
  while (s !== '') {
    const m = /^([0-9]*)(\.[0-9]*)?/.exec(s)!;
    if (m[0] === '' || m[0] === '.') throw invalid();
    s = s.slice(m[0].length);
    const u = /^[^0-9.]*/.exec(s)![0];
    if (u === '') throw new Error('time: missing unit in duration ' + goQuote(orig));
    const unit = UNITS[u];
    if (unit === undefined) throw new Error('time: unknown unit ' + goQuote(u) + ' in duration ' + goQuote(orig));
    s = s.slice(u.length);
    total += parseFloat((m[1] || '0') + (m[2] && m[2] !== '.' ? m[2] : '')) * unit;
  }
  return neg ? -total : total;
}

/** encoding/csv reading of one line, as pflag's stringSlice does. */
export function readCsvLine(s: string): string[] {
  if (s === '') return [];
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) throw new Error(`parse error on line 1, column ${s.length + 1}: extraneous or missing " in quoted-field`);
        if (s[i] === '"') {
          if (s[i + 1] === '"') (field += '"'), (i += 2);
          else {
            i++;
            break;
          }
        } else field += s[i++];
      }
      if (i < s.length && s[i] !== ',') throw new Error(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
    } else {
      while (i < s.length && s[i] !== ',') {
        if (s[i] === '"') throw new Error(`parse error on line 1, column ${i + 1}: bare " in non-quoted-field`);
        field += s[i++];
      }
    }
    out.push(field);
    if (i >= s.length) return out;
    i++; // the comma
  }
}
