// The ingress-nginx controller's nginx, as a simulated app: it picks a server by Host and a
// location by path (config.ts), redirects to HTTPS where a certificate is configured, answers 404
// from its default backend and 503 for a backend without endpoints, and otherwise proxies to one of
// the Service's endpoints — a second connection from the controller Pod, whose hops join the
// client's trace after an 'ingress' hop. Access lines go to the Pod's log in the upstreaminfo format.

import { registerImage } from '../../kubelet/images.ts';
import type { KObject } from '../../apiserver/types.ts';
import { registerApp } from '../apps/registry.ts';
import { httpDate, nginxLogTime } from '../apps/http-date.ts';
import type { App, AppContext, HttpRequest, HttpResponse } from '../apps/types.ts';
import type { NetworkService } from '../service.ts';
import type { Hop, Trace, Vantage } from '../trace.ts';
import type { ClusterView } from '../view.ts';
import { CATCH_ALL, DEFAULT_UPSTREAM, buildServers, isOurs, selectLocation, selectServer, upstreamName, type Location, type Server } from './config.ts';
import { fakeCertificate, secretCertificate, secretCovers, toTlsInfo, type TlsInfo } from './certificates.ts';
import { nginxPage } from './pages.ts';
import { pickRoundRobin, resolveUpstream } from './upstream.ts';

export const CONTROLLER_IMAGE_REPO = 'registry.k8s.io/ingress-nginx/controller';
export const CONTROLLER_VERSION = 'v1.13.2';
const HTTP_PORT = 80;
const HTTPS_PORT = 443;
const WEBHOOK_PORT = 8443;
const HEALTH_PORT = 10254;

/**
 * What this app needs beyond the shared App contract (proposed for apps/types.ts and
 * NetworkService.http): whether the connection is TLS, the port it arrived on, the network (to
 * connect onward) and the trace being built (to add the proxy's hops).
 */
export interface ConnectionInfo {
  tls?: boolean;
  localPort?: number;
}
export interface ProxyContext {
  network?: NetworkService;
  trace?: Trace;
}

/** The controller's servers for the current state of the store (rebuilt when it changes). */
const configs = new WeakMap<ClusterView, { version: string; servers: Map<string, Server> }>();

export function ingressServers(view: ClusterView): Map<string, Server> {
  const cached = configs.get(view);
  if (cached?.version === view.version) return cached.servers;
  const classes = view.store.peekAll('networking.k8s.io/ingressclasses');
  const ours = view.ingresses().filter((i) => isOurs(i, classes) && !i.metadata.deletionTimestamp);
  const servers = buildServers(ours, (ns, secret, host) => secretCovers(view, ns, secret, host));
  configs.set(view, { version: view.version, servers });
  return servers;
}

/** The certificate a server name gets: its Secret's, or the fake default. */
export function certificateFor(view: ClusterView, pod: KObject | undefined, sni: string | undefined): TlsInfo {
  const server = sni ? selectServer(ingressServers(view), sni) : undefined;
  if (server?.tlsSecret && server.hostname !== CATCH_ALL) {
    const c = secretCertificate(view, server.tlsSecret.namespace, server.tlsSecret.name);
    if (c) return toTlsInfo(c, server.tlsSecret);
  }
  return fakeCertificate(pod);
}

/**
 * For TLS clients (curl https://…): the certificate presented by the process on a Pod's port, or
 * undefined when that process does not speak TLS there (curl then fails with "wrong version number").
 */
export function tlsFor(network: NetworkService, target: { namespace: string; name: string }, port: number, sni?: string): TlsInfo | undefined {
  const pod = network.view.pod(target.namespace, target.name);
  const l = pod && network.listener(pod, port);
  if (!pod || l?.app !== ingressNginx || port !== HTTPS_PORT) return undefined;
  return certificateFor(network.view, pod, sni);
}

