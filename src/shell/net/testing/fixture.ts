// A small cluster for the network programs' tests, written straight into a Store: three nodes,
// nginx Pods behind a Service of every type, and a netshoot client Pod. (Built by hand so these
// tests do not depend on the controllers; the objects carry the fields the network reads.)

import { VirtualClock } from '../../../cluster/clock.ts';
import { defaultConfig } from '../../../cluster/config.ts';
import { SeededRandom } from '../../../cluster/random.ts';
import { Store } from '../../../cluster/apiserver/store.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { LogStore } from '../../../cluster/logs.ts';
import { NetworkService } from '../../../cluster/network/service.ts';
import { ClusterView } from '../../../cluster/network/view.ts';
import { VirtualFs } from '../../fs/vfs.ts';
import type { Input, Output, ProcessContext, Program } from '../../program.ts';
import type { NetFlavor, NetHost } from '../host.ts';
import { nodeHost, outsideHost, podHost } from '../vantages.ts';

export const WEB_PODS = [
  { name: 'web-1', node: 'minikube-m02', ip: '10.244.1.5' },
  { name: 'web-2', node: 'minikube-m03', ip: '10.244.2.6' },
  { name: 'web-3', node: 'minikube', ip: '10.244.0.7' },
];

export interface Fixture {
  store: Store;
  clock: VirtualClock;
  network: NetworkService;
  outside(): NetHost;
  node(name: string): NetHost;
  pod(name: string, flavor?: NetFlavor): NetHost;
}

function pod(name: string, node: string, ip: string, image: string, labels: Record<string, string>): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels },
    spec: { nodeName: node, containers: [{ name: name.replace(/-\d+$/, ''), image }] },
    status: { phase: 'Running', podIP: ip, containerStatuses: [{ name: name.replace(/-\d+$/, ''), ready: true, restartCount: 0, state: { running: { startedAt: '2026-01-01T00:00:00Z' } } }] },
  } as KObject;
}

function service(name: string, spec: Record<string, unknown>, lbIP?: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', uid: `uid-svc-${name}` },
    spec: { type: 'ClusterIP', ...spec },
    status: { loadBalancer: lbIP ? { ingress: [{ ip: lbIP, ipMode: 'VIP' }] } : {} },
  } as KObject;
}

