import { describe, expect, it } from 'vitest';
import type { KObject } from '../types.ts';
import { ENDPOINTS_DEPRECATION } from './endpoints.ts';
import { allStrategies } from './index.ts';
import { kit } from './testkit.ts';

describe('discovery identity (kubectl api-resources on 1.34)', () => {
  it('names, short names and the `all` category', () => {
    const by = Object.fromEntries(allStrategies().map((s) => [s.resource, s]));
    expect(by.pods!.shortNames).toEqual(['po']);
    expect(by.services!.shortNames).toEqual(['svc']);
    expect(by.deployments!.shortNames).toEqual(['deploy']);
    expect(by.ingresses!.shortNames).toEqual(['ing']);
    const all = allStrategies().filter((s) => s.categories?.includes('all')).map((s) => s.resource).sort();
    expect(all).toEqual(['deployments', 'pods', 'replicasets', 'services']);
  });
});

describe('tables of the simple kinds', () => {
  it('namespaces: NAME STATUS AGE, with the metadata.name label', () => {
    const k = kit();
    k.clock.advance(3 * 60_000 + 10_000);
    const ns = k.make('/api/v1/namespaces', { metadata: { name: 'demo' } });
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'demo' });
    const t = k.table('/api/v1/namespaces');
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Status', 'Age']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['default', 'Active', '3m10s'],
      ['demo', 'Active', '0s'],
      ['kube-system', 'Active', '3m10s'],
    ]);
  });

  it('nodes: STATUS from Ready, ROLES from node-role labels, wide cells', () => {
    const k = kit();
    k.make('/api/v1/nodes', {
      metadata: { name: 'minikube', labels: { 'node-role.kubernetes.io/control-plane': '' } },
      status: {
        conditions: [{ type: 'Ready', status: 'True' }],
        addresses: [{ type: 'InternalIP', address: '192.168.49.2' }],
        nodeInfo: { kubeletVersion: 'v1.34.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0', containerRuntimeVersion: 'docker://28.4.0' },
      },
    });
    k.make('/api/v1/nodes', { metadata: { name: 'm02' }, spec: { unschedulable: true } });
    const rows = k.table('/api/v1/nodes').rows.map((r) => r.cells); // in name order: m02, minikube
    expect(rows[1]).toEqual(['minikube', 'Ready', 'control-plane', '0s', 'v1.34.0', '192.168.49.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.8.0', 'docker://28.4.0']);
    expect(rows[0]!.slice(0, 3)).toEqual(['m02', 'Unknown,SchedulingDisabled', '<none>']);
  });

  it('endpoints: three addresses then `+ N more...`, and the deprecation warning', () => {
    const k = kit();
    const addrs = ['10.244.1.2', '10.244.1.3', '10.244.2.2', '10.244.2.3', '10.244.0.5'].map((ip) => ({ ip }));
    const r = k.create('/api/v1/namespaces/default/endpoints', { metadata: { name: 'web' }, subsets: [{ addresses: addrs, ports: [{ port: 80 }] }] });
    expect(r.warnings).toEqual([ENDPOINTS_DEPRECATION]);
    expect(ENDPOINTS_DEPRECATION).toBe('v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
    k.make('/api/v1/namespaces/default/endpoints', { metadata: { name: 'empty' } });
    const rows = k.table('/api/v1/namespaces/default/endpoints').rows.map((x) => x.cells.slice(0, 2));
    expect(rows).toEqual([
      ['empty', '<none>'],
      ['web', '10.244.1.2:80,10.244.1.3:80,10.244.2.2:80 + 2 more...'],
    ]);
  });

  it('endpointslices: ADDRESSTYPE PORTS ENDPOINTS', () => {
    const k = kit();
    k.make('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices', {
      metadata: { name: 'web-abcde' },
      addressType: 'IPv4',
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.244.1.2'] }, { addresses: ['10.244.2.2'] }],
    });
    expect(k.table('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices').rows[0]!.cells.slice(0, 4)).toEqual(['web-abcde', 'IPv4', '80', '10.244.1.2,10.244.2.2']);
  });

  it('configmaps and secrets: DATA counts, secret type defaults to Opaque, stringData folded', () => {
    const k = kit();
    k.make('/api/v1/namespaces/default/configmaps', { metadata: { name: 'cfg' }, data: { a: '1', b: '2' } });
    const s = k.make('/api/v1/namespaces/default/secrets', { metadata: { name: 'pw' }, stringData: { password: 'hunter2' } });
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ password: 'aHVudGVyMg==' });
    expect(s.stringData).toBeUndefined();
    expect(k.table('/api/v1/namespaces/default/configmaps').rows[0]!.cells.slice(0, 2)).toEqual(['cfg', 2]);
    expect(k.table('/api/v1/namespaces/default/secrets').rows[0]!.cells.slice(0, 3)).toEqual(['pw', 'Opaque', 1]);
  });

  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE and field selectors', () => {
    const k = kit();
    k.make('/api/v1/namespaces/default/events', {
      metadata: { name: 'web.1' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
      reason: 'Scheduled',
      type: 'Normal',
      message: 'Successfully assigned default/web to minikube',
      source: { component: 'default-scheduler' },
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:00:00Z',
      count: 1,
    });
    k.clock.advance(5000);
    const t = k.table('/api/v1/namespaces/default/events');
    expect(t.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(['Last Seen', 'Type', 'Reason', 'Object', 'Message']);
    expect(t.rows[0]!.cells).toEqual(['5s', 'Normal', 'Scheduled', 'pod/web', '', 'default-scheduler', 'Successfully assigned default/web to minikube', '5s', 1, 'web.1']);
    const sel = k.api.request({ method: 'GET', path: '/api/v1/namespaces/default/events', query: { fieldSelector: 'involvedObject.name=web,reason=Scheduled' } });
    expect((sel.body as { items: KObject[] }).items).toHaveLength(1);
  });

  it('ingresses: default class from the IngressClass annotation, CLASS HOSTS ADDRESS PORTS', () => {
    const k = kit();
    k.make('/apis/networking.k8s.io/v1/ingressclasses', {
      metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
      spec: { controller: 'k8s.io/ingress-nginx' },
    });
    const ing = k.make('/apis/networking.k8s.io/v1/namespaces/default/ingresses', {
      metadata: { name: 'web' },
      spec: { rules: [{ host: 'hello.local', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    });
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(k.table('/apis/networking.k8s.io/v1/namespaces/default/ingresses').rows[0]!.cells.slice(0, 5)).toEqual(['web', 'nginx', 'hello.local', '', '80']);
    expect(k.table('/apis/networking.k8s.io/v1/ingressclasses').rows[0]!.cells.slice(0, 3)).toEqual(['nginx', 'k8s.io/ingress-nginx', '<none>']);
    const bad = k.create('/apis/networking.k8s.io/v1/namespaces/default/ingresses', {
      metadata: { name: 'bad' },
      spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    });
    expect(k.error(bad)).toBe('Ingress.networking.k8s.io "bad" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
  });
});
