import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../worker/traffic.ts';
import { launch, advance, stepAll, MAX_FLIGHTS, position } from './flights.ts';
import { pathKey, pathOf } from './path.ts';

// A LoadBalancer request from the laptop as the dataplane traces it (see cluster/network/dataplane.ts).
const lbRequest: TrafficRecord = {
  id: 7,
  at: 0,
  from: { kind: 'outside', ip: '192.168.49.1' },
  target: { host: '192.168.49.200', port: 8888, protocol: 'TCP' },
  hops: [
    { kind: 'load-balancer', text: 'load balancer 192.168.49.200:8888 → node minikube-m02', src: '192.168.49.1', dst: '192.168.49.200:8888', node: 'minikube-m02' },
    { kind: 'dnat', text: 'kube-proxy …', node: 'minikube-m02', dst: '10.244.2.3:8888', service: { namespace: 'default', name: 'httpenv', type: 'LoadBalancer' } },
    { kind: 'snat', text: 'SNAT …', node: 'minikube-m02', src: '192.168.49.3' },
    { kind: 'node', text: 'forwarded …', node: 'minikube-m03', src: '192.168.49.3', dst: '10.244.2.3:8888' },
    { kind: 'pod', text: 'Pod …', pod: { namespace: 'default', name: 'httpenv-1', ip: '10.244.2.3' }, node: 'minikube-m03', dst: '10.244.2.3:8888' },
  ],
  result: { kind: 'connected', pod: { namespace: 'default', name: 'httpenv-1', ip: '10.244.2.3', node: 'minikube-m03' }, port: 8888, clientIP: '192.168.49.3' },
  httpStatus: 200,
  tool: 'curl',
  service: 'default/httpenv',
  serviceType: 'LoadBalancer',
};

describe('pathOf', () => {
  it('visits LB, node, Service (DNAT with SNAT), the other node, the Pod, then replies the same way', () => {
    const steps = pathOf(lbRequest, () => true);
    expect(steps.map((s) => s.anchor)).toEqual([
      'laptop',
      'lb:192.168.49.200',
      'node:minikube-m02',
      'svc:default/httpenv',
      'node:minikube-m03',
      'pod:default/httpenv-1',
      'node:minikube-m03',
      'svc:default/httpenv',
      'node:minikube-m02',
      'lb:192.168.49.200',
      'laptop',
    ]);
    expect(steps[3].label).toBe('DNAT → 10.244.2.3:8888 · SNAT src → 192.168.49.3');
    expect(steps.at(-1)).toMatchObject({ reply: true, label: 'reply: HTTP 200' });
  });

  it('stops at a failure, and folds hidden shapes into visible ones', () => {
    const refused: TrafficRecord = { ...lbRequest, hops: lbRequest.hops.slice(0, 2), result: { kind: 'refused', reason: 'Service has no endpoints' }, httpStatus: undefined };
    const steps = pathOf(refused, (a) => a !== 'lb:192.168.49.200');
    expect(steps.map((s) => s.anchor)).toEqual(['laptop', 'node:minikube-m02', 'svc:default/httpenv', 'svc:default/httpenv']);
    expect(steps.at(-1)).toMatchObject({ failed: true, label: 'refused: Service has no endpoints' });
  });
});

describe('flights', () => {
  it('a burst on one path is one dot with a count; stepping moves every dot one box', () => {
    const steps = pathOf(lbRequest, () => true);
    const key = pathKey(steps);
    const burst = Array.from({ length: 100 }, (_, i) => ({ key, steps, kind: 'LoadBalancer' as const, id: i }));
    const f = launch([], burst);
    expect(f).toHaveLength(1);
    expect(f[0].count).toBe(100);
    expect(stepAll(advance(f, 0.4))[0].t).toBe(1);
    expect(advance(f, 100)).toEqual([]);
  });

  it('a request on a path whose dot already left gets its own dot (its own key for rendering)', () => {
    const steps = pathOf(lbRequest, () => true);
    const l = { key: pathKey(steps), steps, kind: 'LoadBalancer' as const, id: 1 };
    const f = launch(advance(launch([], [l]), 2), [{ ...l, id: 2 }]);
    expect(f).toHaveLength(2);
    expect(new Set(f.map((x) => x.uid)).size).toBe(2);
  });

  it('never holds more than MAX_FLIGHTS dots', () => {
    const steps = pathOf(lbRequest, () => true);
    const f = launch([], Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, steps, kind: 'ClusterIP' as const, id: i })));
    expect(f).toHaveLength(MAX_FLIGHTS);
  });
});

it('a flight with no steps has no position (no crash)', () => {
  expect(position({ steps: [], t: 0 } as unknown as Parameters<typeof position>[0], new Map())).toBeUndefined();
});
