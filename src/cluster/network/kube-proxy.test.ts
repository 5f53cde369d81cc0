// The dataplane against kube-proxy's iptables rules (pkg/proxy/iptables/proxier.go: KUBE-EXT's
// "pod traffic for … external destinations" / "masquerade LOCAL traffic" / "masquerade traffic",
// KUBE-SEP's hairpin masquerade, load-balancer IPs captured in KUBE-SERVICES, the "recent" module
// for ClientIP affinity), the CNI portmap plugin (hostPort) and the service controller's node set
// (node.kubernetes.io/exclude-from-external-load-balancers).

import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster.ts';
import { R } from '../apiserver/resources.ts';
import type { KObject } from '../apiserver/types.ts';
import { OUTSIDE_IP } from './addresses.ts';
import type { Trace, Vantage } from './trace.ts';

const outside: Vantage = { kind: 'outside', ip: OUTSIDE_IP };
const NODES = { minikube: '192.168.49.2', 'minikube-m02': '192.168.49.3', 'minikube-m03': '192.168.49.4' } as Record<string, string>;
const get = { method: 'GET', path: '/', headers: [['Host', 'x']] as [string, string][], body: '' };

function deployment(name: string, replicas: number, ports?: Record<string, number>[]): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'traefik/whoami', ports }] } } },
  };
}

function service(name: string, spec: Record<string, unknown>): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 80 }], ...spec } };
}

let c: Cluster;
const podsOf = (app: string) => c.kube.list(R.pods, { namespace: 'default', labelSelector: `app=${app}` });
const podVantage = (pod: KObject): Vantage => ({ kind: 'pod', ip: pod.status.podIP, node: pod.spec.nodeName, pod: { namespace: 'default', name: pod.metadata.name! } });
const nodeVantage = (name: string): Vantage => ({ kind: 'node', ip: NODES[name], node: name });
const connected = (t: Trace) => (t.result.kind === 'connected' ? t.result : undefined);
const http = (from: Vantage, ip: string, port: number) => c.network.http(from, ip, port, get).trace;

beforeEach(() => {
  c = createCluster({ seed: 11 });
  c.kube.create(R.deployments, deployment('solo', 1));
  c.kube.create(R.deployments, deployment('client', 1));
  c.settle();
});

describe('externalTrafficPolicy: Local from inside the cluster', () => {
  it('Pods short-circuit to all endpoints; the node itself too, masqueraded; other sources need a local endpoint', () => {
    const svc = c.kube.create(R.services, service('solo', { type: 'NodePort', externalTrafficPolicy: 'Local' }));
    c.settle();
    const nodePort = svc.spec.ports[0].nodePort;
    const home = podsOf('solo')[0].spec.nodeName;
    const away = home === 'minikube-m02' ? 'minikube-m03' : 'minikube-m02';
    // From outside: the node without an endpoint drops.
    expect(http(outside, NODES[away], nodePort).result.kind).toBe('timeout');
    expect(connected(http(outside, NODES[home], nodePort))?.clientIP).toBe(OUTSIDE_IP);
    // A Pod: any node's NodePort answers, and the client address is kept.
    const client = podsOf('client')[0];
    const fromPod = http(podVantage(client), NODES[away], nodePort);
    expect(connected(fromPod)?.clientIP).toBe(client.status.podIP);
    expect(fromPod.hops.some((h) => h.kind === 'snat')).toBe(false);
    // The node itself (src-type LOCAL): routed like Cluster and masqueraded.
    const fromSelf = http(nodeVantage(away), NODES[away], nodePort);
    expect(connected(fromSelf)?.clientIP).toBe(NODES[away]);
    // Another node is just another outside source for this node.
    expect(http(nodeVantage(home), NODES[away], nodePort).result.kind).toBe('timeout');
  });

  it('policy Cluster masquerades NodePort traffic from Pods as well', () => {
    const svc = c.kube.create(R.services, service('solo', { type: 'NodePort' }));
    c.settle();
    const t = http(podVantage(podsOf('client')[0]), NODES['minikube-m02'], svc.spec.ports[0].nodePort);
    expect(connected(t)?.clientIP).toBe(NODES['minikube-m02']);
    expect(t.hops.find((h) => h.kind === 'snat')?.text).toContain('externalTrafficPolicy: Cluster');
  });
});

