import { describe, expect, it } from 'vitest';
import type { KObject } from '../types.ts';
import { kit } from './testkit.ts';

const DEPLOY = '/apis/apps/v1/namespaces/default/deployments';
const RS = '/apis/apps/v1/namespaces/default/replicasets';
const deploy = (name: string, selector: unknown, labels: Record<string, string>) => ({
  metadata: { name },
  spec: { selector, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
});

describe('deployments registry', () => {
  it('defaults as SetDefaults_Deployment', () => {
    const k = kit();
    const o = k.make(DEPLOY, deploy('web', { matchLabels: { app: 'web' } }, { app: 'web' }));
    expect(o.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    });
    expect(o.spec.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, securityContext: {} });
    expect(o.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(o.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(o.metadata.generation).toBe(1);
  });

  it('rejects a template that its selector does not match', () => {
    const k = kit();
    // Text as printed by a real API server (kubectl apply of a mismatched Deployment).
    expect(k.error(k.create(DEPLOY, deploy('nginx-deployment', { matchLabels: { app: 'nginx' } }, { app: 'http' })))).toBe(
      'Deployment.apps "nginx-deployment" is invalid: spec.template.metadata.labels: Invalid value: {"app":"http"}: `selector` does not match template `labels`',
    );
    expect(k.error(k.create(DEPLOY, deploy('helloworld', undefined, { app: 'helloworld' })))).toBe(
      'Deployment.apps "helloworld" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"app":"helloworld"}: `selector` does not match template `labels`]',
    );
  });

  it('keeps the selector immutable and bumps generation on spec changes only', () => {
    const k = kit();
    k.make(DEPLOY, deploy('web', { matchLabels: { app: 'web' } }, { app: 'web' }));
    const patch = (body: unknown, sub = '') =>
      k.api.request({ method: 'PATCH', path: DEPLOY + '/web' + sub, headers: { 'content-type': 'application/merge-patch+json' }, body });
    const bad = patch({ spec: { selector: { matchLabels: { app: 'web2' } }, template: { metadata: { labels: { app: 'web2' } } } } });
    expect(k.error(bad)).toBe('Deployment.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable');
    expect((patch({ metadata: { labels: { x: 'y' } } }).body as KObject).metadata.generation).toBe(1);
    expect((patch({ spec: { replicas: 3 } }).body as KObject).metadata.generation).toBe(2);
  });

  it('serves the scale subresource and prints READY as ready/desired', () => {
    const k = kit();
    k.make(DEPLOY, deploy('web', { matchLabels: { app: 'web' } }, { app: 'web' }));
    const scale = k.api.request({ method: 'GET', path: DEPLOY + '/web/scale' }).body as KObject;
    expect(scale.spec).toEqual({ replicas: 1 });
    expect(scale.status).toEqual({ replicas: 0, selector: 'app=web' });
    const row = k.table(DEPLOY + '/web').rows[0]!.cells;
    expect(row).toEqual(['web', '0/1', 0, 0, '0s', 'nginx', 'nginx:1.27', 'app=web']);
  });
});

describe('replicasets registry', () => {
  it('defaults replicas and prints DESIRED CURRENT READY', () => {
    const k = kit();
    const o = k.make(RS, deploy('web-abc', { matchLabels: { app: 'web' } }, { app: 'web' }));
    expect(o.spec.replicas).toBe(1);
    expect(k.table(RS + '/web-abc').rows[0]!.cells).toEqual(['web-abc', 1, 0, 0, '0s', 'nginx', 'nginx:1.27', 'app=web']);
  });

  it('uses the same template check as Deployments', () => {
    const k = kit();
    // Real kubectl apply output for a mismatched ReplicaSet.
    expect(k.error(k.create(RS, deploy('snack-rs-bad', { matchLabels: { app: 'snack' } }, { app: 'snak' })))).toBe(
      'ReplicaSet.apps "snack-rs-bad" is invalid: spec.template.metadata.labels: Invalid value: {"app":"snak"}: `selector` does not match template `labels`',
    );
  });
});