function header(req: HttpRequest, name: string): string | undefined {
  const n = name.toLowerCase();
  return req.headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

function requestLength(req: HttpRequest): number {
  let n = `${req.method} ${req.path} HTTP/1.1\r\n`.length + 2;
  for (const [k, v] of req.headers) n += k.length + v.length + 4;
  return n + new TextEncoder().encode(req.body).length;
}

/** nginx's $request_id: 16 random bytes in hex (deterministic here: a hash of the moment). */
let seq = 0;
function requestId(now: number, traceId: number): string {
  let out = '';
  let h = 0x811c9dc5 ^ traceId;
  const s = `${now}|${traceId}|${seq++}`;
  while (out.length < 32) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ out.length, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 32);
}

interface LogFields {
  status: number;
  bytes: number;
  upstream: string;
  upstreamAddr: string;
  upstreamLength: string;
  upstreamTime: string;
  upstreamStatus: string;
  requestTime: string;
  reqId: string;
}

/** log-format-upstream (internal/ingress/controller/config/config.go). */
function accessLog(req: HttpRequest, now: number, f: LogFields): string {
  const ref = header(req, 'referer') ?? '-';
  const ua = header(req, 'user-agent') ?? '-';
  return `${req.remoteAddr} - - [${nginxLogTime(now)}] "${req.method} ${req.path} HTTP/1.1" ${f.status} ${f.bytes} "${ref}" "${ua}" ${requestLength(req)} ${f.requestTime} [${f.upstream}] [] ${f.upstreamAddr} ${f.upstreamLength} ${f.upstreamTime} ${f.upstreamStatus} ${f.reqId}`;
}

const podRef = (p: KObject) => ({ namespace: p.metadata.namespace!, name: p.metadata.name!, ip: p.status?.podIP ?? '' });

function ingressHop(ctx: AppContext, loc: Location, text: string, svc?: KObject, port?: string, dst?: string): Hop {
  const rule = loc.ingress ? `${loc.ingress.namespace}/${loc.ingress.name}` : undefined;
  return {
    kind: 'ingress',
    text,
    node: ctx.pod.spec?.nodeName,
    pod: podRef(ctx.pod),
    rule,
    service: svc ? { namespace: svc.metadata.namespace!, name: svc.metadata.name!, type: svc.spec?.type ?? 'ClusterIP', port } : undefined,
    dst,
  };
}

function describeMatch(host: string, server: Server, loc: Location): string {
  const h = server.hostname === CATCH_ALL ? `${host || '(no host)'} (no rule for this host: catch-all server)` : server.hostname === host ? host : `${host} (matches ${server.hostname})`;
  const where = loc.isDefBackend ? 'no path rule matched' : `path ${loc.rulePath} (${loc.pathType})`;
  const ing = loc.ingress ? `Ingress ${loc.ingress.namespace}/${loc.ingress.name}` : 'no Ingress';
  return `ingress-nginx: Host ${h}, ${where} → ${ing}`;
}

/** The response headers nginx writes for a proxied response: its own Date, no Server. */
function proxiedHeaders(up: HttpResponse, now: number): [string, string][] {
  const get = (n: string) => up.headers.find(([k]) => k.toLowerCase() === n)?.[1];
  const out: [string, string][] = [['Date', httpDate(now)]];
  const ct = get('content-type');
  if (ct) out.push(['Content-Type', ct]);
  const cl = get('content-length');
  if (cl) out.push(['Content-Length', cl]);
  const lm = get('last-modified');
  if (lm) out.push(['Last-Modified', lm]);
  const loc = get('location');
  if (loc) out.push(['Location', loc]);
  if (!cl) out.push(['Transfer-Encoding', 'chunked']);
  out.push(['Connection', 'keep-alive']);
  const special = new Set(['date', 'server', 'content-type', 'content-length', 'last-modified', 'location', 'connection', 'keep-alive', 'transfer-encoding']);
  for (const [k, v] of up.headers) if (!special.has(k.toLowerCase())) out.push([k, v]);
  return out;
}

