// Endpoints (core/v1): printEndpoints' shortened list, and the deprecation warning 1.33+
// servers send with every v1 Endpoints response.

import type { KObject } from '../types.ts';
import { age, ageCol, col, nameCol } from './common.ts';
import type { ResourceStrategy } from './strategy.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export const ENDPOINTS_DEPRECATION = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

const joinHostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** formatEndpoints: the first three addresses (ip:port), then `+ N more...`; `<none>` when empty. */
export function formatEndpoints(ep: KObject, ports?: Set<string>): string {
  const subsets: Obj[] = ep.subsets ?? [];
  if (!subsets.length) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs: Obj[] = ss.addresses ?? [];
    if (!(ss.ports ?? []).length) {
      for (const a of addrs) {
        if (list.length === max) more = true;
        if (!more) list.push(a.ip);
        count++;
      }
      continue;
    }
    for (const port of ss.ports) {
      if (ports && !ports.has(port.name ?? '')) continue;
      for (const a of addrs) {
        if (list.length === max) more = true;
        if (!more) list.push(joinHostPort(a.ip, port.port));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpoints: ResourceStrategy = {
  group: '',
  version: 'v1',
  resource: 'endpoints',
  singular: 'endpoints',
  kind: 'Endpoints',
  namespaced: true,
  shortNames: ['ep'],
  warnings: [ENDPOINTS_DEPRECATION],
  table: {
    columns: [nameCol(), col('Endpoints', 'The set of all endpoints is the union of all subsets.'), ageCol()],
    row: (o, ctx) => [o.metadata.name, formatEndpoints(o), age(o, ctx)],
  },
};
