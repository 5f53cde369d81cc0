// The small demo servers tutorials use: httpenv, whoami, http-echo, echo servers and redis.

import { httpDate } from './http-date.ts';
import type { App, AppContext, HttpRequest, HttpResponse } from './types.ts';

function text(status: number, reason: string, body: string, now: number, contentType = 'text/plain; charset=utf-8', extra: [string, string][] = []): HttpResponse {
  return {
    status,
    reason,
    headers: [...extra, ['Date', httpDate(now)], ['Content-Length', String(utf8Length(body))], ['Content-Type', contentType]],
    body,
  };
}

export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Go's json.Marshal of a map[string]string: keys sorted, compact, HTML-safe escapes. */
export function goJsonMap(m: Record<string, string>): string {
  const esc = (s: string) =>
    JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  return '{' + Object.keys(m).sort().map((k) => `${esc(k)}:${esc(m[k])}`).join(',') + '}';
}

/** bretfisher/httpenv (jpetazzo/httpenv): the process environment as JSON, on :8888. */
export const httpenv: App = {
  ports: () => [8888],
  http(_req, ctx) {
    return text(200, 'OK', goJsonMap(ctx.env), ctx.now, 'text/plain; charset=utf-8');
  },
};

function argValue(ctx: Pick<AppContext, 'container'>, names: string[]): string | undefined {
  const argv = [...(ctx.container.command ?? []), ...(ctx.container.args ?? [])];
  for (let i = 0; i < argv.length; i++) {
    for (const n of names) {
      if (argv[i] === n || argv[i] === '-' + n || argv[i] === '--' + n) return argv[i + 1];
      const m = new RegExp(`^--?${n}=(.*)$`).exec(argv[i]);
      if (m) return m[1];
    }
  }
  return undefined;
}

/** traefik/whoami: hostname, addresses, remote address, then the request as received. */
export const whoami: App = {
  ports(ctx) {
    const p = argValue(ctx, ['port']) ?? ctx.env.WHOAMI_PORT_NUMBER;
    return [p ? Number(p) : 80];
  },
  http(req, ctx) {
    const path = req.path.split('?')[0];
    if (path === '/health') return text(200, 'OK', '', ctx.now);
    const lines = [`Hostname: ${ctx.pod.metadata.name}`, 'IP: 127.0.0.1', 'IP: ::1', `IP: ${ctx.pod.status?.podIP}`, `IP: ${linkLocal(ctx.pod.metadata.uid ?? '')}`, `RemoteAddr: ${req.remoteAddr}:${req.remotePort}`];
    return text(200, 'OK', lines.join('\n') + '\n' + goRequestWrite(req), ctx.now);
  },
};

/** Go's textproto.CanonicalMIMEHeaderKey: `x-real-ip` → `X-Real-Ip` (unchanged if not a token). */
export function canonicalHeaderKey(k: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(k)) return k;
  return k.toLowerCase().replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase());
}

/**
 * Go's http.Request.Write of a request the server parsed, as whoami echoes it: the request line,
 * Host, User-Agent (Go's default when the client sent none), Content-Length when there is a body,
 * then the other headers by canonical name in sorted order, one line per value (request.go write,
 * Header.writeSubset, reqWriteExcludeHeader).
 */
export function goRequestWrite(req: HttpRequest): string {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of req.headers) {
    const key = canonicalHeaderKey(k);
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(v);
  }
  const host = byKey.get('Host')?.[0] ?? '';
  const ua = byKey.has('User-Agent') ? byKey.get('User-Agent')![0] : 'Go-http-client/1.1';
  let out = `${req.method} ${req.path} HTTP/1.1\r\nHost: ${host}\r\n`;
  if (ua) out += `User-Agent: ${ua}\r\n`;
  const length = utf8Length(req.body);
  if (length > 0 || ['POST', 'PUT', 'PATCH'].includes(req.method)) out += `Content-Length: ${length}\r\n`;
  const excluded = new Set(['Host', 'User-Agent', 'Content-Length', 'Transfer-Encoding', 'Trailer']);
  for (const key of [...byKey.keys()].filter((k) => !excluded.has(k)).sort()) for (const v of byKey.get(key)!) out += `${key}: ${v}\r\n`;
  return out + '\r\n' + req.body;
}

