// `kubectl get` against the in-process API server. Expected texts follow kubectl's get.go
// (messages, separators, kind prefixes) and cli-runtime's printers; cells come from the server.

import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../cluster/clock.ts';
import { SeededRandom } from '../../../cluster/random.ts';
import { ApiServer } from '../../../cluster/apiserver/server.ts';
import { Store } from '../../../cluster/apiserver/store.ts';
import { allStrategies } from '../../../cluster/apiserver/registry/index.ts';
import { defaultConfig } from '../../../cluster/config.ts';
import { kubectl } from '../../testing/harness.ts';

function cluster() {
  const clock = new VirtualClock();
  const api = new ApiServer({ store: new Store(), strategies: allStrategies(), context: { clock, rng: new SeededRandom(1), services: { config: defaultConfig() } }, version: { gitVersion: 'v1.34.0' } });
  for (const ns of ['default', 'kube-system']) api.request({ method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: ns } } });
  const cm = (ns: string, name: string, labels?: Record<string, string>) =>
    api.request({ method: 'POST', path: `/api/v1/namespaces/${ns}/configmaps`, body: { metadata: { name, labels }, data: { a: '1' } } });
  cm('default', 'one', { app: 'web' });
  cm('kube-system', 'two');
  return { api, clock };
}

describe('kubectl get', () => {
  it('prints the server table', async () => {
    const { api } = cluster();
    expect(await kubectl(api, 'get cm')).toEqual({ code: 0, stdout: 'NAME   DATA   AGE\none    1      0s\n', stderr: '' });
  });
  it('-A adds NAMESPACE; --show-labels and -L add label columns', async () => {
    const { api } = cluster();
    expect((await kubectl(api, 'get configmaps -A')).stdout).toBe('NAMESPACE     NAME   DATA   AGE\ndefault       one    1      0s\nkube-system   two    1      0s\n');
    expect((await kubectl(api, 'get cm --show-labels -L app')).stdout).toBe('NAME   DATA   AGE   APP   LABELS\none    1      0s    web   app=web\n');
  });
  it('several kinds: kind/name and a blank line between tables', async () => {
    const { api } = cluster();
    const r = await kubectl(api, 'get cm,ns');
    expect(r.stdout).toBe('NAME            DATA   AGE\nconfigmap/one   1      0s\n\nNAME                    STATUS   AGE\nnamespace/default       Active   0s\nnamespace/kube-system   Active   0s\n');
  });
  it('NotFound for a missing name after the found ones', async () => {
    const { api } = cluster();
    const r = await kubectl(api, 'get cm nope one');
    expect(r).toEqual({ code: 1, stdout: 'NAME   DATA   AGE\none    1      0s\n', stderr: 'Error from server (NotFound): configmaps "nope" not found\n' });
    expect(await kubectl(api, 'get cm nope --ignore-not-found')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
  it('No resources found', async () => {
    const { api } = cluster();
    expect((await kubectl(api, 'get pods')).stderr).toBe('No resources found in default namespace.\n');
    expect((await kubectl(api, 'get pods -n kube-system')).stderr).toBe('No resources found in kube-system namespace.\n');
    expect((await kubectl(api, 'get pods -A')).stderr).toBe('No resources found\n');
  });
  it('-o name, -o jsonpath, -o yaml List', async () => {
    const { api } = cluster();
    expect((await kubectl(api, 'get cm -A -o name')).stdout).toBe('configmap/one\nconfigmap/two\n');
    expect((await kubectl(api, ['get', 'cm', '-A', '-o', 'jsonpath={.items[*].metadata.name}'])).stdout).toBe('one two');
    const y = (await kubectl(api, 'get cm -o yaml')).stdout;
    expect(y.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    a: "1"\n  kind: ConfigMap\n')).toBe(true);
    expect(y.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });
  it('resource errors', async () => {
    const { api } = cluster();
    expect((await kubectl(api, 'get foo')).stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect((await kubectl(api, 'get cm/one ns')).stderr).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    );
  });
  it('-w streams rows until interrupted', async () => {
    const { api } = cluster();
    const ac = new AbortController();
    const run = kubectl(api, 'get cm -w', ac.signal);
    await new Promise((r) => setTimeout(r, 0));
    api.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { metadata: { name: 'three' }, data: {} } });
    ac.abort();
    const r = await run;
    expect(r.stdout).toBe('NAME   DATA   AGE\none    1      0s\nthree   0      0s\n');
  });
});
