// The responses nginx itself writes in ingress-nginx: error pages and redirects. With
// server_tokens off the page footer says `nginx` without a version, the body lines end in CRLF
// (ngx_http_special_response.c), and `more_clear_headers Server` drops the Server header.

import { httpDate } from '../apps/http-date.ts';
import type { HttpResponse } from '../apps/types.ts';

export const REASONS: Record<number, string> = {
  308: 'Permanent Redirect',
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

export function errorPage(status: number): string {
  const title = `${status} ${REASONS[status]}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** A response nginx generates (error page or redirect), headers in nginx's order. */
export function nginxPage(status: number, now: number, method: string, location?: string): HttpResponse {
  const body = errorPage(status);
  const headers: [string, string][] = [
    ['Date', httpDate(now)],
    ['Content-Type', 'text/html'],
    ['Content-Length', String(body.length)],
    ['Connection', 'keep-alive'],
  ];
  if (location) headers.push(['Location', location]);
  return { status, reason: REASONS[status], headers, body: method === 'HEAD' ? '' : body };
}