function linkLocal(uid: string): string {
  const h = uid.replace(/-/g, '').padEnd(12, '0');
  return `fe80::${h.slice(0, 4)}:${h.slice(4, 8)}:${h.slice(8, 12)}`.replace(/:0+(?=[0-9a-f])/g, ':');
}

/** hashicorp/http-echo: the -text argument, on -listen (default :5678). */
export const httpEcho: App = {
  ports(ctx) {
    const l = argValue(ctx, ['listen']) ?? ctx.env.ECHO_LISTEN;
    const m = l ? /:(\d+)$/.exec(l) : null;
    return [m ? Number(m[1]) : 5678];
  },
  http(req, ctx) {
    const path = req.path.split('?')[0];
    if (path === '/health') return text(200, 'OK', '{"status":"ok"}\n', ctx.now, 'application/json', [['X-App-Name', 'http-echo'], ['X-App-Version', '1.0.0']]);
    const body = (argValue(ctx, ['text']) ?? ctx.env.ECHO_TEXT ?? 'hello-world') + '\n';
    ctx.log(`${new Date(ctx.now).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} ${req.remoteAddr}:${req.remotePort} "${req.method} ${req.path} HTTP/1.1" 200 ${body.length} "${header(req, 'user-agent')}"`);
    return text(200, 'OK', body, ctx.now, 'text/plain; charset=utf-8', [['X-App-Name', 'http-echo'], ['X-App-Version', '1.0.0']]);
  },
};

function header(req: HttpRequest, name: string): string {
  return req.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
}

/** gcr.io/google-samples/hello-app: `Hello, world!`, version and hostname, on :8080. */
export const helloApp: App = {
  ports: (ctx) => [Number(ctx.env.PORT ?? 8080)],
  http(req, ctx) {
    ctx.log(`Serving request: ${req.path}`);
    // hello-app's main.go prints its build's version: 1.0.0 in :1.0, 2.0.0 in :2.0.
    const tag = /:(\d+)\.(\d+)$/.exec(ctx.container.image.split('@')[0]);
    const version = tag ? `${tag[1]}.${tag[2]}.0` : '1.0.0';
    return text(200, 'OK', `Hello, world!\nVersion: ${version}\nHostname: ${ctx.pod.metadata.name}\n`, ctx.now);
  },
};

/** redis: RESP on :6379; PING → PONG, ECHO, SET/GET in memory per Pod. */
const redisData = new WeakMap<object, Map<string, string>>();
export const redis: App = {
  ports: () => [6379],
  tcp(data, ctx) {
    const db = redisData.get(ctx.pod) ?? new Map<string, string>();
    redisData.set(ctx.pod, db);
    const args = parseRespOrInline(data);
    const cmd = (args[0] ?? '').toUpperCase();
    switch (cmd) {
      case 'PING':
        return args[1] !== undefined ? bulk(args[1]) : '+PONG\r\n';
      case 'ECHO':
        return bulk(args[1] ?? '');
      case 'SET':
        db.set(args[1], args[2]);
        return '+OK\r\n';
      case 'GET':
        return db.has(args[1]) ? bulk(db.get(args[1])!) : '$-1\r\n';
      case 'INFO':
        return bulk('# Server\r\nredis_version:8.2.2\r\nredis_mode:standalone\r\n');
      default:
        return `-ERR unknown command '${args[0] ?? ''}', with args beginning with: ${args.slice(1).map((a) => `'${a}' `).join('')}\r\n`;
    }
  },
  startupLogs() {
    return [
      '1:C 01 Jan 2026 00:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C 01 Jan 2026 00:00:00.000 * Redis version=8.2.2, bits=64, commit=00000000, modified=1, pid=1, just started',
      '1:M 01 Jan 2026 00:00:00.001 * Running mode=standalone, port=6379.',
      '1:M 01 Jan 2026 00:00:00.001 * Server initialized',
      '1:M 01 Jan 2026 00:00:00.001 * Ready to accept connections tcp',
    ];
  },
};

function bulk(s: string): string {
  return `$${utf8Length(s)}\r\n${s}\r\n`;
}

function parseRespOrInline(data: string): string[] {
  if (data.startsWith('*')) {
    const parts = data.split('\r\n');
    const out: string[] = [];
    for (let i = 1; i < parts.length; i++) if (parts[i].startsWith('$')) out.push(parts[++i] ?? '');
    return out;
  }
  return data.trim().split(/\s+/);
}
