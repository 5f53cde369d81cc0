// Models IsValidIP from k8s.io/apimachinery/pkg/util/validation/ip.go, with just enough of Go's
// net.ParseIP (sloppy: IPv4 octets may have leading zeros), netip.ParseAddr (strict) and
// net.IP.String() (canonical RFC 5952 text) to give the same verdicts and messages.

import { type ErrorList, type FieldPath, invalid } from './field.ts';

/** 16 bytes (IPv4 as ::ffff:a.b.c.d, as Go stores it), or undefined when unparseable. */
type Bytes = number[];

function parseIPv4(s: string, sloppy: boolean): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return undefined;
    if (!sloppy && p.length > 1 && p[0] === '0') return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIPv6(s: string, sloppy: boolean): Bytes | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const fields = part.split(':');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (i === fields.length - 1 && f.includes('.')) {
        const v4 = parseIPv4(f, sloppy);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(f)) return undefined;
        out.push(parseInt(f, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  let all: number[];
  if (halves.length === 2) {
    const fill = 8 - head.length - tail.length;
    if (fill < 1) return undefined;
    all = [...head, ...new Array<number>(fill).fill(0), ...tail];
  } else {
    if (head.length !== 8) return undefined;
    all = head;
  }
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

function parse(s: string, sloppy: boolean): { bytes: Bytes; v4: boolean } | undefined {
  if (s.includes(':')) {
    const b = parseIPv6(s, sloppy);
    return b && { bytes: b, v4: false };
  }
  const v4 = parseIPv4(s, sloppy);
  return v4 && { bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4], v4: true };
}

const is4In6 = (b: Bytes) => b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

/** net.IP.String(): dotted for IPv4 (and IPv4-mapped), RFC 5952 for IPv6. */
export function ipString(b: Bytes): string {
  if (is4In6(b)) return b.slice(12).join('.');
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push((b[i]! << 8) | b[i + 1]!);
  // The longest run of two or more zero groups becomes '::' (the first, on a tie).
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(g);
  return `${hex(g.slice(0, bestStart))}::${hex(g.slice(bestStart + bestLen))}`;
}

/** Parses an IP as net.ParseIP would, returning its canonical text, or undefined. */
export function parseIP(value: string): string | undefined {
  const p = parse(value, true);
  return p && ipString(p.bytes);
}

export function isIPv4(value: string): boolean {
  return parse(value, false)?.v4 === true;
}

export function isValidIP(path: FieldPath, value: string): ErrorList {
  const sloppy = parse(value, true);
  if (!sloppy) return [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
  const errs: ErrorList = [];
  if (!parse(value, false)) errs.push(invalid(path, value, 'must not have leading 0s'));
  // An IPv4-mapped IPv6 address written in IPv6 form; plain IPv4 is stored mapped but is fine.
  if (!sloppy.v4 && is4In6(sloppy.bytes)) errs.push(invalid(path, value, 'must not be an IPv4-mapped IPv6 address'));
  if (errs.length > 0) return errs;
  const canonical = ipString(sloppy.bytes);
  if (value !== canonical) errs.push(invalid(path, value, `must be in canonical form ("${canonical}")`));
  return errs;
}
