import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster.ts';
import type { KObject } from '../types.ts';
import { manifestJsonSchema, type JsonSchema } from './json-schema.ts';

// A validator for the subset of draft-07 the generator emits ($ref, allOf, if/then, type, enum,
// const, properties, required, additionalProperties, items): enough to check objects against the schema
// without a validator package. Returns the problems as "path: reason".
function validate(root: JsonSchema, schema: JsonSchema, value: unknown, path = ''): string[] {
  if (schema.$ref) return validate(root, (root.definitions as Record<string, JsonSchema>)[(schema.$ref as string).split('/').pop()!], value, path);
  const out: string[] = [];
  for (const s of (schema.allOf as JsonSchema[] | undefined) ?? []) out.push(...validate(root, s, value, path));
  if (schema.if && schema.then && validate(root, schema.if as JsonSchema, value, path).length === 0) out.push(...validate(root, schema.then as JsonSchema, value, path));
  if (schema.const !== undefined && value !== schema.const) out.push(`${path}: ${String(value)} is not ${String(schema.const)}`);
  if (schema.oneOf) {
    const results = (schema.oneOf as JsonSchema[]).map((s) => validate(root, s, value, path));
    const passing = results.filter((r) => r.length === 0).length;
    // Report the problems of the branch for this kind (else of the one that failed least).
    const sameKind = results.filter((r) => !r.some((e) => /^\.(kind|apiVersion): /.test(e)));
    if (passing === 0) out.push(...(sameKind[0] ?? results.reduce((a, b) => (b.length < a.length ? b : a))));
    else if (passing > 1) out.push(`${path}: matches ${passing} of oneOf`);
  }
  if (schema.type) {
    const types = ([] as string[]).concat(schema.type as string);
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value;
    if (!types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) return [...out, `${path}: ${actual} is not ${types.join('|')}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) out.push(`${path}: ${String(value)} not in enum`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => out.push(...validate(root, schema.items as JsonSchema, v, `${path}[${i}]`)));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in obj)) out.push(`${path}.${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) out.push(...validate(root, props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${k}: unknown field`);
      else if (schema.additionalProperties) out.push(...validate(root, schema.additionalProperties as JsonSchema, v, `${path}.${k}`));
    }
  }
  return out;
}

const schema = manifestJsonSchema();
const check = (value: unknown) => validate(schema, schema, value);

describe('manifest JSON Schema', () => {
  it('accepts a Service manifest and pins apiVersion and kind per kind', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } };
    expect(check(svc)).toEqual([]);
    expect(check({ ...svc, apiVersion: 'apps/v1' })).not.toEqual([]);
    expect(check({ ...svc, kind: 'Banana' })).not.toEqual([]);
  });

  it('rejects wrong types, bad enum values and missing required fields', () => {
    const svc = (spec: unknown) => check({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec });
    expect(svc({ ports: [{ port: 'eighty' }] })).not.toEqual([]);
    expect(svc({ ports: [{ targetPort: 80 }] })).not.toEqual([]);
    expect(svc({ type: 'Banana' })).not.toEqual([]);
    expect(svc({ ports: [{ port: 80 }] })).toEqual([]);
  });

  it('accepts every object the API server serves (what kubectl edit and get -o yaml write)', () => {
    const k = createCluster({ seed: 1 });
    k.api.request({
      method: 'POST',
      path: '/apis/apps/v1/namespaces/default/deployments',
      body: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } } },
      },
    });
    k.api.request({
      method: 'POST',
      path: '/api/v1/namespaces/default/services',
      body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } },
    });
    k.clock.settle();
    const paths = ['/api/v1/pods', '/api/v1/services', '/api/v1/endpoints', '/api/v1/nodes', '/api/v1/namespaces', '/api/v1/configmaps', '/apis/apps/v1/deployments', '/apis/apps/v1/replicasets', '/apis/discovery.k8s.io/v1/endpointslices'];
    for (const path of paths) {
      const list = k.api.request({ method: 'GET', path }).body as { kind: string; items: KObject[] };
      expect(list.items.length, path).toBeGreaterThan(0);
      for (const item of list.items) {
        const gv = path.startsWith('/apis/') ? path.split('/').slice(2, 4).join('/') : 'v1';
        const obj = JSON.parse(JSON.stringify({ ...item, apiVersion: gv, kind: list.kind.replace(/List$/, '') })) as unknown; // as on the wire
        expect(check(obj), `${path} ${item.metadata.name}`).toEqual([]);
      }
    }
    // Several objects, as kubectl edit offers them: a v1 List.
    const pods = (k.api.request({ method: 'GET', path: '/api/v1/pods' }).body as { items: KObject[] }).items;
    expect(check({ apiVersion: 'v1', kind: 'List', metadata: {}, items: pods.map((p) => ({ ...p, apiVersion: 'v1', kind: 'Pod' })) })).toEqual([]);
  });
});
