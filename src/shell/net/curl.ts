// curl 8.14.1 (the build in nicolaka/netshoot), for HTTP: its option syntax, its progress meter,
// its -v trace and its error lines and exit codes, word for word from curl's lib/ and src/
// (strerror.c, connect.c, multi.c, http.c, tool_operate.c at tag curl-8_14_1).

import type { HttpResponse } from '../../cluster/network/apps/types.ts';
import type { Trace } from '../../cluster/network/trace.ts';
import type { ProcessContext, Program } from '../program.ts';
import { exchange, verifyProblem, type Outcome } from './exchange.ts';
import { CA_CERT_ERRORMSG, clientHello, finishHandshake, rejectCertificate, serverHello, sessionTickets, type TlsTracer } from './curl-tls.ts';
import { writeHint } from './hint.ts';
import { netHost, type NetHost } from './host.ts';
import { lookupHost, lookupWhy } from './lookup.ts';
import { parseUrl, resolveLocation, type ParsedUrl } from './url.ts';
import { interrupted, KERNEL_CONNECT_TIMEOUT_MS, wait } from './wait.ts';
import { progressHeader, progressLine } from './curl-progress.ts';
import { writeOut } from './curl-writeout.ts';

export const CURL_VERSION = '8.14.1';
const MAX_REDIRS = 50;
/** EHOSTUNREACH: the kernel gives up on ARP for an address nobody holds after ~3 s. */
const HOST_UNREACHABLE_MS = 3_070;

interface Options {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  headers: string[];
  output?: string;
  remoteName: boolean;
  writeOut?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  follow: boolean;
  resolve: { host: string; port: number; address: string }[];
  method?: string;
  data?: string;
  userAgent?: string;
  fail: boolean;
  insecure: boolean;
  retry: number;
  urls: string[];
}

type Parse = { ok: true; options: Options } | { ok: false; code: number; message: string };

/** Options that take a value, by every name they go by. */
const VALUED: Record<string, string> = {
  '-H': 'header', '--header': 'header',
  '-o': 'output', '--output': 'output',
  '-w': 'write-out', '--write-out': 'write-out',
  '-m': 'max-time', '--max-time': 'max-time',
  '--connect-timeout': 'connect-timeout',
  '--resolve': 'resolve',
  '-X': 'request', '--request': 'request',
  '-d': 'data', '--data': 'data', '--data-raw': 'data', '--data-binary': 'data', '--data-ascii': 'data',
  '-A': 'user-agent', '--user-agent': 'user-agent',
  '--retry': 'retry',
  '--url': 'url',
  '-e': 'referer', '--referer': 'referer',
  '-u': 'user', '--user': 'user',
  '--max-redirs': 'max-redirs',
  '--retry-delay': 'ignored', '--retry-max-time': 'ignored', '--cacert': 'ignored', '-x': 'ignored', '--proxy': 'ignored',
};

const FLAGS: Record<string, (o: Options) => void> = {
  '-s': (o) => (o.silent = true), '--silent': (o) => (o.silent = true),
  '-S': (o) => (o.showError = true), '--show-error': (o) => (o.showError = true),
  '-v': (o) => (o.verbose = true), '--verbose': (o) => (o.verbose = true),
  '-i': (o) => (o.include = true), '--include': (o) => (o.include = true), '--show-headers': (o) => (o.include = true),
  '-I': (o) => (o.head = true), '--head': (o) => (o.head = true),
  '-L': (o) => (o.follow = true), '--location': (o) => (o.follow = true),
  '-f': (o) => (o.fail = true), '--fail': (o) => (o.fail = true),
  '-O': (o) => (o.remoteName = true), '--remote-name': (o) => (o.remoteName = true),
  '-k': (o) => (o.insecure = true), '--insecure': (o) => (o.insecure = true),
  '-4': () => {}, '--ipv4': () => {},
  '--http1.1': () => {}, '--http1.0': () => {}, '-0': () => {},
  '-N': () => {}, '--no-buffer': () => {},
  '-#': () => {}, '--progress-bar': () => {},
  '--compressed': () => {}, '--no-keepalive': () => {},
};

