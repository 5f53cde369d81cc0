// IPv4 CIDR arithmetic for the Service range: addresses as unsigned 32-bit numbers.

export interface Cidr {
  /** Network address as a number. */
  base: number;
  bits: number;
  /** Number of addresses in the block, network and broadcast included. */
  size: number;
  text: string;
}

export function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function parseCidr(text: string): Cidr {
  const [ip, len] = text.split('/');
  const bits = Number(len);
  const n = ipToNumber(ip ?? '');
  if (n === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) throw new Error(`invalid CIDR ${text}`);
  const size = 2 ** (32 - bits);
  const base = n - (n % size);
  return { base, bits, size, text: `${numberToIp(base)}/${bits}` };
}

export function cidrContains(c: Cidr, n: number): boolean {
  return n >= c.base && n < c.base + c.size;
}
