// redis-cli: one command from argv, or a prompt (`host:port> `) reading commands from stdin. Each
// command is one RESP exchange through the network. Replies print as redis-cli prints them: typed
// ("(integer) 1", quoted strings) on a terminal, raw when piped.

import type { Program } from '../program.ts';
import { writeHint } from './hint.ts';
import { netHost } from './host.ts';
import { lookupHost, lookupWhy } from './lookup.ts';
import { interrupted, KERNEL_CONNECT_TIMEOUT_MS, wait } from './wait.ts';

function encode(args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${new TextEncoder().encode(a).length}\r\n${a}\r\n`).join('');
}

/** One RESP reply as redis-cli shows it. */
export function formatReply(reply: string, tty: boolean): string {
  const line = reply.split('\r\n')[0];
  const kind = line[0];
  const rest = line.slice(1);
  if (kind === '+') return rest;
  if (kind === '-') return tty ? `(error) ${rest}` : rest;
  if (kind === ':') return tty ? `(integer) ${rest}` : rest;
  if (kind === '$') {
    if (rest === '-1') return tty ? '(nil)' : '';
    const body = reply.slice(line.length + 2, reply.length - 2);
    return tty ? JSON.stringify(body) : body;
  }
  return reply.trimEnd();
}

/** Splits a typed command line like redis-cli's sdssplitargs (quotes group words). */
function splitArgs(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m; (m = re.exec(line)); ) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]));
  return out;
}

export const redisCli: Program = async (ctx) => {
  const net = netHost(ctx, 'redis-cli');
  if (!net) return 1;
  let host = '127.0.0.1';
  let port = 6379;
  const cmd: string[] = [];
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (cmd.length === 0 && a === '-h') host = argv[++i] ?? host;
    else if (cmd.length === 0 && a === '-p') port = Number(argv[++i] ?? port);
    else if (cmd.length === 0 && (a === '--raw' || a === '--no-raw')) continue;
    else cmd.push(a);
  }
  const tty = ctx.stdout.isTTY;
  const send = async (args: string[]): Promise<{ out?: string; error?: string; why?: string } | 'interrupted'> => {
    const found = lookupHost(net, host);
    if (!found.ok) return { error: `Could not connect to Redis at ${host}:${port}: Name or service not known`, why: lookupWhy(net, host) };
    const x = net.network.tcp(net.vantage, found.addresses[0], port, encode(args), { host, tool: 'redis-cli' });
    const r = x.trace.result.kind;
    if (r === 'connected') return { out: x.reply ?? '' };
    if (r === 'refused') return { error: `Could not connect to Redis at ${host}:${port}: Connection refused`, why: x.trace.why };
    if (!(await wait(ctx, KERNEL_CONNECT_TIMEOUT_MS))) return 'interrupted';
    return { error: `Could not connect to Redis at ${host}:${port}: Connection timed out`, why: x.trace.why };
  };
  if (cmd.length) {
    const r = await send(cmd);
    if (r === 'interrupted') return interrupted(ctx);
    if (r.error) {
      ctx.stderr.write(r.error + '\n');
      writeHint(ctx.stderr, r.why);
      return 1;
    }
    ctx.stdout.write(formatReply(r.out ?? '', tty) + '\n');
    return 0;
  }
  if (!ctx.stdin.isTTY) {
    // Commands piped in: one per line, no prompt (redis-cli's non-interactive stdin mode).
    for (const line of (await ctx.stdin.readAll()).split('\n')) {
      const args = splitArgs(line);
      if (!args.length) continue;
      const r = await send(args);
      if (r === 'interrupted') return interrupted(ctx);
      if (r.error) {
        ctx.stderr.write(r.error + '\n');
        return 1;
      }
      ctx.stdout.write(formatReply(r.out ?? '', tty) + '\n');
    }
    return 0;
  }
  return interactive(ctx, host, port, send);
};

async function interactive(
  ctx: Parameters<Program>[0],
  host: string,
  port: number,
  send: (args: string[]) => Promise<{ out?: string; error?: string; why?: string } | 'interrupted'>,
): Promise<number> {
  // redis-cli connects first; when that fails the prompt says so.
  const probe = await send(['PING']);
  if (probe === 'interrupted') return interrupted(ctx);
  let connected = !probe.error;
  if (probe.error) ctx.stdout.write(probe.error + '\n');
  for (;;) {
    ctx.stdout.write(connected ? `${host}:${port}> ` : 'not connected> ');
    const line = await ctx.stdin.read();
    if (line === null || ctx.signal.aborted) return 0;
    const args = splitArgs(line);
    if (!args.length) continue;
    if (/^(quit|exit)$/i.test(args[0])) return 0;
    const r = await send(args);
    if (r === 'interrupted') return interrupted(ctx);
    connected = !r.error;
    ctx.stdout.write((r.error ?? formatReply(r.out ?? '', true)) + '\n');
  }
}
