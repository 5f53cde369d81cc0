// A tiny cluster for the facade's own tests: the real ApiServer with two hand-made strategies
// (namespaces, configmaps), a virtual clock and nothing else, so the HTTP layer is tested
// without depending on the full registries and controllers.

import { VirtualClock } from '../../cluster/clock.ts';
import { SeededRandom } from '../../cluster/random.ts';
import { ApiServer } from '../../cluster/apiserver/server.ts';
import { Store } from '../../cluster/apiserver/store.ts';
import type { ResourceStrategy } from '../../cluster/apiserver/registry/strategy.ts';
import type { FacadeCluster } from './facade.ts';

const nameColumn = { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 };

const namespaces: ResourceStrategy = {
  group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'],
  table: { columns: [nameColumn, { name: 'Status', type: 'string', format: '', description: '', priority: 0 }], row: (o) => [o.metadata.name, 'Active'] },
};

const configmaps: ResourceStrategy = {
  group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'],
  warnings: ['this is a test warning'],
  table: {
    columns: [nameColumn, { name: 'Data', type: 'integer', format: '', description: '', priority: 0 }],
    row: (o) => [o.metadata.name, Object.keys(o.data ?? {}).length],
  },
};

export function tinyCluster(): FacadeCluster & { clock: VirtualClock; api: ApiServer; settles: number } {
  const clock = new VirtualClock();
  const api = new ApiServer({
    store: new Store(),
    strategies: [namespaces, configmaps],
    context: { clock, rng: new SeededRandom(1), services: {} },
    version: { major: '1', minor: '34', gitVersion: 'v1.34.0', platform: 'linux/amd64' },
  });
  for (const name of ['default', 'kube-system']) api.request({ method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name } } });
  const c = {
    clock,
    api,
    settles: 0,
    settle: (maxMs?: number) => {
      c.settles++;
      return clock.settle(maxMs);
    },
  };
  return c;
}
