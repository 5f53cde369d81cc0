// mongosh, the MongoDB shell, as the port-forward docs use it (`mongosh --port 28015`, then
// `db.runCommand( { ping: 1 } )` → `{ ok: 1 }`): the connect banner of mongosh 2.x, a `test> `
// prompt and the few commands the docs type. Each command is one exchange through the network
// (so a port-forward tunnel, a Service or a closed port answers as it would).

import type { Program, ProcessContext } from '../program.ts';
import { writeHint } from './hint.ts';
import { netHost, type NetHost } from './host.ts';
import { lookupHost } from './lookup.ts';
import { interrupted, wait } from './wait.ts';

const VERSION = '2.5.8';
/** serverSelectionTimeoutMS in the connection string mongosh builds for --host/--port. */
const SELECTION_TIMEOUT_MS = 2000;

interface Target {
  host: string;
  port: number;
  uri: string;
}

function parseArgs(argv: string[]): Target | string {
  let host = '127.0.0.1';
  let port = 27017;
  let uri: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--port') port = Number(inline ?? argv[++i]);
    else if (flag === '--host') {
      const h = inline ?? argv[++i] ?? '';
      const m = /^(.*):(\d+)$/.exec(h);
      if (m) [host, port] = [m[1], Number(m[2])];
      else host = h;
    } else if (/^mongodb:\/\//.test(a)) {
      const m = /^mongodb:\/\/(?:[^@/]*@)?([^/:?]+)(?::(\d+))?/.exec(a);
      if (!m) return `MongoshInvalidInputError: [COMMON-10001] Invalid URI: ${a}`;
      host = m[1];
      port = m[2] ? Number(m[2]) : 27017;
      uri = a;
    } else if (a === '--quiet' || a === '--nodb') continue;
    else if (a.startsWith('-')) return `Error parsing command line: unrecognized option: ${a}`;
    else {
      const m = /^([^/:]+)(?::(\d+))?(?:\/.*)?$/.exec(a);
      if (m) [host, port] = [m[1], m[2] ? Number(m[2]) : port];
    }
  }
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return `MongoshInvalidInputError: [COMMON-10001] Invalid port: ${port}`;
  uri ??= `mongodb://${host}:${port}/?directConnection=true&serverSelectionTimeoutMS=${SELECTION_TIMEOUT_MS}&appName=mongosh+${VERSION}`;
  return { host, port, uri };
}

type Reply = { ok: true; body: Record<string, unknown> } | { ok: false; error: string; why?: string } | 'interrupted';

async function exchange(ctx: ProcessContext, net: NetHost, t: Target, data: string): Promise<Reply> {
  const found = lookupHost(net, t.host);
  if (!found.ok) return { ok: false, error: `MongoNetworkError: getaddrinfo ENOTFOUND ${t.host}` };
  const x = net.network.tcp(net.vantage, found.addresses[0], t.port, data, { host: t.host, tool: 'mongosh' });
  const kind = x.trace.result.kind;
  const addr = `${found.addresses[0]}:${t.port}`;
  if (kind === 'connected') {
    try {
      return { ok: true, body: JSON.parse(x.reply ?? '') as Record<string, unknown> };
    } catch {
      // Something that is not mongod accepted the connection and answered otherwise.
      return { ok: false, error: `MongoServerSelectionError: connection <monitor> to ${addr} closed`, why: x.trace.why ?? `The process on port ${t.port} is not MongoDB.` };
    }
  }
  if (kind === 'refused') return { ok: false, error: `MongoNetworkError: connect ECONNREFUSED ${addr}`, why: x.trace.why };
  if (!(await wait(ctx, SELECTION_TIMEOUT_MS))) return 'interrupted';
  return { ok: false, error: `MongoServerSelectionError: Server selection timed out after ${SELECTION_TIMEOUT_MS} ms`, why: x.trace.why };
}

/** A 24-hex-digit ObjectId for the log ID line, stable per sandbox clock. */
function logId(now: number): string {
  return (Math.floor(now / 1000).toString(16).padStart(8, '0') + 'a1b2c3d4e5f60718').slice(0, 24);
}

export const mongosh: Program = async (ctx) => {
  const net = netHost(ctx, 'mongosh');
  if (!net) return 1;
  const t = parseArgs(ctx.argv.slice(1));
  if (typeof t === 'string') {
    ctx.stderr.write(t + '\n');
    return 1;
  }
  const now = net.now?.() ?? 0;
  ctx.stdout.write(`Current Mongosh Log ID:\t${logId(now)}\nConnecting to:\t\t${t.uri}\n`);
  const hello = await exchange(ctx, net, t, 'hello');
  if (hello === 'interrupted') return interrupted(ctx);
  if (!hello.ok) {
    ctx.stderr.write(hello.error + '\n');
    writeHint(ctx.stderr, hello.why);
    return 1;
  }
  ctx.stdout.write(`Using MongoDB:\t\t${String(hello.body.version ?? '')}\nUsing Mongosh:\t\t${VERSION}\n\nFor mongosh info see: https://www.mongodb.com/docs/mongodb-shell/\n\n`);
  let db = 'test';
  for (;;) {
    ctx.stdout.write(`${db}> `);
    const line = await ctx.stdin.read();
    if (line === null || ctx.signal.aborted) return 0;
    const input = line.trim();
    if (!input) continue;
    if (/^(exit|quit)(\(\))?;?$/.test(input)) return 0;
    if (input === 'db') {
      ctx.stdout.write(db + '\n');
      continue;
    }
    const use = /^use\s+(\w+);?$/.exec(input);
    if (use) {
      db = use[1];
      ctx.stdout.write(`switched to db ${db}\n`);
      continue;
    }
    if (/^db\.(runCommand|adminCommand)\(\s*\{\s*["']?ping["']?\s*:\s*1\s*\}\s*\);?$/.test(input)) {
      const r = await exchange(ctx, net, t, 'ping');
      if (r === 'interrupted') return interrupted(ctx);
      ctx.stdout.write(r.ok ? '{ ok: 1 }\n' : r.error + '\n');
      continue;
    }
    if (/^show\s+(dbs|databases);?$/.test(input)) {
      ctx.stdout.write('admin   40.00 KiB\nconfig  12.00 KiB\nlocal   40.00 KiB\n');
      continue;
    }
    const id = /^([A-Za-z_$][\w$]*)/.exec(input)?.[1];
    ctx.stdout.write(`ReferenceError: ${id ?? input} is not defined\n`);
    writeHint(ctx.stdout, "this sandbox's mongosh knows db.runCommand( { ping: 1 } ), db, use NAME, show dbs and exit");
  }
};
