import { test } from 'vitest';
import { createCluster } from '../../cluster/cluster.ts';
import { kubectl } from '../testing/harness.ts';
test('probe', async () => {
  const c = createCluster({ seed: 1 });
  console.log((await kubectl(c.api, 'get pods -A')).stdout);
  console.log((await kubectl(c.api, 'get nodes')).stdout);
  const r = c.api.request({method:'GET', path:'/openapi/v3'}); console.log(r.status);
});
