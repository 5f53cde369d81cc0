import { afterEach, describe, expect, it } from 'vitest';
import { startFacade, type Facade } from './facade.ts';
import { AGGREGATED_CONTENT_TYPE } from './aggregated-discovery.ts';
import { tinyCluster } from './test-cluster.ts';

let facade: Facade | undefined;
afterEach(async () => {
  await facade?.close();
  facade = undefined;
});

async function start(opts: { legacyDiscovery?: boolean } = {}) {
  const cluster = tinyCluster();
  facade = await startFacade({ cluster, realTime: false, ...opts });
  return { cluster, url: facade.url };
}

// What kubectl 1.34 sends to /api and /apis.
const DISCOVERY_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

describe('startFacade', () => {
  it('serves aggregated discovery when asked, with the content type client-go keys on', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/api`, { headers: { accept: DISCOVERY_ACCEPT } });
    expect(res.headers.get('content-type')).toBe(AGGREGATED_CONTENT_TYPE);
    const body = await res.json();
    expect(body.kind).toBe('APIGroupDiscoveryList');
    const v1 = body.items[0].versions[0];
    expect(v1.version).toBe('v1');
    const cm = v1.resources.find((r: { resource: string }) => r.resource === 'configmaps');
    expect(cm).toMatchObject({ scope: 'Namespaced', singularResource: 'configmap', shortNames: ['cm'], responseKind: { group: '', version: 'v1', kind: 'ConfigMap' } });
  });

  it('answers legacy discovery to plain JSON requests, and always when legacyDiscovery is set', async () => {
    const { url } = await start({ legacyDiscovery: true });
    const res = await fetch(`${url}/api`, { headers: { accept: DISCOVERY_ACCEPT } });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect((await res.json()).kind).toBe('APIVersions');
  });

  it('sends warnings as `299 - "text"` headers and settles the cluster after a write', async () => {
    const { url, cluster } = await start();
    const res = await fetch(`${url}/api/v1/namespaces/default/configmaps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' }, data: { a: '1' } }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('warning')).toBe('299 - "this is a test warning"');
    expect(cluster.settles).toBe(1);
    await fetch(`${url}/api/v1/namespaces/default/configmaps/one`);
    expect(cluster.settles).toBe(1); // reads do not settle
  });

  it('returns Status errors with their codes, and 400 for a body that is not JSON', async () => {
    const { url } = await start();
    const missing = await fetch(`${url}/api/v1/namespaces/default/configmaps/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toBe('configmaps "nope" not found');
    const bad = await fetch(`${url}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).reason).toBe('BadRequest');
  });

  it('streams watch events as JSON lines, Table rows when asked', async () => {
    const { url, cluster } = await start();
    const ctrl = new AbortController();
    const res = await fetch(`${url}/api/v1/namespaces/default/configmaps?watch=true`, {
      headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
      signal: ctrl.signal,
    });
    expect(res.status).toBe(200);
    cluster.api.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { metadata: { name: 'w' }, data: { a: '1', b: '2' } } });
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('\n')) text += new TextDecoder().decode((await reader.read()).value);
    const event = JSON.parse(text.split('\n')[0]);
    expect(event.type).toBe('ADDED');
    expect(event.object.kind).toBe('Table');
    expect(event.object.rows[0].cells).toEqual(['w', 2]);
    ctrl.abort();
  });

  it('serves the OpenAPI v3 index and per-group documents with patch metadata', async () => {
    const { url } = await start();
    const index = await (await fetch(`${url}/openapi/v3`)).json();
    const ref = index.paths['apis/apps/v1'].serverRelativeURL as string;
    expect(ref).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]+$/);
    const doc = await (await fetch(url + ref)).json();
    const deployment = doc.components.schemas['io.k8s.api.apps.v1.Deployment'];
    expect(deployment['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    const containers = doc.components.schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
    expect(containers).toMatchObject({ 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' });
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('fieldValidation');
    expect(Object.keys(patch.requestBody.content)).toContain('application/strategic-merge-patch+json');
  });

  it('writes a minikube kubeconfig pointing at the facade', async () => {
    const { url } = await start();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(facade!.kubeconfigPath, 'utf8');
    expect(text).toContain(`server: ${url}`);
    expect(text).toContain('current-context: minikube');
  });
});
