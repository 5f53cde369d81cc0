// The servers the Services and networking docs run, as simulated apps: echoserver (Using Source
// IP: shows the client address it sees), serve_hostname (Debug Services: answers its Pod name),
// the hello backend and the nginx frontend that proxies to it (Connect a Frontend to a Backend),
// and mongod (port-forward with mongosh). Images are registered with the runtime alongside.

import { registerImage } from '../../cluster/kubelet/images.ts';
import { registerApp } from '../../cluster/network/apps/registry.ts';
import { httpDate } from '../../cluster/network/apps/http-date.ts';
import type { App, AppContext, HttpRequest, HttpResponse } from '../../cluster/network/apps/types.ts';
import type { Vantage } from '../../cluster/network/trace.ts';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

function response(now: number, body: string, headers: [string, string][]): HttpResponse {
  return { status: 200, reason: 'OK', headers: [...headers, ['Date', httpDate(now)], ['Content-Length', String(utf8(body))]], body };
}

/**
 * registry.k8s.io/echoserver:1.10 (nginx + lua): the request as it arrived. request_uri is
 * scheme://$host:$server_port$request_uri — the Host header's name with the port nginx listens on.
 */
export const echoserver: App = {
  ports: () => [8080],
  http(req, ctx) {
    const host = req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? '';
    const headers = req.headers
      .map(([k, v]) => [k.toLowerCase(), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `\t${k}=${v}`);
    const [path, query = ''] = req.path.split(/\?(.*)/s);
    const body = [
      '',
      '',
      `Hostname: ${ctx.pod.metadata.name}`,
      '',
      'Pod Information:',
      '\t-no pod information available-',
      '',
      'Server values:',
      '\tserver_version=nginx: 1.13.3 - lua: 10008',
      '',
      'Request Information:',
      `\tclient_address=${req.remoteAddr}`,
      `\tmethod=${req.method}`,
      `\treal path=${path}`,
      `\tquery=${query}`,
      '\trequest_version=1.1',
      `\trequest_scheme=${req.tls ? 'https' : 'http'}`,
      `\trequest_uri=http://${host.replace(/:\d+$/, '')}:8080${req.path}`,
      '',
      'Request Headers:',
      ...headers,
      '',
      'Request Body:',
      req.body ? req.body : '\t-no body in request-',
      '',
      '',
    ].join('\n');
    ctx.log(`${req.remoteAddr} - - [${clf(ctx.now)}] "${req.method} ${req.path} HTTP/1.1" 200 ${utf8(body)} "-" "${userAgent(req)}"`);
    return response(ctx.now, body, [['Server', 'echoserver'], ['Content-Type', 'text/plain']]);
  },
};

function userAgent(req: HttpRequest): string {
  return req.headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '-';
}

/** nginx's $time_local: 10/Oct/2025:13:55:36 +0000. */
function clf(now: number): string {
  const d = new Date(now);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** registry.k8s.io/serve_hostname: `fmt.Fprintf(w, "%s", hostname)` on :9376 (no newline). */
export const serveHostname: App = {
  ports: () => [9376],
  http(_req, ctx) {
    return response(ctx.now, ctx.pod.metadata.name ?? '', [['Content-Type', 'text/plain; charset=utf-8']]);
  },
};

/** gcr.io/google-samples/hello-go-gke:1.0, the docs' "hello greeter" backend on :80. */
export const helloGoGke: App = {
  ports: () => [80],
  http(_req, ctx) {
    return response(ctx.now, '{"message":"Hello"}\n', [['Content-Type', 'application/json']]);
  },
};

/**
 * gcr.io/google-samples/hello-frontend:1.0: nginx whose baked-in config proxies every request to
 * `http://hello` (the backend Service's name, resolved by cluster DNS from the Pod).
 */
export const helloFrontend: App = {
  ports: () => [80],
  http(req, ctx) {
    const network = ctx.network;
    const bad = (status: number, reason: string) => {
      const body = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/1.14.2</center>\r\n</body>\r\n</html>\r\n`;
      return { status, reason, headers: [['Server', 'nginx/1.14.2'], ['Date', httpDate(ctx.now)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)]] as [string, string][], body };
    };
    if (!network) return bad(502, 'Bad Gateway');
    const from: Vantage = { kind: 'pod', ip: ctx.pod.status?.podIP ?? '', node: ctx.pod.spec?.nodeName, pod: { namespace: ctx.pod.metadata.namespace!, name: ctx.pod.metadata.name! } };
    const answer = network.resolve(from, 'hello');
    const a = answer.records.find((r) => r.type === 'A');
    // nginx resolves the upstream once, at start; an unknown host keeps it from starting at all.
    if (!a) {
      if (ctx.trace) ctx.trace.why = 'The frontend proxies to http://hello: there is no Service named hello in its namespace.';
      return bad(502, 'Bad Gateway');
    }
    const inner = network.dataplane.connect(from, a.data, 80, { host: 'hello', tool: 'nginx' });
    ctx.trace?.hops.push(...inner.hops);
    if (inner.result.kind !== 'connected') {
      if (ctx.trace) ctx.trace.why = `The frontend could not reach the hello Service${inner.why ? ': ' + inner.why : ''}.`;
      return inner.result.kind === 'timeout' ? bad(504, 'Gateway Time-out') : bad(502, 'Bad Gateway');
    }
    const pod = network.view.pod(inner.result.pod.namespace, inner.result.pod.name);
    const l = pod && network.listener(pod, inner.result.port);
    if (!pod || !l?.app?.http) return bad(502, 'Bad Gateway');
    const up = l.app.http(
      { method: req.method, path: req.path, headers: [['Host', 'Backend'], ['Connection', 'close'], ...req.headers.filter(([k]) => !/^(host|connection)$/i.test(k))], body: req.body, remoteAddr: inner.result.clientIP, remotePort: network.ephemeralPort() },
      network.appContext(pod, l.container),
    );
    const keep = up.headers.filter(([k]) => !/^(date|server|content-length|connection)$/i.test(k));
    return { status: up.status, reason: up.reason, headers: [['Server', 'nginx/1.14.2'], ['Date', httpDate(ctx.now)], ...keep, ['Content-Length', String(utf8(up.body))], ['Connection', 'keep-alive']], body: req.method === 'HEAD' ? '' : up.body };
  },
};

/** mongod on :27017. mongosh (shell/net/mongosh.ts) speaks a one-line stand-in for the wire protocol. */
export const mongod: App = {
  ports: () => [27017],
  tcp(data, ctx: AppContext) {
    if (data.startsWith('hello')) {
      const tag = /^mongo:?(.*)$/.exec(ctx.container.image.split('/').pop() ?? '')?.[1] || 'latest';
      const version = tag === '4.2' ? '4.2.24' : tag === 'latest' ? '8.0.13' : tag;
      return JSON.stringify({ isWritablePrimary: true, maxWireVersion: 8, ok: 1, version });
    }
    return JSON.stringify({ ok: 1 });
  },
};

let registered = false;

/** Add the docs' images and apps to the runtime (idempotent). */
export function registerDocsApps(): void {
  if (registered) return;
  registered = true;
  registerApp('registry.k8s.io/echoserver', echoserver);
  registerApp('k8s.gcr.io/echoserver', echoserver);
  registerApp('registry.k8s.io/serve_hostname', serveHostname);
  registerApp('k8s.gcr.io/serve_hostname', serveHostname);
  registerApp('gcr.io/google-samples/hello-go-gke', helloGoGke);
  registerApp('gcr.io/google-samples/hello-frontend', helloFrontend);
  registerApp('mongo', mongod);
  // hello-application.yaml's image; its app is already registered (small-apps helloApp).
  registerImage({ repo: 'us-docker.pkg.dev/google-samples/containers/gke/hello-app', sizeBytes: 9_953_232, ports: [8080] });
  registerImage({ repo: 'registry.k8s.io/serve_hostname', sizeBytes: 2_484_176, ports: [9376] });
  registerImage({ repo: 'k8s.gcr.io/serve_hostname', sizeBytes: 2_484_176, ports: [9376] });
  registerImage({ repo: 'gcr.io/google-samples/hello-go-gke', sizeBytes: 4_407_556, ports: [80] });
  registerImage({ repo: 'gcr.io/google-samples/hello-frontend', sizeBytes: 46_117_234, ports: [80] });
  registerImage({ repo: 'registry.k8s.io/e2e-test-images/jessie-dnsutils', sizeBytes: 112_672_826, ports: [], exits: { code: 0, afterMs: 50 }, ignoresSigterm: true });
}
