// IPv4 arithmetic for the network model.

export function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function isIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((x) => Number(x) <= 255 && String(Number(x)) === x);
}

export function parseCidr(cidr: string): { base: number; bits: number } {
  const [ip, bits] = cidr.split('/');
  const b = Number(bits);
  const mask = b === 0 ? 0 : (~0 << (32 - b)) >>> 0;
  return { base: (ipToInt(ip) & mask) >>> 0, bits: b };
}

export function cidrContains(cidr: string, ip: string): boolean {
  if (!isIPv4(ip)) return false;
  const { base, bits } = parseCidr(cidr);
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((ipToInt(ip) & mask) >>> 0) === base;
}

/** The learner's machine on the cluster's network (the host side of minikube's bridge). */
export const OUTSIDE_IP = '192.168.49.1';