function parseArgs(argv: string[]): Parse {
  const o: Options = { silent: false, showError: false, verbose: false, include: false, head: false, headers: [], remoteName: false, follow: false, resolve: [], fail: false, insecure: false, retry: 0, urls: [] };
  const unknown = (opt: string): Parse => ({ ok: false, code: 2, message: `curl: option ${opt}: is unknown\n${TRY_HELP}` });
  const apply = (name: string, opt: string, value: string | undefined): Parse | undefined => {
    if (value === undefined) return { ok: false, code: 2, message: `curl: option ${opt}: requires parameter\n${TRY_HELP}` };
    const seconds = (): number | undefined => (/^\d+(\.\d+)?$/.test(value) ? Math.round(Number(value) * 1000) : undefined);
    const numErr: Parse = { ok: false, code: 2, message: `curl: option ${opt}: expected a proper numerical parameter\n${TRY_HELP}` };
    switch (name) {
      case 'header': o.headers.push(value); break;
      case 'output': o.output = value; break;
      case 'write-out': o.writeOut = value; break;
      case 'max-time': { const s = seconds(); if (s === undefined) return numErr; o.maxTimeMs = s; break; }
      case 'connect-timeout': { const s = seconds(); if (s === undefined) return numErr; o.connectTimeoutMs = s; break; }
      case 'resolve': {
        const m = /^\+?([^:]+):(\d+):\[?([^\]]+)\]?$/.exec(value);
        if (m) o.resolve.push({ host: m[1].toLowerCase(), port: Number(m[2]), address: m[3].split(',')[0] });
        break;
      }
      case 'request': o.method = value; break;
      case 'data': o.data = o.data === undefined ? value : `${o.data}&${value}`; break;
      case 'user-agent': o.userAgent = value; break;
      case 'retry': if (!/^\d+$/.test(value)) return numErr; o.retry = Number(value); break;
      case 'url': o.urls.push(value); break;
      case 'referer': o.headers.push(`Referer: ${value}`); break;
      case 'user': o.headers.push(`Authorization: Basic ${btoa(value.includes(':') ? value : value + ':')}`); break;
    }
    return undefined;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { o.urls.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      if (FLAGS[a]) FLAGS[a](o);
      else if (VALUED[a]) { const e = apply(VALUED[a], a, argv[++i]); if (e) return e; }
      else return unknown(a);
    } else if (a.startsWith('-') && a.length > 1) {
      // Short options bundle (-sSL); one that takes a value takes the rest of the word or the next.
      for (let j = 1; j < a.length; j++) {
        const opt = '-' + a[j];
        if (FLAGS[opt]) { FLAGS[opt](o); continue; }
        if (VALUED[opt]) {
          const rest = a.slice(j + 1);
          const e = apply(VALUED[opt], opt, rest !== '' ? rest : argv[++i]);
          if (e) return e;
          break;
        }
        return unknown(opt);
      }
    } else o.urls.push(a);
  }
  if (!o.urls.length) return { ok: false, code: 2, message: `curl: (2) no URL specified\n${TRY_HELP}` };
  return { ok: true, options: o };
}

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information";

/** One transfer's result: the curl exit code and its error text (the errorbuffer). */
interface Result {
  code: number;
  error?: string;
  why?: string;
  response?: HttpResponse;
  trace?: Trace;
  url: ParsedUrl;
  address?: string;
  elapsedMs: number;
  redirects: number;
  /** -v's last line, written after the body. */
  intact?: string;
  /** The protocol the response came in: HTTP/2 when TLS ALPN settled on h2. */
  httpVersion?: '1.1' | '2';
}

