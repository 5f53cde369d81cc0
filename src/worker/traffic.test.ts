import { beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox/sandbox.ts';
import { run } from '../shell/testing.ts';
import { TopologyFeed, type Topology, type TopologyUpdate } from './topology.ts';
import { TrafficFeed, type TrafficBatch, type TrafficRecord } from './traffic.ts';

// The seed walkthrough's Services, each type once, on a virtual clock.
let sandbox: Sandbox;
let traffic: TrafficFeed;
let topology: TopologyFeed;
const batches: TrafficBatch[] = [];
const updates: TopologyUpdate[] = [];
let clockMs = 0;

const records = (): TrafficRecord[] => batches.flatMap((b) => b.records);
const kinds = (r: TrafficRecord) => r.hops.map((h) => h.kind);

async function sh(line: string, shell = sandbox.laptopShell()) {
  const r = await run(line, shell);
  sandbox.cluster.settle(60_000);
  traffic.flush();
  traffic.flush(); // unclaimed DNS lookups wait one frame
  return r;
}

beforeAll(async () => {
  sandbox = new Sandbox({ clock: 'virtual', seed: 3 });
  traffic = new TrafficFeed(sandbox.cluster.network, { schedule: () => {}, now: () => sandbox.cluster.clock.now() });
  traffic.subscribe((b) => batches.push(b));
  topology = new TopologyFeed(sandbox.cluster.api, { forwards: () => sandbox.cluster.network.dataplane.forwards.values(), now: () => (clockMs += 1000) });
  topology.subscribe((u) => updates.push(u));
  for (const line of [
    'kubectl create deployment nginx --image=nginx --replicas=2',
    'kubectl create deployment httpenv --image=jpetazzo/httpenv --replicas=3',
    'kubectl expose deployment nginx --port=80',
    'kubectl expose deployment httpenv --port=8888 --type=LoadBalancer',
    'kubectl expose deployment nginx --name=nginx-np --port=80 --type=NodePort',
    'kubectl create service externalname ext --external-name=example.com',
    'kubectl run tools --image=busybox -- sleep 3600',
  ]) {
    const r = await sh(line);
    expect(r.status, `${line}: ${r.output}`).toBe(0);
  }
});

describe('TopologyFeed', () => {
  it('sends everything first, then only the collections that changed', async () => {
    expect(Object.keys(updates[0]).sort()).toEqual(['forwards', 'ingresses', 'nodes', 'pods', 'services']);
    topology.poll();
    const t: Topology = topology.current();
    expect(t.nodes.map((n) => n.name)).toEqual(['minikube', 'minikube-m02', 'minikube-m03'].slice(0, t.nodes.length));
    const nginx = t.services.find((s) => s.name === 'nginx')!;
    expect(nginx).toMatchObject({ type: 'ClusterIP', ports: [{ port: 80, targetPort: '80', protocol: 'TCP' }] });
    expect(nginx.endpoints).toHaveLength(2);
    expect(nginx.endpoints.every((e) => e.ready && e.pod?.startsWith('default/nginx-'))).toBe(true);
    const lb = t.services.find((s) => s.name === 'httpenv')!;
    expect(lb.type).toBe('LoadBalancer');
    expect(lb.loadBalancerIPs).toHaveLength(1);
    expect(lb.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(t.services.find((s) => s.name === 'ext')).toMatchObject({ type: 'ExternalName', externalName: 'example.com', endpoints: [] });
    // Services in creation order: kubernetes first, ours after it in the order they were made.
    const mine = t.services.filter((s) => s.namespace === 'default').map((s) => s.name);
    expect(mine).toEqual(['kubernetes', 'nginx', 'httpenv', 'nginx-np', 'ext']);

    const n = updates.length;
    await sh('kubectl scale deployment nginx --replicas=3');
    topology.poll();
    expect(updates.length).toBe(n + 1);
    expect(Object.keys(updates[n]).sort()).toEqual(['pods', 'services']);
  });
});

describe('TrafficFeed', () => {
  it('records curl to a LoadBalancer from the laptop: LB → node → DNAT → Pod', async () => {
    const lbIP = topology.current().services.find((s) => s.name === 'httpenv')!.loadBalancerIPs[0];
    await sh(`curl -s http://${lbIP}:8888`);
    const r = records().at(-1)!;
    expect(r.from.kind).toBe('outside');
    expect(kinds(r)[0]).toBe('load-balancer');
    expect(kinds(r)).toContain('dnat');
    expect(kinds(r)).toContain('snat');
    expect(kinds(r).at(-1)).toBe('pod');
    expect(r).toMatchObject({ service: 'default/httpenv', serviceType: 'LoadBalancer', result: { kind: 'connected' } });
    expect(r.endpoint).toMatch(/^default\/httpenv-/);
  });

  it('puts the DNS answer in front of a request by name, and records a lone lookup on its own', async () => {
    const pod = sandbox.cluster.network.view.pods('default').find((p) => p.metadata.name!.startsWith('nginx-'))!;
    const shell = sandbox.podShell(pod, pod.spec!.containers[0], 'sh')!;
    await sh('curl -s http://nginx', shell);
    const byName = records().at(-1)!;
    expect(kinds(byName)).toEqual(expect.arrayContaining(['dns', 'dnat', 'pod']));
    expect(kinds(byName)[0]).toBe('dns');
    expect(byName.hops[0].text).toContain('nginx.default.svc.cluster.local');
    expect(byName.hops[0].service).toMatchObject({ name: 'nginx', type: 'ClusterIP' });

    const n = records().length;
    const tools = sandbox.cluster.network.view.pod('default', 'tools')!;
    const r = await sh('nslookup ext', sandbox.podShell(tools, tools.spec!.containers[0], 'sh')!);
    expect(r.output).toContain('example.com');
    const lone = records().slice(n);
    expect(lone.length).toBeGreaterThan(0);
    const ext = lone.find((x) => x.service === 'default/ext')!;
    expect(ext).toMatchObject({ serviceType: 'ExternalName', result: { kind: 'resolved' } });
    expect(kinds(ext)).toEqual(['dns']);
    expect(ext.hops[0].text).toContain('CNAME example.com');
  });

  it('sends one batch for a burst, and new subscribers get the history', async () => {
    const n = batches.length;
    const port = topology.current().services.find((s) => s.name === 'nginx-np')!.ports[0].nodePort;
    const nodeIP = topology.current().nodes[0].ip;
    await sh(`for i in $(seq 1 20); do curl -s -o /dev/null http://${nodeIP}:${port}; done`);
    const burst = batches.slice(n).flatMap((b) => b.records);
    expect(burst).toHaveLength(20);
    expect(batches.length - n).toBe(1);
    expect(kinds(burst[0])[0]).toBe('node');
    const late: TrafficBatch[] = [];
    traffic.subscribe((b) => late.push(b));
    expect(late[0].records.length).toBe(records().length);
  });
});
