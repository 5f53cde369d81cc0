// client-go tools/portforward's argument parsing: parsePorts (`8080:80`, `80`, `:80` and `0:80`
// for a random local port) and parseAddresses (`localhost` is 127.0.0.1 and ::1, each of which
// may fail as long as one listens; an explicit address must listen), with their messages.

import { CmdError } from '../../errors.ts';

export interface ForwardedPort {
  local: number;
  remote: number;
}

export function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]];
}

/** strconv.ParseUint(s, 10, 16) with Go's error text. */
function parseUint16(s: string): number {
  if (!/^\d+$/.test(s)) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

export function parsePorts(ports: string[]): ForwardedPort[] {
  return ports.map((spec) => {
    const parts = spec.split(':');
    let local: string;
    let remote: string;
    if (parts.length === 1) local = remote = parts[0];
    else if (parts.length === 2) {
      local = parts[0] === '' ? '0' : parts[0];
      remote = parts[1];
    } else throw new CmdError(`invalid port format '${spec}'`);
    let l: number;
    let r: number;
    try {
      l = parseUint16(local);
    } catch (e) {
      throw new CmdError(`error parsing local port '${local}': ${(e as Error).message}`);
    }
    try {
      r = parseUint16(remote);
    } catch (e) {
      throw new CmdError(`error parsing remote port '${remote}': ${(e as Error).message}`);
    }
    if (r === 0) throw new CmdError('remote port must be > 0');
    return { local: l, remote: r };
  });
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  return /^[0-9a-fA-F:]+$/.test(s) && s.includes(':') && (s.match(/::/g) ?? []).length <= 1;
}

export function parseAddresses(list: string[]): { address: string; failureMode: 'all' | 'any' }[] {
  const parsed = new Map<string, 'all' | 'any'>();
  for (const a of list) {
    if (a === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', 'all');
      if (!parsed.has('::1')) parsed.set('::1', 'all');
    } else if (isIPv4(a) || isIPv6(a)) parsed.set(a, 'any');
    else throw new CmdError(`${a} is not a valid IP`);
  }
  return [...parsed.entries()].map(([address, failureMode]) => ({ address, failureMode })).sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
}
