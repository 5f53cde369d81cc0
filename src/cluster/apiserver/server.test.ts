import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.ts';
import { SeededRandom } from '../random.ts';
import { ApiServer } from './server.ts';
import { Store } from './store.ts';
import type { ResourceStrategy } from './registry/strategy.ts';
import type { KObject, Status, Table, WatchEvent } from './types.ts';
import { nameIsDNSLabel } from './validation/names.ts';

// A minimal pair of resources, enough to exercise the REST semantics independent of real kinds.
const namespaces: ResourceStrategy = {
  group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false,
  validateName: nameIsDNSLabel,
  table: { columns: [{ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 }], row: (o) => [o.metadata.name] },
};
const configmaps: ResourceStrategy = {
  group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'],
  table: {
    columns: [
      { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
      { name: 'Data', type: 'integer', format: '', description: '', priority: 0 },
    ],
    row: (o) => [o.metadata.name, Object.keys(o.data ?? {}).length],
  },
};

function server() {
  const clock = new VirtualClock();
  const s = new ApiServer({ store: new Store(), strategies: [namespaces, configmaps], context: { clock, rng: new SeededRandom(1), services: {} }, version: {} });
  s.request({ method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: 'default' } } });
  return s;
}

const cm = (name: string, labels?: Record<string, string>): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { a: '1' } });

describe('ApiServer', () => {
  it('creates, gets and lists with metadata stamped', () => {
    const s = server();
    const r = s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('one') });
    expect(r.status).toBe(201);
    const o = r.body as KObject;
    expect(o.metadata.namespace).toBe('default');
    expect(o.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(o.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    const list = s.request({ method: 'GET', path: '/api/v1/namespaces/default/configmaps' }).body as { kind: string; items: KObject[] };
    expect(list.kind).toBe('ConfigMapList');
    expect(list.items.map((i) => i.metadata.name)).toEqual(['one']);
  });

  it('answers NotFound, AlreadyExists and a missing namespace as the real server', () => {
    const s = server();
    expect((s.request({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/x' }).body as Status).message).toBe('configmaps "x" not found');
    s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('one') });
    const dup = s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('one') });
    expect(dup.status).toBe(409);
    expect((dup.body as Status).message).toBe('configmaps "one" already exists');
    const nons = s.request({ method: 'POST', path: '/api/v1/namespaces/nope/configmaps', body: cm('one') });
    expect((nons.body as Status).message).toBe('namespaces "nope" not found');
  });

  it('rejects invalid names with a 422 listing the field error', () => {
    const s = server();
    const r = s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('Bad_Name') });
    expect(r.status).toBe(422);
    expect((r.body as Status).message).toMatch(/^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });

  it('filters lists by label selector and reports bad selectors as 400', () => {
    const s = server();
    s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('a', { app: 'web' }) });
    s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('b', { app: 'db' }) });
    const list = s.request({ method: 'GET', path: '/api/v1/namespaces/default/configmaps', query: { labelSelector: 'app in (web)' } }).body as { items: KObject[] };
    expect(list.items.map((i) => i.metadata.name)).toEqual(['a']);
    expect(s.request({ method: 'GET', path: '/api/v1/namespaces/default/configmaps', query: { labelSelector: 'app in web' } }).status).toBe(400);
  });

  it('serves Tables when asked', () => {
    const s = server();
    s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('a') });
    const t = s.request({ method: 'GET', path: '/api/v1/namespaces/default/configmaps', headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } }).body as Table;
    expect(t.kind).toBe('Table');
    expect(t.rows[0].cells).toEqual(['a', 1]);
  });

  it('updates with optimistic concurrency and skips no-op writes', () => {
    const s = server();
    const o = s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('a') }).body as KObject;
    const same = s.request({ method: 'PUT', path: '/api/v1/namespaces/default/configmaps/a', body: o }).body as KObject;
    expect(same.metadata.resourceVersion).toBe(o.metadata.resourceVersion);
    const changed = s.request({ method: 'PUT', path: '/api/v1/namespaces/default/configmaps/a', body: { ...o, data: { a: '2' } } }).body as KObject;
    expect(changed.metadata.resourceVersion).not.toBe(o.metadata.resourceVersion);
    const stale = s.request({ method: 'PUT', path: '/api/v1/namespaces/default/configmaps/a', body: { ...o, data: { a: '3' } } });
    expect(stale.status).toBe(409);
    expect((stale.body as Status).message).toBe(
      'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('patches with merge patch', () => {
    const s = server();
    s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('a') });
    const r = s.request({ method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/a', headers: { 'content-type': 'application/merge-patch+json' }, body: { data: { b: '2', a: null } } });
    expect((r.body as KObject).data).toEqual({ b: '2' });
  });

  it('watches: initial ADDED, then changes, and selector transitions as DELETED', () => {
    const s = server();
    s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('a', { app: 'web' }) });
    const events: string[] = [];
    const h = s.watch({ method: 'GET', path: '/api/v1/namespaces/default/configmaps', query: { watch: 'true', labelSelector: 'app=web' } }, (e: WatchEvent) =>
      events.push(`${e.type} ${e.object.metadata.name}`),
    );
    s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('b', { app: 'web' }) });
    s.request({ method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/a', headers: { 'content-type': 'application/merge-patch+json' }, body: { metadata: { labels: { app: 'db' } } } });
    s.request({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/b' });
    h.stop();
    s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('c', { app: 'web' }) });
    expect(events).toEqual(['ADDED a', 'ADDED b', 'DELETED a', 'DELETED b']);
  });

  it('serves discovery from the strategies', () => {
    const s = server();
    const d = s.request({ method: 'GET', path: '/api/v1' }).body as { resources: { name: string; shortNames?: string[] }[] };
    expect(d.resources.find((r) => r.name === 'configmaps')?.shortNames).toEqual(['cm']);
    expect(s.request({ method: 'GET', path: '/api/v1/widgets' }).status).toBe(404);
  });

  it('honours dryRun in a DELETE body (DeleteOptions, as client-go sends it)', () => {
    const s = server();
    s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('kept') });
    const r = s.request({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/kept', body: { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] } });
    expect(r.status).toBe(200);
    expect(s.request({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/kept' }).status).toBe(200);
  });

  it('generates names from generateName', () => {
    const s = server();
    const o = s.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { metadata: { generateName: 'web-' } } }).body as KObject;
    expect(o.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});