function serve(req: HttpRequest & ConnectionInfo, ctx: AppContext & ProxyContext): HttpResponse {
  const now = ctx.now;
  const network = ctx.network;
  const trace = ctx.trace;
  const tls = !!req.tls;
  const port = req.localPort ?? (tls ? HTTPS_PORT : HTTP_PORT);
  const reqId = header(req, 'x-request-id') ?? requestId(now, trace?.id ?? 0);
  const hops = (h: Hop) => trace?.hops.push(h);
  if (port === HTTPS_PORT && !tls) {
    const body = `<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
    return { status: 400, reason: 'Bad Request', headers: [['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'close']], body };
  }
  if (!network) return nginxPage(503, now, req.method);
  const view = network.view;
  const hostHeader = header(req, 'host') ?? '';
  const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
  const server = selectServer(ingressServers(view), hostHeader);
  const loc = selectLocation(server, req.path);
  const upstream = loc.isDefBackend && !loc.backend ? DEFAULT_UPSTREAM : upstreamName(loc.backend);
  const match = describeMatch(host, server, loc);
  const log = (res: HttpResponse, f: Omit<LogFields, 'status' | 'bytes' | 'reqId' | 'upstream'>) => {
    // The catch-all server's default backend does not log (enable-access-log-for-default-backend: false).
    if (server.hostname === CATCH_ALL && !loc.backend) return;
    ctx.log(accessLog(req, now, { ...f, status: res.status, bytes: req.method === 'HEAD' ? 0 : new TextEncoder().encode(res.body).length, reqId, upstream }));
  };
  const local = { requestTime: '0.000', upstreamAddr: '-', upstreamLength: '-', upstreamTime: '-', upstreamStatus: '-' };

  // ssl-redirect (on by default) for hosts with a certificate: 308 to https, trailing slash dropped.
  if (!tls && server.tlsSecret && server.hostname !== CATCH_ALL) {
    let uri = req.path;
    if (uri.endsWith('/')) uri = uri.slice(0, -1);
    const res = nginxPage(308, now, req.method, `https://${host}${uri}`);
    hops({ ...ingressHop(ctx, loc, `${match}: TLS is configured for ${server.hostname}, so ssl-redirect answers 308 → https://${host}${uri}`) });
    log(res, local);
    return res;
  }
  if (!loc.backend) {
    const res = nginxPage(404, now, req.method);
    hops(ingressHop(ctx, loc, `${match} → default backend: 404`));
    if (trace) trace.why = server.hostname === CATCH_ALL ? `No Ingress rule matches the host "${host}": ingress-nginx answers from its default backend (404).` : `No path of the Ingress rules for ${server.hostname} matches ${req.path.split('?')[0]}: default backend (404).`;
    log(res, { ...local, upstreamAddr: '127.0.0.1:8181', upstreamLength: String(res.body.length), upstreamTime: '0.000', upstreamStatus: '404' });
    return res;
  }
  const up = resolveUpstream(view, loc.backend);
  const svcPort = String(loc.backend.port.number ?? loc.backend.port.name);
  if (!up.endpoints.length) {
    const res = nginxPage(503, now, req.method);
    hops(ingressHop(ctx, loc, `${match} → Service ${loc.backend.service}:${svcPort}: no ready endpoints → 503`, up.service, svcPort));
    if (trace)
      trace.why = !up.service
        ? `The Ingress points at Service ${loc.backend.namespace}/${loc.backend.service}, which does not exist: ingress-nginx answers 503.`
        : !up.servicePort
          ? `Service ${loc.backend.namespace}/${loc.backend.service} has no port ${svcPort}: ingress-nginx answers 503.`
          : `Service ${loc.backend.namespace}/${loc.backend.service} has no ready endpoints: ingress-nginx answers 503.`;
    log(res, local);
    return res;
  }
  const ep = pickRoundRobin(view, upstream, up.endpoints);
  hops(ingressHop(ctx, loc, `${match} → Service ${loc.backend.service}:${svcPort} → endpoint ${ep.ip}:${ep.port} (round-robin, 1 of ${up.endpoints.length})`, up.service, svcPort, `${ep.ip}:${ep.port}`));
  // The second connection: from the controller Pod straight to the endpoint (no ClusterIP).
  const from: Vantage = { kind: 'pod', ip: ctx.pod.status?.podIP ?? '', node: ctx.pod.spec?.nodeName, pod: { namespace: ctx.pod.metadata.namespace!, name: ctx.pod.metadata.name! } };
  const inner = network.dataplane.connect(from, ep.ip, ep.port, { tool: 'ingress-nginx' });
  trace?.hops.push(...inner.hops);
  const upstreamAddr = `${ep.ip}:${ep.port}`;
  const fail = (status: 502 | 504, why: string) => {
    const res = nginxPage(status, now, req.method);
    if (trace) trace.why = why;
    // proxy_connect_timeout is 5 s: a timed-out connect shows in both times.
    const t = status === 504 ? '5.001' : '0.000';
    log(res, { ...local, upstreamAddr, upstreamStatus: String(status), upstreamTime: t, upstreamLength: '0', requestTime: t });
    return res;
  };
  if (inner.result.kind !== 'connected') {
    const why = `ingress-nginx could not connect to ${upstreamAddr}${inner.why ? ': ' + inner.why : ''}`;
    return inner.result.kind === 'timeout' ? fail(504, why) : fail(502, why);
  }
  const backendPod = view.pod(inner.result.pod.namespace, inner.result.pod.name);
  const l = backendPod && network.listener(backendPod, inner.result.port);
  if (!backendPod || !l?.app?.http) return fail(502, `The process on ${inner.result.pod.name}:${inner.result.port} does not speak HTTP: upstream prematurely closed connection.`);
  const scheme = tls ? 'https' : 'http';
  const set: [string, string][] = [
    ['Host', hostHeader],
    ['X-Request-ID', reqId],
    ['X-Real-IP', req.remoteAddr],
    ['X-Forwarded-For', req.remoteAddr],
    ['X-Forwarded-Host', hostHeader],
    ['X-Forwarded-Port', String(port)],
    ['X-Forwarded-Proto', scheme],
    ['X-Forwarded-Scheme', scheme],
    ['X-Scheme', scheme],
  ];
  const overridden = new Set([...set.map(([k]) => k.toLowerCase()), 'connection', 'upgrade', 'proxy']);
  const headers = [...set, ...req.headers.filter(([k]) => !overridden.has(k.toLowerCase()))];
  const upReq: HttpRequest = { method: req.method, path: req.path, headers, body: req.body, remoteAddr: inner.result.clientIP, remotePort: network.ephemeralPort() };
  const upRes = l.app.http(upReq, network.appContext(backendPod, l.container));
  const res: HttpResponse = { status: upRes.status, reason: upRes.reason, headers: proxiedHeaders(upRes, now), body: req.method === 'HEAD' ? '' : upRes.body };
  log(res, { requestTime: '0.001', upstreamAddr, upstreamLength: String(new TextEncoder().encode(upRes.body).length), upstreamTime: '0.001', upstreamStatus: String(upRes.status) });
  return res;
}

