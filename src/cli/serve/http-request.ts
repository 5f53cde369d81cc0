// Turns a Node HTTP request into the emulator's ApiRequest: path, query, lower-case headers and a
// decoded body. kubectl sends JSON for every write (patches included); YAML is accepted too, as
// the real API server does for application/yaml.

import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { decodeKubernetesProtobuf, isKubernetesProtobuf } from './protobuf.ts';
import type { ApiRequest } from '../../cluster/apiserver/types.ts';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export class BadHttpRequest extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readApiRequest(req: IncomingMessage): Promise<ApiRequest> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) throw new BadHttpRequest(405, `the server does not allow this method on the requested resource`);
  const url = new URL(req.url ?? '/', 'http://facade');
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const raw = await readBody(req);
  return {
    method: method as ApiRequest['method'],
    path: decodeURIComponent(url.pathname),
    query,
    headers,
    body: raw.length ? decodeBody(raw, headers['content-type'] ?? '') : undefined,
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodeBody(raw: Buffer, contentType: string): unknown {
  const type = contentType.split(';')[0].trim().toLowerCase();
  try {
    if (isKubernetesProtobuf(type)) return decodeKubernetesProtobuf(raw);
    const text = raw.toString('utf8');
    if (type === 'application/yaml' || type === 'application/apply-patch+yaml') return parseYaml(text);
    if (type.includes('cbor'))
      throw new BadHttpRequest(415, `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`);
    return JSON.parse(text);
  } catch (e) {
    if (e instanceof BadHttpRequest) throw e;
    // The message real kube-apiserver gives for a body it cannot decode.
    throw new BadHttpRequest(400, `the object provided is unrecognized or malformed: ${(e as Error).message}`);
  }
}
