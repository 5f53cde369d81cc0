// BusyBox wget (networking/wget.c, libbb/xconnect.c, libbb/progress.c): the wget in busybox
// images and in netshoot's PATH before GNU wget. Its messages, its progress bar and exit codes.

import type { ProcessContext, Program } from '../program.ts';
import { exchange } from './exchange.ts';
import { writeHint } from './hint.ts';
import { netHost } from './host.ts';
import { lookupHost, lookupWhy } from './lookup.ts';
import { parseUrl } from './url.ts';
import { interrupted, KERNEL_CONNECT_TIMEOUT_MS, wait } from './wait.ts';

/** BusyBox wget's default -T (G.timeout_seconds = 900). */
const DEFAULT_TIMEOUT_S = 900;
const HOST_UNREACHABLE_MS = 3_070;

interface Options {
  quiet: boolean;
  output?: string;
  serverResponse: boolean;
  timeoutS: number;
  spider: boolean;
  userAgent: string;
  headers: [string, string][];
  noCheckCertificate: boolean;
  urls: string[];
}

const USAGE = 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n';

function parseArgs(argv: string[]): Options | { error: string } {
  const o: Options = { quiet: false, serverResponse: false, timeoutS: DEFAULT_TIMEOUT_S, spider: false, userAgent: 'Wget', headers: [], noCheckCertificate: false, urls: [] };
  const valued = new Set(['O', 'T', 'U', 'P', 'o', 'Y', 't']);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      const value = () => inline ?? argv[++i];
      if (name === '--quiet') o.quiet = true;
      else if (name === '--spider') o.spider = true;
      else if (name === '--server-response') o.serverResponse = true;
      else if (name === '--output-document') o.output = value();
      else if (name === '--timeout') o.timeoutS = Number(value());
      else if (name === '--user-agent') o.userAgent = value() ?? '';
      else if (name === '--header') {
        const h = value() ?? '';
        const c = h.indexOf(':');
        if (c > 0) o.headers.push([h.slice(0, c).trim(), h.slice(c + 1).trim()]);
      } else if (name === '--no-check-certificate') o.noCheckCertificate = true;
      else if (name === '--continue') continue;
      else return { error: `wget: unrecognized option '${name}'\n${USAGE}` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (valued.has(c)) {
          const v = a.slice(j + 1) || argv[++i];
          if (v === undefined) return { error: `wget: option requires an argument -- '${c}'\n${USAGE}` };
          if (c === 'O') o.output = v;
          else if (c === 'T') o.timeoutS = Number(v);
          else if (c === 'U') o.userAgent = v;
          break;
        }
        if (c === 'q') o.quiet = true;
        else if (c === 'S') o.serverResponse = true;
        else if (c === 'c') continue;
        else return { error: `wget: invalid option -- '${c}'\n${USAGE}` };
      }
      continue;
    }
    o.urls.push(a);
  }
  if (!o.urls.length) return { error: USAGE };
  return o;
}

