// The kubelet's probes on the virtual clock, against the simulated apps. Expected texts:
// pkg/probe/http/http.go ("HTTP probe failed with statuscode: %d"), net/http's url.Error around
// the dial error (`Get "<url>": dial tcp <addr>: connect: connection refused`), pkg/probe/tcp,
// pkg/kubelet/prober/prober.go ("%s probe failed: %s", "%s probe errored and resulted in %s
// state: %s"), kuberuntime_manager.go ("Container %s failed liveness probe, will be restarted"),
// pkg/probe/http/request.go (User-Agent kube-probe/<major>.<minor>, Accept */*).

import { describe, expect, test } from 'vitest';
import { createCluster, type Cluster } from '../cluster.ts';
import { R } from '../apiserver/resources.ts';
import type { KObject } from '../apiserver/types.ts';
import { LogStore } from '../logs.ts';
import { Kubelet } from './kubelet.ts';
import { ProbeWorker } from './probe-worker.ts';

function pod(name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, name: 'http' }], ...container }], ...spec },
  };
}

function get(c: Cluster, name: string): KObject {
  return c.kube.get(R.pods, 'default', name)!;
}

function events(c: Cluster, name: string): { reason: string; message: string; type: string; count: number; fieldPath?: string }[] {
  return c.kube
    .list(R.events, { namespace: 'default' })
    .filter((e) => e.involvedObject.name === name)
    .map((e) => ({ reason: e.reason, message: e.message, type: e.type, count: e.count, fieldPath: e.involvedObject.fieldPath }));
}

function ready(p: KObject): string {
  return p.status.conditions.find((x: { type: string }) => x.type === 'Ready').status;
}

const httpGet = (path: string, port: number | string = 80) => ({ httpGet: { path, port, scheme: 'HTTP' } });

