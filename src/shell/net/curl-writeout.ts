// curl -w/--write-out: %{variable} substitution and \n \r \t escapes (src/tool_writeout.c).

import type { HttpResponse } from '../../cluster/network/apps/types.ts';
import type { ParsedUrl } from './url.ts';

export interface WriteOutData {
  code: number;
  response?: HttpResponse;
  url: ParsedUrl;
  address?: string;
  elapsedMs: number;
  redirects: number;
  error?: string;
}

export function writeOut(format: string, d: WriteOutData): string {
  const res = d.response;
  const size = res ? new TextEncoder().encode(res.body).length : 0;
  const secs = (ms: number) => (ms / 1000).toFixed(6);
  const vars: Record<string, () => string> = {
    http_code: () => String(res?.status ?? 0).padStart(3, '0'),
    response_code: () => String(res?.status ?? 0).padStart(3, '0'),
    remote_ip: () => d.address ?? '',
    remote_port: () => (d.address ? String(d.url.port) : ''),
    local_ip: () => '',
    time_total: () => secs(d.elapsedMs),
    time_connect: () => secs(d.address && d.code !== 28 ? Math.min(d.elapsedMs, 1) : 0),
    time_namelookup: () => secs(0),
    time_starttransfer: () => secs(res ? d.elapsedMs : 0),
    size_download: () => String(size),
    size_header: () => (res ? String(res.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 19 + res.reason.length)) : '0'),
    url_effective: () => d.url.href,
    url: () => d.url.href,
    content_type: () => res?.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '',
    num_redirects: () => String(d.redirects),
    exitcode: () => String(d.code),
    errormsg: () => d.error ?? '',
    scheme: () => d.url.scheme,
    method: () => 'GET',
  };
  return format
    .replace(/\\([nrt\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c]!)
    .replace(/%\{([a-z_]+)\}/g, (all, name: string) => (vars[name] ? vars[name]() : all))
    .replace(/%%/g, '%');
}
