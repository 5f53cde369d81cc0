// What the demo servers answer, from their sources: traefik/whoami's handler writes the request
// with Go's http.Request.Write (net/http request.go: Host, User-Agent, then Header.writeSubset's
// sorted canonical keys); nginx's error pages (ngx_http_special_response.c) end lines in CRLF.

import { describe, expect, test } from 'vitest';
import { canonicalHeaderKey, goRequestWrite } from './small-apps.ts';
import { nginxResponse } from './nginx.ts';

const req = (headers: [string, string][], method = 'GET', body = '') => ({ method, path: '/x?y=1', headers, body, remoteAddr: '10.244.1.9', remotePort: 40000 });

describe('whoami request dump (Go Request.Write)', () => {
  test('Host and User-Agent first, then canonical names sorted, one line per value', () => {
    const dump = goRequestWrite(req([['Host', 'shop.example'], ['x-real-ip', '192.168.49.1'], ['User-Agent', 'curl/8.14.1'], ['Accept', '*/*'], ['X-Request-ID', 'abc'], ['x-b', '1'], ['X-B', '2']]));
    expect(dump).toBe('GET /x?y=1 HTTP/1.1\r\nHost: shop.example\r\nUser-Agent: curl/8.14.1\r\nAccept: */*\r\nX-B: 1\r\nX-B: 2\r\nX-Real-Ip: 192.168.49.1\r\nX-Request-Id: abc\r\n\r\n');
  });

  test("Go's own User-Agent when the client sent none; Content-Length and the body for a POST", () => {
    expect(goRequestWrite(req([['Host', 'a']]))).toBe('GET /x?y=1 HTTP/1.1\r\nHost: a\r\nUser-Agent: Go-http-client/1.1\r\n\r\n');
    expect(goRequestWrite(req([['Host', 'a'], ['User-Agent', 'Wget'], ['Content-Type', 'text/plain'], ['Content-Length', '2']], 'POST', 'hi'))).toBe(
      'POST /x?y=1 HTTP/1.1\r\nHost: a\r\nUser-Agent: Wget\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nhi',
    );
  });

  test('CanonicalMIMEHeaderKey', () => {
    expect(canonicalHeaderKey('x-forwarded-for')).toBe('X-Forwarded-For');
    expect(canonicalHeaderKey('X-REAL-IP')).toBe('X-Real-Ip');
    expect(canonicalHeaderKey('bad key')).toBe('bad key');
  });
});

describe('nginx', () => {
  test('the 404 page: CRLF lines, the version in the tail, Content-Length 153', () => {
    const res = nginxResponse(req([['Host', 'a']]), 0);
    expect(res.status).toBe(404);
    expect(res.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.29.3</center>\r\n</body>\r\n</html>\r\n');
    expect(res.headers).toContainEqual(['Content-Length', '153']);
  });
});
