// The official nginx image: the welcome page on :80, a 404 page elsewhere, combined-format access
// log lines and the docker-entrypoint start-up lines on stdout.

import { httpDate, nginxErrorTime, nginxLogTime } from './http-date.ts';
import type { App, HttpRequest, HttpResponse } from './types.ts';

export const NGINX_VERSION = '1.29.3';

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** ngx_http_special_response.c: the page and its tail (server_tokens on) end lines with CRLF. */
export function nginxErrorPage(status: number, reason: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;
}

const LAST_MODIFIED = Date.UTC(2025, 9, 28, 12, 5, 16);

export function nginxResponse(req: HttpRequest, now: number): HttpResponse {
  const path = req.path.split('?')[0];
  const found = path === '/' || path === '/index.html';
  const body = found ? NGINX_WELCOME : nginxErrorPage(404, 'Not Found');
  const headers: [string, string][] = [
    ['Server', `nginx/${NGINX_VERSION}`],
    ['Date', httpDate(now)],
    ['Content-Type', 'text/html'],
    ['Content-Length', String(body.length)],
  ];
  if (found) headers.push(['Last-Modified', httpDate(LAST_MODIFIED)]);
  headers.push(['Connection', 'keep-alive']);
  if (found) headers.push(['ETag', '"6900b1d4-267"'], ['Accept-Ranges', 'bytes']);
  return { status: found ? 200 : 404, reason: found ? 'OK' : 'Not Found', headers, body: req.method === 'HEAD' ? '' : body };
}

export function nginxAccessLog(req: HttpRequest, res: HttpResponse, now: number): string {
  const ua = req.headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '-';
  const referer = req.headers.find(([k]) => k.toLowerCase() === 'referer')?.[1] ?? '-';
  const bytes = res.body.length;
  return `${req.remoteAddr} - - [${nginxLogTime(now)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${bytes} "${referer}" "${ua}" "-"`;
}

export const nginx: App = {
  ports: () => [80],
  http(req, ctx) {
    const res = nginxResponse(req, ctx.now);
    ctx.log(nginxAccessLog(req, res, ctx.now));
    return res;
  },
  startupLogs(ctx) {
    const t = nginxErrorTime(ctx.now);
    const lines = [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${t} [notice] 1#1: using the "epoll" event method`,
      `${t} [notice] 1#1: nginx/${NGINX_VERSION}`,
      `${t} [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) `,
      `${t} [notice] 1#1: OS: Linux 6.8.0-60-generic`,
      `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${t} [notice] 1#1: start worker processes`,
      `${t} [notice] 1#1: start worker process 29`,
      `${t} [notice] 1#1: start worker process 30`,
    ];
    return lines;
  },
};
