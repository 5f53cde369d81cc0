// Writes an ApiResponse (or a Status built here) back over HTTP, with warnings as RFC 7234
// `Warning: 299 - "text"` headers, which is what client-go parses and kubectl prints as
// "Warning: text".

import type { ServerResponse } from 'node:http';
import type { ApiResponse, Status } from '../../cluster/apiserver/types.ts';

export function writeApiResponse(res: ServerResponse, r: ApiResponse, contentType = 'application/json'): void {
  for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
  if (r.warnings?.length) res.setHeader('Warning', r.warnings.map(warningHeader));
  if (typeof r.body === 'string') {
    res.writeHead(r.status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(r.body);
    return;
  }
  res.writeHead(r.status, { 'Content-Type': contentType });
  res.end(JSON.stringify(r.body));
}

/** k8s.io/apimachinery/pkg/util/net.NewWarningHeader: code 299, agent "-", quoted text. */
export function warningHeader(text: string): string {
  return `299 - ${JSON.stringify(text)}`;
}

export function statusBody(code: number, reason: Status['reason'], message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}
