import { describe, expect, it } from 'vitest';
import type { KObject } from '../types.ts';
import { podStatusCells } from './pods.ts';
import { kit } from './testkit.ts';

const PODS = '/api/v1/namespaces/default/pods';
const pod = (name: string, containers: unknown[]) => ({ metadata: { name }, spec: { containers } });

describe('pods registry', () => {
  it('fills PodSpec defaults and what admission adds', () => {
    const k = kit();
    const o = k.make(PODS, pod('web', [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }]));
    expect(o.spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      enableServiceLinks: true,
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerThanOrEqual',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(o.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
      ports: [{ containerPort: 80, protocol: 'TCP' }],
    });
    expect(o.spec.volumes[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(o.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('pulls tagged images IfNotPresent, :latest and untagged Always', () => {
    const k = kit();
    const o = k.make(PODS, pod('p', [
      { name: 'a', image: 'nginx:1.27' },
      { name: 'b', image: 'nginx:latest' },
      { name: 'c', image: 'localhost:5000/app' },
    ]));
    expect(o.spec.containers.map((c: KObject) => c.imagePullPolicy)).toEqual(['IfNotPresent', 'Always', 'Always']);
  });

  it('validates containers with the upstream messages', () => {
    const k = kit();
    expect(k.error(k.create(PODS, pod('p', [{ image: 'nginx' }])))).toBe('Pod "p" is invalid: spec.containers[0].name: Required value');
    expect(k.error(k.create(PODS, pod('p', [{ name: 'a' }])))).toBe('Pod "p" is invalid: spec.containers[0].image: Required value');
    expect(k.error(k.create(PODS, { metadata: { name: 'p' }, spec: {} }))).toBe('Pod "p" is invalid: spec.containers: Required value');
    expect(k.error(k.create(PODS, pod('p', [{ name: 'a', image: 'x', ports: [{ containerPort: 70000 }] }])))).toBe(
      'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
  });

  it('selects pods by spec.nodeName and status.phase', () => {
    const k = kit();
    k.make(PODS, pod('a', [{ name: 'a', image: 'nginx' }]));
    const list = k.api.request({ method: 'GET', path: PODS, query: { fieldSelector: 'status.phase=Pending,spec.nodeName=' } }).body as { items: KObject[] };
    expect(list.items.map((p) => p.metadata.name)).toEqual(['a']);
  });
});

describe('printPod STATUS / READY / RESTARTS', () => {
  const k = kit();
  const ctx = k.api.context();
  const base = (status: object, extra: object = {}): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', creationTimestamp: '2026-01-01T00:00:00Z', ...extra },
    spec: { containers: [{ name: 'c', image: 'x' }] },
    status,
  });

  it('Pending with a waiting container shows its reason', () => {
    expect(podStatusCells(base({ phase: 'Pending', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }), ctx)).toEqual(['0/1', 'ContainerCreating', '0']);
    expect(podStatusCells(base({ phase: 'Pending', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } }] }), ctx)).toEqual(['0/1', 'ErrImagePull', '0']);
  });

  it('Running and ready; CrashLoopBackOff with restarts and when', () => {
    expect(podStatusCells(base({ phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] }), ctx)).toEqual(['1/1', 'Running', '0']);
    k.clock.advance(65_000);
    const crash = base({
      phase: 'Running',
      containerStatuses: [{ name: 'c', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:00:05Z' } } }],
    });
    expect(podStatusCells(crash, ctx)).toEqual(['0/1', 'CrashLoopBackOff', '3 (60s ago)']);
  });

  it('Completed, and Terminating once deletionTimestamp is set', () => {
    expect(podStatusCells(base({ phase: 'Succeeded', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }), ctx)[1]).toBe('Completed');
    expect(podStatusCells(base({ phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] }, { deletionTimestamp: '2026-01-01T00:01:00Z' }), ctx)[1]).toBe('Terminating');
  });

  it('prints <none> for the wide cells of an unscheduled pod', () => {
    k.make(PODS, pod('w', [{ name: 'a', image: 'nginx' }]));
    const cells = k.table(PODS + '/w').rows[0]!.cells;
    expect(cells.slice(1, 4)).toEqual(['0/1', 'Pending', '0']);
    expect(cells.slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });
});