describe('readiness probes', () => {
  test('httpGet to a path nginx does not serve: never ready, Unhealthy events counted', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { readinessProbe: httpGet('/healthz') }));
    c.clock.advance(60_000);
    const p = get(c, 'web');
    expect(p.status.phase).toBe('Running');
    expect(p.status.containerStatuses[0]).toMatchObject({ ready: false, started: true, restartCount: 0 });
    expect(ready(p)).toBe('False');
    const ev = events(c, 'web').filter((e) => e.reason === 'Unhealthy');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ type: 'Warning', message: 'Readiness probe failed: HTTP probe failed with statuscode: 404', fieldPath: 'spec.containers{nginx}' });
    // One probe every periodSeconds (10s) for about a minute.
    expect(ev[0].count).toBeGreaterThanOrEqual(5);
    expect(ev[0].count).toBeLessThanOrEqual(7);
    // Steady failures run in batches (at most 15s late), three more every 30s all the same.
    const later = ev[0].count;
    c.clock.advance(30_000);
    expect(events(c, 'web').find((e) => e.reason === 'Unhealthy')!.count).toBe(later + 3);
  });

  test('nginx logs the probes with the kubelet user agent, from the node bridge; no traffic traces', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { readinessProbe: httpGet('/healthz') }));
    c.clock.advance(30_000);
    const p = get(c, 'web');
    const lines = c.logs.read(LogStore.key('default', 'web', 'nginx', 0)).map((l) => l.text);
    const bridge = p.status.podIP.replace(/\.\d+$/, '.1');
    const probe = lines.filter((l) => l.includes('kube-probe'));
    expect(probe.length).toBeGreaterThanOrEqual(2);
    expect(probe[0]).toMatch(new RegExp(`^${bridge.replace(/\./g, '\\.')} - - \\[[^\\]]+\\] "GET /healthz HTTP/1.1" 404 153 "-" "kube-probe/1.34" "-"$`));
    expect(c.network.dataplane.traces.filter((t) => t.result.kind === 'connected' && t.result.pod.name === 'web')).toEqual([]);
  });

  test('httpGet to / : ready, and the Service gets the endpoint', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { readinessProbe: httpGet('/', 'http') }));
    c.kube.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    c.settle();
    const p = get(c, 'web');
    expect(p.status.containerStatuses[0].ready).toBe(true);
    expect(ready(p)).toBe('True');
    expect(events(c, 'web').filter((e) => e.reason === 'Unhealthy')).toEqual([]);
    const slice = c.kube.list(R.endpointslices, { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' })[0];
    expect(slice.endpoints[0].conditions.ready).toBe(true);
  });

  test('probed pods do not keep the cluster busy', () => {
    const c = createCluster();
    expect(c.settle()).toBe(0); // CoreDNS and the ingress controller are probed too
    // nginx logs every probe, so they go on, in batches further apart than settle's horizon.
    c.kube.create(R.pods, pod('web', { readinessProbe: httpGet('/'), livenessProbe: httpGet('/') }));
    expect(c.settle()).toBeLessThan(30_000);
    expect(c.settle()).toBeLessThanOrEqual(10_000);
    expect(c.settle()).toBe(0);
    // A probe that leaves no trace (tcpSocket) stops once steady.
    c.kube.create(R.pods, pod('tcp', { readinessProbe: { tcpSocket: { port: 80 } }, livenessProbe: { tcpSocket: { port: 80 } } }));
    c.settle();
    c.kube.delete(R.pods, 'default', 'web', { gracePeriodSeconds: '0' });
    c.settle();
    expect(c.settle()).toBe(0);
  });

  test('initialDelaySeconds holds readiness back', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { readinessProbe: { ...httpGet('/'), initialDelaySeconds: 15 } }));
    c.clock.advance(10_000);
    expect(ready(get(c, 'web'))).toBe('False');
    c.clock.advance(20_000);
    expect(ready(get(c, 'web'))).toBe('True');
  });

  test('failureThreshold and successThreshold: ready flips only after enough results in a row', () => {
    const c = createCluster();
    const kubelet = c.controllers.find((x): x is Kubelet => x instanceof Kubelet)!;
    let failing = false;
    const real = kubelet.prober;
    kubelet.prober = (probe, t) => (failing ? { result: 'failure', output: 'HTTP probe failed with statuscode: 503' } : real(probe, t));
    c.kube.create(R.pods, pod('web', { readinessProbe: { ...httpGet('/'), periodSeconds: 5, successThreshold: 2 } }));
    c.clock.advance(4_000);
    expect(ready(get(c, 'web'))).toBe('False'); // one success of two
    c.clock.advance(6_000);
    expect(ready(get(c, 'web'))).toBe('True');
    failing = true;
    // Not ready from the third failure in a row on (the steady probes notice within a batch).
    for (let i = 0; i < 60 && ready(get(c, 'web')) === 'True'; i++) c.clock.advance(1000);
    expect(ready(get(c, 'web'))).toBe('False');
    expect(events(c, 'web').find((e) => e.reason === 'Unhealthy')).toMatchObject({ message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 3 });
  });

  test('tcpSocket on a port nothing listens on: connection refused', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { readinessProbe: { tcpSocket: { port: 8080 } } }));
    c.clock.advance(20_000);
    const p = get(c, 'web');
    expect(ready(p)).toBe('False');
    expect(events(c, 'web').find((e) => e.reason === 'Unhealthy')!.message).toBe(`Readiness probe failed: dial tcp ${p.status.podIP}:8080: connect: connection refused`);
  });

  test('tcpSocket on the served port: ready', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { readinessProbe: { tcpSocket: { port: 80 } } }));
    c.settle();
    expect(ready(get(c, 'web'))).toBe('True');
  });

  test('httpGet on a closed port: the url error around the dial error', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { readinessProbe: httpGet('/healthz', 8080) }));
    c.clock.advance(20_000);
    const ip = get(c, 'web').status.podIP;
    expect(events(c, 'web').find((e) => e.reason === 'Unhealthy')!.message).toBe(`Readiness probe failed: Get "http://${ip}:8080/healthz": dial tcp ${ip}:8080: connect: connection refused`);
  });

  test('a named port the container does not declare: the probe errors', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { readinessProbe: httpGet('/', 'web') }));
    c.clock.advance(20_000);
    expect(events(c, 'web').find((e) => e.reason === 'Unhealthy')!.message).toBe('Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing "web": invalid syntax');
  });
});

