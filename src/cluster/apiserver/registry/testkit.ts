// A real ApiServer over a fresh Store with every registry, the default and kube-system
// namespaces, and a virtual clock: the fixture the registry tests drive.

import { VirtualClock } from '../../clock.ts';
import { SeededRandom } from '../../random.ts';
import { ApiServer } from '../server.ts';
import { Store } from '../store.ts';
import type { ApiResponse, KObject, Status, Table } from '../types.ts';
import { allStrategies } from './index.ts';

export interface Kit {
  api: ApiServer;
  clock: VirtualClock;
  create(path: string, body: unknown): ApiResponse;
  /** Create and return the object, failing loudly on an error status. */
  make(path: string, body: unknown): KObject;
  /** The message of a failed request's Status. */
  error(res: ApiResponse): string;
  table(path: string): Table;
}

export function kit(seed = 1): Kit {
  const clock = new VirtualClock();
  const api = new ApiServer({ store: new Store(), strategies: allStrategies(), context: { clock, rng: new SeededRandom(seed), services: {} }, version: {} });
  const create = (path: string, body: unknown) => api.request({ method: 'POST', path, body });
  const make = (path: string, body: unknown) => {
    const r = create(path, body);
    if (r.status >= 400) throw new Error((r.body as Status).message);
    return r.body as KObject;
  };
  for (const name of ['default', 'kube-system']) make('/api/v1/namespaces', { metadata: { name } });
  return {
    api,
    clock,
    create,
    make,
    error: (res) => (res.status < 400 ? `no error (status ${res.status})` : (res.body as Status).message ?? ''),
    table: (path) => api.request({ method: 'GET', path, headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } }).body as Table,
  };
}