describe('hairpin', () => {
  it('a Pod reaching itself through its Service is masqueraded to its node', () => {
    const svc = c.kube.create(R.services, service('solo', {}));
    c.settle();
    const pod = podsOf('solo')[0];
    const t = http(podVantage(pod), svc.spec.clusterIP, 80);
    expect(connected(t)?.pod.name).toBe(pod.metadata.name);
    expect(connected(t)?.clientIP).toBe(NODES[pod.spec.nodeName]);
    expect(t.hops.find((h) => h.kind === 'snat')?.text).toContain('hairpin');
    // Another Pod keeps its address.
    const client = podsOf('client')[0];
    expect(connected(http(podVantage(client), svc.spec.clusterIP, 80))?.clientIP).toBe(client.status.podIP);
  });
});

describe('LoadBalancer', () => {
  it('from inside, the load-balancer IP is DNATed on the source node: no load-balancer hop', () => {
    const svc = c.kube.create(R.services, service('solo', { type: 'LoadBalancer' }));
    c.settle();
    const ip = c.kube.get(R.services, 'default', 'solo')!.status.loadBalancer.ingress[0].ip;
    expect(svc.spec.type).toBe('LoadBalancer');
    const client = podsOf('client')[0];
    const t = http(podVantage(client), ip, 80);
    expect(t.result.kind).toBe('connected');
    expect(t.hops.map((h) => h.kind)).not.toContain('load-balancer');
    expect(t.hops.find((h) => h.kind === 'dnat')?.node).toBe(client.spec.nodeName);
  });

  it('never sends traffic through a node labelled exclude-from-external-load-balancers', () => {
    expect(c.kube.get(R.nodes, undefined, 'minikube')!.metadata.labels).toHaveProperty(['node.kubernetes.io/exclude-from-external-load-balancers']);
    c.kube.create(R.services, service('solo', { type: 'LoadBalancer' }));
    c.settle();
    const ip = c.kube.get(R.services, 'default', 'solo')!.status.loadBalancer.ingress[0].ip;
    const via = new Set(Array.from({ length: 30 }, () => http(outside, ip, 80).hops.find((h) => h.kind === 'load-balancer')?.node));
    expect([...via].sort()).toEqual(['minikube-m02', 'minikube-m03']);
  });
});

describe('hostPort', () => {
  it("a Pod's hostPort answers on its node's address, keeping the client's address", () => {
    c.kube.create(R.deployments, deployment('hp', 1, [{ containerPort: 80, hostPort: 8080 }]));
    c.settle();
    const pod = podsOf('hp')[0];
    const t = http(outside, NODES[pod.spec.nodeName], 8080);
    expect(connected(t)).toMatchObject({ pod: { name: pod.metadata.name }, port: 80, clientIP: OUTSIDE_IP });
    expect(t.hops.map((h) => h.kind)).toEqual(['node', 'dnat', 'pod']);
    const other = Object.keys(NODES).find((n) => n !== pod.spec.nodeName)!;
    expect(http(outside, NODES[other], 8080).result.kind).toBe('refused');
  });

  it("minikube's Ingress controller listens on the primary node's ports 80 and 443", () => {
    const t = c.network.http(outside, NODES.minikube, 80, { ...get, headers: [['Host', '192.168.49.2']] });
    expect(connected(t.trace)?.pod.name).toMatch(/^ingress-nginx-controller-/);
    expect(t.response?.status).toBe(404);
    expect(t.response?.body).toContain('<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>');
  });
});

describe('sessionAffinity: ClientIP', () => {
  it('sticks while the client keeps coming within timeoutSeconds, and picks afresh after it expires', () => {
    c.kube.create(R.deployments, deployment('many', 3));
    const svc = c.kube.create(R.services, service('many', { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }));
    c.settle();
    const client = podVantage(podsOf('client')[0]);
    const pick = () => connected(http(client, svc.spec.clusterIP, 80))!.pod.name;
    const within = new Set<string>();
    for (let i = 0; i < 10; i++) {
      within.add(pick());
      c.clock.advance(59_000); // each connection refreshes the "recent" entry
    }
    expect(within.size).toBe(1);
    const after = new Set<string>();
    for (let i = 0; i < 12; i++) {
      after.add(pick());
      c.clock.advance(61_000);
    }
    expect(after.size).toBeGreaterThan(1);
  });
});
