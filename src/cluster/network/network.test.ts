import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster.ts';
import { R } from '../apiserver/resources.ts';
import type { KObject } from '../apiserver/types.ts';
import { OUTSIDE_IP } from './addresses.ts';
import { ClusterView } from './view.ts';
import { NetworkService } from './service.ts';
import { LogStore } from '../logs.ts';
import type { Vantage } from './trace.ts';

const outside: Vantage = { kind: 'outside', ip: OUTSIDE_IP };

function deployment(name: string, image: string, replicas: number, port?: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, ports: port ? [{ containerPort: port }] : undefined }] } },
    },
  };
}

function service(name: string, type: string, port: number, targetPort: number | string, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { type, selector: { app: name }, ports: [{ port, targetPort }], ...extra },
  };
}

let c: Cluster;
let net: NetworkService;
const podsOf = (app: string) => c.kube.list(R.pods, { namespace: 'default', labelSelector: `app=${app}` });
const vantageOf = (pod: KObject): Vantage => ({ kind: 'pod', ip: pod.status.podIP, node: pod.spec.nodeName, pod: { namespace: 'default', name: pod.metadata.name! } });
const get = { method: 'GET', path: '/', headers: [['Host', 'x']] as [string, string][], body: '' };

beforeEach(() => {
  c = createCluster({ seed: 7 });
  net = new NetworkService(new ClusterView(c.store), c.config, new LogStore(), c.rng, c.clock);
  c.kube.create(R.deployments, deployment('web', 'nginx', 3, 80));
  c.kube.create(R.deployments, deployment('client', 'nicolaka/netshoot', 1));
  c.settle();
});

describe('ClusterIP', () => {
  it('answers from a Pod and times out from outside, with a reason', () => {
    const svc = c.kube.create(R.services, service('web', 'ClusterIP', 80, 80));
    c.settle();
    const client = vantageOf(podsOf('client')[0]);
    const ok = net.http(client, svc.spec.clusterIP, 80, get);
    expect(ok.trace.result.kind).toBe('connected');
    expect(ok.response?.status).toBe(200);
    expect(ok.response?.body).toContain('Welcome to nginx!');
    expect(ok.trace.hops.map((h) => h.kind)).toContain('dnat');
    const out = net.http(outside, svc.spec.clusterIP, 80, get);
    expect(out.trace.result.kind).toBe('timeout');
    expect(out.trace.why).toMatch(/ClusterIP/);
  });

  it('spreads requests over all ready endpoints at random', () => {
    const svc = c.kube.create(R.services, service('web', 'ClusterIP', 80, 80));
    c.settle();
    const client = vantageOf(podsOf('client')[0]);
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const r = net.http(client, svc.spec.clusterIP, 80, get);
      if (r.trace.result.kind === 'connected') seen.add(r.trace.result.pod.name);
    }
    expect(seen.size).toBe(3);
  });

  it('rejects when the selector matches nothing and refuses a wrong targetPort', () => {
    const none = c.kube.create(R.services, { ...service('nothing', 'ClusterIP', 80, 80) });
    const wrong = c.kube.create(R.services, { ...service('web', 'ClusterIP', 80, 8080) });
    c.settle();
    const client = vantageOf(podsOf('client')[0]);
    const a = net.http(client, none.spec.clusterIP, 80, get);
    expect(a.trace.result.kind).toBe('refused');
    expect(a.trace.why).toMatch(/no endpoints/);
    const b = net.http(client, wrong.spec.clusterIP, 80, get);
    expect(b.trace.result.kind).toBe('refused');
    expect(b.trace.why).toMatch(/targetPort/);
  });

  it('keeps a client on one Pod with sessionAffinity ClientIP', () => {
    const svc = c.kube.create(R.services, service('web', 'ClusterIP', 80, 80, { sessionAffinity: 'ClientIP' }));
    c.settle();
    const client = vantageOf(podsOf('client')[0]);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = net.http(client, svc.spec.clusterIP, 80, get);
      if (r.trace.result.kind === 'connected') seen.add(r.trace.result.pod.name);
    }
    expect(seen.size).toBe(1);
  });
});

describe('NodePort and LoadBalancer', () => {
  it('reach the Service from outside on every node, SNATed', () => {
    const svc = c.kube.create(R.services, service('web', 'NodePort', 80, 80));
    c.settle();
    const nodePort = svc.spec.ports[0].nodePort;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    for (const n of c.config.nodes) {
      const r = net.http(outside, n.internalIP, nodePort, get);
      expect(r.response?.status).toBe(200);
      expect(r.trace.hops.some((h) => h.kind === 'snat')).toBe(true);
    }
  });

  it('Local policy: only nodes with an endpoint answer, and the client address is kept', () => {
    c.kube.patch(R.deployments, 'default', 'web', { spec: { replicas: 1 } });
    const svc = c.kube.create(R.services, service('web', 'NodePort', 80, 80, { externalTrafficPolicy: 'Local' }));
    c.settle();
    const podNode = podsOf('web').find((p) => !p.metadata.deletionTimestamp)!.spec.nodeName;
    const nodePort = svc.spec.ports[0].nodePort;
    for (const n of c.config.nodes) {
      const r = net.http(outside, n.internalIP, nodePort, get);
      if (n.name === podNode) {
        expect(r.trace.result.kind).toBe('connected');
        if (r.trace.result.kind === 'connected') expect(r.trace.result.clientIP).toBe(OUTSIDE_IP);
      } else expect(r.trace.result.kind).toBe('timeout');
    }
  });

  it('a LoadBalancer gets an address that answers from outside', () => {
    c.kube.create(R.services, service('web', 'LoadBalancer', 8080, 80));
    c.settle();
    const svc = c.kube.get(R.services, 'default', 'web')!;
    const ip = svc.status.loadBalancer.ingress[0].ip;
    const r = net.http(outside, ip, 8080, get);
    expect(r.response?.status).toBe(200);
    expect(r.trace.hops[0].kind).toBe('load-balancer');
  });
});

describe('DNS', () => {
  it('resolves Service names through the Pod search path and ExternalName as CNAME', () => {
    const svc = c.kube.create(R.services, service('web', 'ClusterIP', 80, 80));
    c.kube.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'example.com' } });
    c.settle();
    const client = vantageOf(podsOf('client')[0]);
    const a = net.resolve(client, 'web');
    expect(a.fqdn).toBe('web.default.svc.cluster.local.');
    expect(a.records[0].data).toBe(svc.spec.clusterIP);
    const e = net.resolve(client, 'ext');
    expect(e.records[0]).toMatchObject({ type: 'CNAME', data: 'example.com.' });
    expect(net.resolve(outside, 'web').status).toBe('NXDOMAIN');
  });

  it('a node asking kube-dns explicitly gets cluster answers; its own resolver does not', () => {
    const node: Vantage = { kind: 'node', ip: c.config.nodes[1].internalIP, node: c.config.nodes[1].name };
    expect(net.resolve(node, 'kubernetes.default.svc.cluster.local.').status).toBe('NXDOMAIN');
    const a = net.resolve(node, 'kubernetes.default.svc.cluster.local.', 'A', c.config.dnsServiceIP);
    expect(a.records[0].data).toBe('10.96.0.1');
  });

  it('headless Services return Pod addresses', () => {
    c.kube.create(R.services, service('web', 'ClusterIP', 80, 80, { clusterIP: 'None' }));
    c.settle();
    const client = vantageOf(podsOf('client')[0]);
    const a = net.resolve(client, 'web.default');
    expect(a.records.map((r) => r.data).sort()).toEqual(podsOf('web').map((p) => p.status.podIP).sort());
  });
});
