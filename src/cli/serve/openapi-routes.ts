// /openapi/v2 and /openapi/v3[/…] for real kubectl, generated once from the schema description.
// v2 is JSON only: client-go asks for it as protobuf (gnostic), gets 406, tries the pre-1.10
// path, and gives up; kubectl 1.34 only needs v2 when v3 is missing (see docs/REAL-KUBECTL.md).

import { openApiV2, openApiV3, openApiV3Index } from '../../cluster/apiserver/schema/openapi.ts';
import type { ApiResponse } from '../../cluster/apiserver/types.ts';
import { statusBody } from './http-response.ts';

const SERVER_VERSION = 'v1.34.0'; // info.version in the documents; kubectl does not read it

const cache = new Map<string, unknown>();
function memo(key: string, make: () => unknown): unknown {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key);
}

export function serveOpenApi(path: string, query: Record<string, string>, accept = ''): { response: ApiResponse; contentType: string } | undefined {
  if (path === '/openapi/v2') {
    if (!/application\/json|\*\/\*/.test(accept) && accept !== '')
      return json(406, statusBody(406, 'NotAcceptable', 'only the following media types are accepted: application/json'));
    return json(200, memo('v2', () => openApiV2(SERVER_VERSION)));
  }
  if (path === '/openapi/v3') return json(200, memo('v3', () => openApiV3Index(SERVER_VERSION)));
  const m = /^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (!m) return undefined;
  const [group, version] = m[1] ? ['', m[1]] : [m[2], m[3]];
  const doc = memo(`v3/${group}/${version}`, () => openApiV3(group, version, SERVER_VERSION));
  if (!doc) return json(404, statusBody(404, 'NotFound', 'the server could not find the requested resource'));
  // Documents named by hash never change, as kube-apiserver promises its clients.
  const headers: Record<string, string> = query.hash ? { 'Cache-Control': 'public, immutable' } : {};
  return { response: { status: 200, body: doc, headers }, contentType: 'application/json' };
}

function json(status: number, body: unknown) {
  return { response: { status, body }, contentType: 'application/json' };
}