/** The status server on :10254 (healthz for the kubelet's probes). */
function statusServer(req: HttpRequest, now: number): HttpResponse {
  const path = req.path.split('?')[0];
  if (path === '/healthz') return { status: 200, reason: 'OK', headers: [['Date', httpDate(now)], ['Content-Length', '0']], body: '' };
  const body = '404 page not found\n';
  return { status: 404, reason: 'Not Found', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(now)], ['Content-Length', String(body.length)]], body };
}

export const ingressNginx: App = {
  ports: () => [HTTP_PORT, HTTPS_PORT, WEBHOOK_PORT, HEALTH_PORT],
  http(req, ctx) {
    const port = (req as ConnectionInfo).localPort;
    if (port === HEALTH_PORT) return statusServer(req, ctx.now);
    return serve(req, ctx);
  },
  startupLogs: () => [
    '-------------------------------------------------------------------------------',
    'NGINX Ingress controller',
    `  Release:       ${CONTROLLER_VERSION}`,
    '  Build:         git-8f39a704d',
    '  Repository:    https://github.com/kubernetes/ingress-nginx',
    '  nginx version: nginx/1.27.1',
    '',
    '-------------------------------------------------------------------------------',
    '',
  ],
};

registerImage({ repo: CONTROLLER_IMAGE_REPO, sizeBytes: 321_418_736, ports: [HTTP_PORT, HTTPS_PORT, WEBHOOK_PORT, HEALTH_PORT], preloaded: true });
registerApp(CONTROLLER_IMAGE_REPO, ingressNginx);