export const curl: Program = async (ctx) => {
  const parsed = parseArgs(ctx.argv);
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message + '\n');
    return parsed.code;
  }
  const net = netHost(ctx, 'curl');
  if (!net) return 1;
  const o = parsed.options;
  const showErrors = !o.silent || o.showError;
  let exit = 0;
  let connectionId = 0;
  for (let n = 0; n < o.urls.length; n++) {
    const toStdout = !(n === 0 && o.output) && !o.remoteName;
    const meter = !o.silent && !(toStdout && ctx.stdout.isTTY);
    let retriesLeft = o.retry;
    let sleepMs = 1000;
    let result: Result | 'interrupted';
    for (;;) {
      result = await transfer(ctx, net, o, o.urls[n], connectionId, meter);
      if (result === 'interrupted') return interrupted(ctx);
      const transient = result.code === 28 || (result.response && [408, 429, 500, 502, 503, 504].includes(result.response.status));
      if (!retriesLeft || !transient) break;
      if (!o.silent) ctx.stderr.write(`Warning: Problem ${result.code === 28 ? ': timeout' : ': HTTP error'}. Will retry in ${sleepMs / 1000} second${sleepMs === 1000 ? '' : 's'}. ${retriesLeft} retr${retriesLeft > 1 ? 'ies' : 'y'} left.\n`);
      retriesLeft--;
      if (!(await wait(ctx, sleepMs))) return interrupted(ctx);
      sleepMs = Math.min(sleepMs * 2, 600_000);
    }
    connectionId++;
    const r = result;
    if (r.response && r.code === 0) {
      const out = writeBody(ctx, o, n, r);
      if (out) r.code = out;
      if (r.intact) ctx.stderr.write(r.intact);
    }
    if (o.writeOut) ctx.stdout.write(writeOut(o.writeOut, r));
    if (r.code) {
      exit = r.code;
      if (showErrors && r.error) {
        ctx.stderr.write(`curl: (${r.code}) ${r.error}\n`);
        if (r.code === 60) ctx.stderr.write(CA_CERT_ERRORMSG);
        writeHint(ctx.stderr, r.why);
      }
    }
  }
  return exit;
};

function writeBody(ctx: ProcessContext, o: Options, n: number, r: Result): number {
  const res = r.response!;
  let text = '';
  if (o.include || o.head) text += statusAndHeaders(res, r.httpVersion);
  if (!o.head) text += res.body;
  let file = n === 0 ? o.output : undefined;
  if (o.remoteName) {
    file = r.url.path.split('?')[0].split('/').pop() || undefined;
    if (!file) {
      ctx.stderr.write('curl: Remote filename has no length\n');
      return 23;
    }
  }
  if (file === '/dev/null') return 0;
  if (file === undefined || file === '-') {
    ctx.stdout.write(text);
    return 0;
  }
  try {
    ctx.fs.at(ctx.cwd).writeFile(file, text);
  } catch {
    ctx.stderr.write(`Warning: Failed to open the file ${file}: No such file or directory\n`);
    r.error = 'Failure writing output to destination, passed ' + text.length + ' returned 4294967295';
    return 23;
  }
  return 0;
}

/** The status line and headers as curl writes them (-i, -v): HTTP/2's has no reason phrase. */
function statusAndHeaders(res: HttpResponse, version: '1.1' | '2' = '1.1', prefix = ''): string {
  const status = version === '2' ? `HTTP/2 ${res.status} ` : `HTTP/1.1 ${res.status} ${res.reason}`;
  return `${prefix}${status}\r\n` + res.headers.map(([k, v]) => `${prefix}${k}: ${v}\r\n`).join('') + `${prefix}\r\n`;
}

/** Headers an HTTP/2 server sends: lower-case names, no connection-specific fields (RFC 9113 8.2). */
const H2_DROPPED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);
function asHttp2(res: HttpResponse): HttpResponse {
  return { ...res, headers: res.headers.filter(([k]) => !H2_DROPPED.has(k.toLowerCase())).map(([k, v]) => [k.toLowerCase(), v]) };
}