export const wget: Program = async (ctx) => {
  const parsed = parseArgs(ctx.argv);
  if ('error' in parsed) {
    ctx.stderr.write(parsed.error);
    return 1;
  }
  const net = netHost(ctx, 'wget');
  if (!net) return 1;
  const o = parsed;
  const err = (msg: string, why?: string) => {
    ctx.stderr.write(`wget: ${msg}\n`);
    writeHint(ctx.stderr, why);
    return 1;
  };
  for (const input of o.urls) {
    const url = parseUrl(input);
    if ('error' in url) return err(url.error === 'scheme' ? `not an http or ftp url: ${input}` : `bad port spec '${input}'`);
    // BusyBox keeps host:port together as the "host" it prints (parse_url).
    const hostShown = /^[a-z]+:\/\//i.test(input) ? input.replace(/^[a-z]+:\/\//i, '').split(/[/?#]/)[0].replace(/^.*@/, '') : input.split(/[/?#]/)[0];
    const found = lookupHost(net, url.host);
    if (!found.ok) return err(`bad address '${url.host}'`, lookupWhy(net, url.host));
    const address = found.addresses[0];
    if (!o.quiet) ctx.stderr.write(`Connecting to ${hostShown} (${address}:${url.port})\n`);
    const headers: [string, string][] = [['Host', url.hostHeader], ['User-Agent', o.userAgent], ...o.headers, ['Connection', 'close']];
    // spawn_ssl_client(): BusyBox's TLS never checks certificates, and says so once.
    if (url.scheme === 'https' && !o.noCheckCertificate) {
      o.noCheckCertificate = true;
      ctx.stderr.write('wget: note: TLS certificate validation not implemented\n');
    }
    const out = exchange(net, { tls: url.scheme === 'https', insecure: true, address, port: url.port, host: url.host, request: { method: 'GET', path: url.path, headers, body: '' }, tool: 'wget' });
    const why = out.trace.why;
    if (out.kind === 'timeout' || out.kind === 'unreachable') {
      const kernel = out.kind === 'unreachable' ? HOST_UNREACHABLE_MS : KERNEL_CONNECT_TIMEOUT_MS;
      const limit = o.timeoutS > 0 ? o.timeoutS * 1000 : Infinity;
      if (!(await wait(ctx, Math.min(kernel, limit)))) return interrupted(ctx);
      if (limit <= kernel) return err('download timed out', why);
      return err(`can't connect to remote host (${address}): ${out.kind === 'unreachable' ? 'No route to host' : 'Connection timed out'}`, why);
    }
    if (out.kind === 'refused') return err(`can't connect to remote host (${address}): Connection refused`, why);
    if (out.kind === 'empty' || out.kind === 'tls' || out.kind === 'untrusted') return err('error getting response: Connection reset by peer', why);
    const res = out.response;
    const statusLine = `HTTP/1.1 ${res.status} ${res.reason}`;
    if (o.serverResponse) ctx.stderr.write(`  ${statusLine}\n` + res.headers.map(([k, v]) => `  ${k}: ${v}\n`).join(''));
    if (!(res.status >= 200 && res.status <= 204) && ![300, 301, 302, 303, 307, 308].includes(res.status)) return err(`server returned error: ${statusLine}`);
    if (o.spider) {
      if (!o.quiet) ctx.stderr.write('remote file exists\n');
      continue;
    }
    const toStdout = o.output === '-';
    const fname = o.output ?? (url.path.split('?')[0].split('/').pop() || 'index.html');
    const fs = ctx.fs.at(ctx.cwd);
    if (!toStdout) {
      // BusyBox opens the file O_CREAT|O_EXCL unless -O names it.
      if (o.output === undefined && fs.exists(fname)) return err(`can't open '${fname}': File exists`);
      try {
        fs.writeFile(fname, res.body);
      } catch {
        return err(`can't open '${fname}': No such file or directory`);
      }
    }
    if (!o.quiet) ctx.stderr.write(toStdout ? 'writing to stdout\n' : `saving to '${fname}'\n`);
    if (toStdout) ctx.stdout.write(res.body);
    if (!o.quiet) {
      writeProgress(ctx, toStdout ? '-' : fname, new TextEncoder().encode(res.body).length);
      ctx.stderr.write(toStdout ? 'written to stdout\n' : `'${fname}' saved\n`);
    }
  }
  return 0;
};

/** bb_progress_update(): name, percentage, a bar of terminal width − 48, size, ETA. */
function writeProgress(ctx: ProcessContext, name: string, size: number): void {
  const tty = ctx.stderr.isTTY;
  const cols = ctx.terminal && 'cols' in ctx.terminal ? Number((ctx.terminal as { cols: number }).cols) : 80;
  const barlength = Math.min(cols - 48, 999);
  const frame = (done: number) => {
    let s = (tty ? '\r' : '') + name.padEnd(20).slice(0, 20) + ' ';
    s += `${String(size ? Math.floor((100 * done) / size) : 100).padStart(3)}% `;
    if (barlength > 2) {
      const stars = size ? Math.floor((barlength * done) / size) : barlength;
      s += `|${'*'.repeat(stars)}${' '.repeat(barlength - stars)}| `;
    }
    s += String(done).padStart(5);
    s += done ? '  0:00:00 ETA' : ' --:--:-- ETA';
    return s + (tty ? '' : '\n');
  };
  ctx.stderr.write(frame(0) + frame(size) + (tty ? '\n' : ''));
}