function slice(svc: string, port: number, pods: { name: string; node: string; ip: string }[], portName = ''): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${svc}-abcde`, namespace: 'default', labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4',
    endpoints: pods.map((p) => ({ addresses: [p.ip], conditions: { ready: true, serving: true, terminating: false }, nodeName: p.node, targetRef: { kind: 'Pod', namespace: 'default', name: p.name } })),
    ports: [{ name: portName, port, protocol: 'TCP' }],
  } as KObject;
}

export function createFixture(seed = 7): Fixture {
  const store = new Store();
  const clock = new VirtualClock();
  const config = defaultConfig();
  for (const n of config.nodes) store.put('/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: n.name }, spec: { podCIDR: n.podCIDR }, status: { addresses: [{ type: 'InternalIP', address: n.internalIP }, { type: 'Hostname', address: n.name }] } } as KObject, 'ADDED');
  for (const ns of ['default', 'kube-system']) store.put('/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } as KObject, 'ADDED');
  for (const p of WEB_PODS) store.put('/pods', pod(p.name, p.node, p.ip, 'nginx', { app: 'web' }), 'ADDED');
  store.put('/pods', pod('redis-1', 'minikube-m03', '10.244.2.8', 'redis', { app: 'redis' }), 'ADDED');
  store.put('/pods', pod('client', 'minikube-m02', '10.244.1.9', 'nicolaka/netshoot', { run: 'client' }), 'ADDED');
  const port = { port: 80, targetPort: 80, protocol: 'TCP' };
  const svcs: [KObject, KObject?][] = [
    [service('web', { clusterIP: '10.96.12.34', ports: [port], selector: { app: 'web' } }), slice('web', 80, WEB_PODS)],
    [service('web-np', { type: 'NodePort', clusterIP: '10.96.20.1', ports: [{ ...port, nodePort: 30080 }], selector: { app: 'web' }, externalTrafficPolicy: 'Cluster' }), slice('web-np', 80, WEB_PODS)],
    [service('web-lb', { type: 'LoadBalancer', clusterIP: '10.96.30.1', ports: [{ ...port, nodePort: 31080 }], selector: { app: 'web' }, externalTrafficPolicy: 'Cluster' }, '192.168.49.200'), slice('web-lb', 80, WEB_PODS)],
    [service('web-headless', { clusterIP: 'None', ports: [port], selector: { app: 'web' } }), slice('web-headless', 80, WEB_PODS)],
    [service('ext', { type: 'ExternalName', externalName: 'example.com' })],
    [service('empty', { clusterIP: '10.96.40.1', ports: [port], selector: { app: 'nothing' } }), slice('empty', 80, [])],
    [service('wrong', { clusterIP: '10.96.50.1', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], selector: { app: 'web' } }), slice('wrong', 8080, WEB_PODS)],
    [service('sticky', { clusterIP: '10.96.60.1', ports: [port], selector: { app: 'web' }, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }), slice('sticky', 80, WEB_PODS)],
    [service('local-np', { type: 'NodePort', clusterIP: '10.96.80.1', ports: [{ ...port, nodePort: 30090 }], selector: { app: 'web' }, externalTrafficPolicy: 'Local' }), slice('local-np', 80, WEB_PODS.slice(0, 1))],
    [service('redis', { clusterIP: '10.96.70.1', ports: [{ name: 'redis', port: 6379, targetPort: 6379, protocol: 'TCP' }], selector: { app: 'redis' } }), slice('redis', 6379, [{ name: 'redis-1', node: 'minikube-m03', ip: '10.244.2.8' }], 'redis')],
  ];
  for (const [s, sl] of svcs) {
    store.put('/services', s, 'ADDED');
    if (sl) store.put('discovery.k8s.io/endpointslices', sl, 'ADDED');
  }
  const network = new NetworkService(new ClusterView(store), config, new LogStore(), new SeededRandom(seed), clock);
  return {
    store,
    clock,
    network,
    outside: () => outsideHost(network, 'laptop', clock),
    node: (name) => nodeHost(network, store.peek('/nodes', undefined, name)!, clock),
    pod: (name, flavor) => podHost(network, store.peek('/pods', 'default', name)!, flavor, clock),
  };
}

class Capture implements Output {
  text = '';
  constructor(readonly isTTY = false) {}
  write(data: string): void {
    this.text += data;
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Virtual milliseconds the program waited. */
  waitedMs: number;
}

/**
 * Runs a program with captured streams. Sleeps advance the fixture's clock; `interruptAfterMs`
 * aborts the signal once that much virtual time has passed (Ctrl+C).
 */
export async function run(fx: Fixture, host: NetHost, argv: string[], opts: { stdin?: string; tty?: boolean; interruptAfterMs?: number; fs?: VirtualFs } = {}): Promise<RunResult> {
  const stdout = new Capture(opts.tty ?? false);
  const stderr = new Capture(opts.tty ?? false);
  const controller = new AbortController();
  const lines = (opts.stdin ?? '').split(/(?<=\n)/).filter(Boolean);
  const stdin: Input = {
    isTTY: false,
    read: async () => lines.shift() ?? null,
    readAll: async () => lines.splice(0).join(''),
  };
  let waited = 0;
  const ctx: ProcessContext = {
    argv,
    stdin,
    stdout,
    stderr,
    env: {},
    cwd: '/root',
    fs: opts.fs ?? new VirtualFs(),
    signal: controller.signal,
    host,
    sleep: async (ms) => {
      if (opts.interruptAfterMs !== undefined && waited + ms > opts.interruptAfterMs) {
        const step = Math.max(0, opts.interruptAfterMs - waited);
        waited += step;
        fx.clock.advance(step);
        controller.abort();
        throw new Error('interrupted');
      }
      waited += ms;
      fx.clock.advance(ms);
    },
  };
  const program: Program = (await import('../index.ts')).netPrograms().get(argv[0])!;
  const code = await program(ctx);
  return { code, stdout: stdout.text, stderr: stderr.text, waitedMs: waited };
}