/** One URL, following redirects with -L. Writes -v trace and the progress meter to stderr. */
async function transfer(ctx: ProcessContext, net: NetHost, o: Options, input: string, connectionId: number, meter: boolean): Promise<Result | 'interrupted'> {
  const err = ctx.stderr;
  // tool_cb_dbg.c: one "[N bytes data]" per stretch of data between texts, and none when
  // stdout is a terminal (the data shows there).
  let tracedData = false;
  const info = (line: string) => {
    tracedData = false;
    if (o.verbose) err.write(`* ${line}\n`);
  };
  const tls: TlsTracer = {
    info,
    data: (dir, bytes) => {
      if (!o.verbose || tracedData || ctx.stdout.isTTY) return;
      err.write(`${dir} [${bytes} bytes data]\n`);
      tracedData = true;
    },
  };
  let href = input;
  let redirects = 0;
  let elapsed = 0;
  for (;;) {
    const url = parseUrl(href);
    if ('error' in url) {
      const base = { url: { scheme: 'http', host: '', port: 0, path: '/', hostHeader: '', href } as ParsedUrl, elapsedMs: elapsed, redirects };
      if (url.error === 'scheme') return { ...base, code: 1, error: `Protocol "${url.scheme}" not supported` };
      if (url.error === 'port') return { ...base, code: 3, error: 'URL rejected: Port number was not a decimal number between 0 and 65535' };
      return { ...base, code: 3, error: 'URL rejected: Bad hostname' };
    }
    if (meter) err.write(progressHeader());
    const pinned = o.resolve.find((r) => r.host === url.host.toLowerCase() && r.port === url.port);
    let addresses: string[];
    if (pinned) {
      info(`Hostname ${url.host} was found in DNS cache`);
      addresses = [pinned.address];
    } else {
      const found = lookupHost(net, url.host);
      if (!found.ok) {
        if (meter) err.write(progressLine(0, 0, elapsed) + '\n');
        info(`Could not resolve host: ${url.host}`);
        info(`shutting down connection #${connectionId}`);
        return { code: 6, error: `Could not resolve host: ${url.host}`, why: lookupWhy(net, url.host), url, elapsedMs: elapsed, redirects };
      }
      addresses = found.addresses;
      if (found.answer) {
        info(`Host ${url.host}:${url.port} was resolved.`);
        info('IPv6: (none)');
        info(`IPv4: ${addresses.join(', ')}`);
      }
    }
    const address = addresses[0];
    info(`  Trying ${address.includes(':') ? `[${address}]` : address}:${url.port}...`);
    const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
    const headers = requestHeaders(o, url);
    const outcome: Outcome = exchange(net, {
      tls: url.scheme === 'https',
      insecure: o.insecure,
      address,
      port: url.port,
      host: url.host,
      request: { method, path: url.path, headers, body: o.data ?? '' },
      tool: 'curl',
    });
    const done = (code: number, error: string, extra: Partial<Result> = {}): Result => {
      if (meter) err.write(progressLine(0, 0, elapsed) + '\n');
      if (o.verbose) err.write(`* ${error}\n* closing connection #${connectionId}\n`);
      return { code, error, url, address, trace: outcome.trace, why: outcome.trace.why, elapsedMs: elapsed, redirects, ...extra };
    };
    if (outcome.kind === 'timeout' || outcome.kind === 'unreachable') {
      // The SYN goes unanswered: curl waits for the first of --connect-timeout, --max-time, and
      // the kernel's own give-up (ETIMEDOUT → curl maps it to 28), or EHOSTUNREACH (7).
      const limits = [o.connectTimeoutMs, o.maxTimeMs !== undefined ? o.maxTimeMs - elapsed : undefined].filter((x): x is number => x !== undefined);
      const curlLimit = limits.length ? Math.max(0, Math.min(...limits)) : undefined;
      const kernel = outcome.kind === 'unreachable' ? HOST_UNREACHABLE_MS : KERNEL_CONNECT_TIMEOUT_MS;
      const ms = curlLimit !== undefined && curlLimit < kernel ? curlLimit : kernel;
      if (!(await wait(ctx, ms))) return 'interrupted';
      elapsed += ms;
      if (curlLimit !== undefined && curlLimit < kernel) return done(28, `Connection timed out after ${elapsed + 1} milliseconds`);
      if (outcome.kind === 'unreachable') {
        info(`connect to ${address} port ${url.port} from ${net.vantage.ip} port ${net.network.ephemeralPort()} failed: No route to host`);
        return done(7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed} ms: Could not connect to server`);
      }
      info(`connect to ${address} port ${url.port} from ${net.vantage.ip} port ${net.network.ephemeralPort()} failed: Connection timed out`);
      return done(28, `Failed to connect to ${url.host} port ${url.port} after ${elapsed} ms: Could not connect to server`);
    }
    if (outcome.kind === 'refused') {
      info(`connect to ${address} port ${url.port} from ${net.vantage.ip} port ${net.network.ephemeralPort()} failed: Connection refused`);
      return done(7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed} ms: Could not connect to server`);
    }
    elapsed += 1;
    // curl 8 says "Connected to" once the whole filter chain is up, TLS included.
    if (outcome.kind === 'tls') {
      clientHello(tls, !o.insecure);
      return done(35, 'TLS connect error: error:0A00010B:SSL routines::wrong version number');
    }
    if (outcome.kind === 'untrusted') {
      clientHello(tls, true);
      serverHello(tls, outcome.tls);
      rejectCertificate(tls);
      return done(60, `SSL certificate problem: ${outcome.problem.text}`);
    }
    const cert = outcome.kind === 'response' ? outcome.tls : undefined;
    const h2 = outcome.kind === 'response' && outcome.alpn === 'h2';
    if (cert) {
      clientHello(tls, !o.insecure);
      serverHello(tls, cert);
      finishHandshake(tls, cert, h2 ? 'h2' : 'http/1.1', verifyProblem(cert));
    } else if (url.scheme === 'https') {
      info('ALPN: curl offers h2,http/1.1');
      info(`SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / RSASSA-PSS`);
      info('ALPN: server accepted http/1.1');
    }
    info(`Connected to ${url.host} (${address}) port ${url.port}`);
    info(h2 ? 'using HTTP/2' : 'using HTTP/1.x');
    if (o.verbose) {
      if (h2) {
        // http2.c: the stream and its header block, pseudo-headers first, names in lower case.
        info(`[HTTP/2] [1] OPENED stream for ${url.href}`);
        const pseudo: [string, string][] = [[':method', method], [':scheme', url.scheme], [':authority', url.hostHeader], [':path', url.path]];
        for (const [k, v] of [...pseudo, ...headers.filter(([k]) => k.toLowerCase() !== 'host').map(([k, v]) => [k.toLowerCase(), v] as [string, string])]) info(`[HTTP/2] [1] [${k}: ${v}]`);
      }
      err.write(`> ${method} ${url.path} HTTP/${h2 ? '2' : '1.1'}\r\n` + headers.map(([k, v]) => `> ${k}: ${v}\r\n`).join('') + '> \r\n');
      info('Request completely sent off');
      if (cert) sessionTickets(tls);
    }
    if (outcome.kind === 'empty') return done(52, 'Empty reply from server');
    const res = h2 ? asHttp2(outcome.response) : outcome.response;
    const httpVersion = h2 ? '2' : '1.1';
    if (o.verbose) err.write(statusAndHeaders(res, httpVersion, '< '));
    const size = o.head || method === 'HEAD' ? 0 : new TextEncoder().encode(res.body).length;
    if (meter) err.write(progressLine(size, size, elapsed) + '\n');
    const location = res.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (o.follow && location && [301, 302, 303, 307, 308].includes(res.status)) {
      if (redirects >= MAX_REDIRS) return done(47, `Maximum (${MAX_REDIRS}) redirects followed`);
      if (o.include && !o.head) ctx.stdout.write(statusAndHeaders(res, httpVersion));
      info(`Connection #${connectionId} to host ${url.host} left intact`);
      href = resolveLocation(url, location);
      info(`Issue another request to this URL: '${href}'`);
      redirects++;
      continue;
    }
    if (o.fail && res.status >= 400) {
      if (o.verbose) err.write(`* The requested URL returned error: ${res.status}\n* closing connection #${connectionId}\n`);
      return { code: 22, error: `The requested URL returned error: ${res.status}`, url, address, trace: outcome.trace, response: res, elapsedMs: elapsed, redirects, httpVersion };
    }
    // -v tells the data apart only when it is not shown on the same terminal (tool_cb_dbg.c).
    tracedData = false; // the header lines were HEADER_IN
    if (size) tls.data('{', size);
    const intact = o.verbose ? `* Connection #${connectionId} to host ${url.host} left intact\n` : undefined;
    return { code: 0, url, address, trace: outcome.trace, response: res, elapsedMs: elapsed, redirects, intact, httpVersion };
  }
}

function requestHeaders(o: Options, url: ParsedUrl): [string, string][] {
  const base: [string, string][] = [
    ['Host', url.hostHeader],
    ['User-Agent', o.userAgent ?? `curl/${CURL_VERSION}`],
    ['Accept', '*/*'],
  ];
  if (o.data !== undefined) {
    base.push(['Content-Length', String(new TextEncoder().encode(o.data).length)]);
    base.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  for (const h of o.headers) {
    const i = h.indexOf(':');
    if (i <= 0) continue;
    const name = h.slice(0, i).trim();
    const value = h.slice(i + 1).trim();
    const at = base.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
    if (value === '' && !h.trimEnd().endsWith(';')) {
      if (at >= 0) base.splice(at, 1); // "-H 'Accept:'" removes curl's own header
      continue;
    }
    if (at >= 0) base[at] = [name, value];
    else base.push([name, value]);
  }
  return base;
}