describe('liveness probes', () => {
  test('failing: Unhealthy ×3, Killing, restarted with the last state Completed', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { livenessProbe: { ...httpGet('/healthz'), periodSeconds: 5 } }));
    const killed = () => events(c, 'web').some((e) => e.reason === 'Killing');
    for (let i = 0; i < 60 && !killed(); i++) c.clock.advance(1000);
    // Killed on the third failure in a row.
    expect(events(c, 'web').find((e) => e.reason === 'Unhealthy')!.count).toBe(3);
    c.clock.advance(3000);
    let p = get(c, 'web');
    expect(p.status.containerStatuses[0].restartCount).toBe(1);
    // nginx stops on SIGTERM: exit code 0.
    expect(p.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.status.containerStatuses[0].state.running).toBeDefined();
    const ev = events(c, 'web');
    expect(ev.find((e) => e.reason === 'Unhealthy')).toMatchObject({ type: 'Warning', message: 'Liveness probe failed: HTTP probe failed with statuscode: 404' });
    expect(ev.find((e) => e.reason === 'Killing')).toMatchObject({ type: 'Normal', message: 'Container nginx failed liveness probe, will be restarted', count: 1, fieldPath: 'spec.containers{nginx}' });
    // It keeps failing: restarted again and again, without CrashLoopBackOff in between.
    c.clock.advance(60_000);
    p = get(c, 'web');
    expect(p.status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(4);
    expect(events(c, 'web').find((e) => e.reason === 'Killing')!.count).toBe(p.status.containerStatuses[0].restartCount);
  });

  test('a process that ignores SIGTERM is killed after the grace period: exit code 137', () => {
    const c = createCluster();
    c.kube.create(
      R.pods,
      pod('sleeper', { image: 'busybox', command: ['sleep', '3600'], ports: [], livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5, failureThreshold: 1 } }, { terminationGracePeriodSeconds: 5 }),
    );
    c.clock.advance(20_000);
    const cs = get(c, 'sleeper').status.containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  test('passing: no restarts', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { livenessProbe: { ...httpGet('/'), periodSeconds: 5 } }));
    c.clock.advance(60_000);
    expect(get(c, 'web').status.containerStatuses[0].restartCount).toBe(0);
    expect(events(c, 'web').filter((e) => e.reason === 'Unhealthy' || e.reason === 'Killing')).toEqual([]);
  });
});

describe('startup probes', () => {
  test('until it passes the container is not started, and readiness waits', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { startupProbe: { ...httpGet('/'), initialDelaySeconds: 10, periodSeconds: 5 }, readinessProbe: httpGet('/') }));
    c.clock.advance(8_000);
    let p = get(c, 'web');
    expect(p.status.containerStatuses[0]).toMatchObject({ started: false, ready: false });
    c.clock.advance(15_000);
    p = get(c, 'web');
    expect(p.status.containerStatuses[0]).toMatchObject({ started: true, ready: true });
  });

  test('failing: killed as for liveness', () => {
    const c = createCluster();
    c.kube.create(R.pods, pod('web', { startupProbe: { ...httpGet('/healthz'), periodSeconds: 5, failureThreshold: 2 }, livenessProbe: httpGet('/healthz') }));
    c.clock.advance(15_000);
    const ev = events(c, 'web');
    expect(ev.find((e) => e.message.startsWith('Startup probe failed'))!.message).toBe('Startup probe failed: HTTP probe failed with statuscode: 404');
    expect(ev.find((e) => e.reason === 'Killing')!.message).toBe('Container nginx failed startup probe, will be restarted');
    // The liveness probe never ran: the container had not started.
    expect(ev.find((e) => e.message.startsWith('Liveness'))).toBeUndefined();
  });
});

describe('ProbeWorker (worker.go thresholds)', () => {
  test('readiness starts failed and needs successThreshold successes in a row', () => {
    const w = new ProbeWorker('Readiness', { successThreshold: 2, failureThreshold: 2 }, 'id');
    expect(w.value).toBe('failure');
    expect(w.record('success')).toBeUndefined();
    expect(w.record('failure')).toBeUndefined();
    expect(w.record('success')).toBeUndefined();
    expect(w.record('success')).toBe('success');
    expect(w.record('failure')).toBeUndefined();
    expect(w.record('failure')).toBe('failure');
    expect(w.steady).toBe(true);
  });

  test('liveness starts passed; failureThreshold failures put it on hold', () => {
    const w = new ProbeWorker('Liveness', {}, 'id');
    expect(w.value).toBe('success');
    expect(w.record('failure')).toBeUndefined();
    expect(w.record('failure')).toBeUndefined();
    expect(w.record('failure')).toBe('failure');
    expect(w.onHold).toBe(true);
  });
});
