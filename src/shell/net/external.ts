// The sandbox's "internet": the few hosts dns.ts knows answer HTTP on 80 and 443 with a fixed
// page, so an ExternalName Service can be followed to the end.

import type { HttpResponse } from '../../cluster/network/apps/types.ts';
import { httpDate } from '../../cluster/network/apps/http-date.ts';

const EXAMPLE_PAGE = `<!doctype html><html lang="en"><head><title>Example Domain</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{background:#eee;width:60vw;margin:15vh auto;font-family:system-ui,sans-serif}h1{font-size:1.5em}div{opacity:0.8}a:link,a:visited{color:#348}</style><body><div><h1>Example Domain</h1><p>This domain is for use in documentation examples without needing permission. Avoid use in operations.<p><a href="https://iana.org/domains/example">Learn more</a></div></body></html>
`;

export const EXTERNAL_PORTS = [80, 443];

export function externalResponse(method: string, now: number): HttpResponse {
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Content-Type', 'text/html'],
      ['ETag', '"84238dfc8092e5d9c0dac8ef93371a07:1736799080.121134"'],
      ['Last-Modified', 'Mon, 13 Jan 2025 20:11:20 GMT'],
      ['Cache-Control', 'max-age=86000'],
      ['Date', httpDate(now)],
      ['Content-Length', String(EXAMPLE_PAGE.length)],
      ['Connection', 'keep-alive'],
    ],
    body: method === 'HEAD' ? '' : EXAMPLE_PAGE,
  };
}
