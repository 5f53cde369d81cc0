import { describe, expect, it } from 'vitest';
import type { TopoPod, TopoService, Topology } from '../../worker/topology.ts';
import { assignSlots, layout, visible } from './layout.ts';

const pod = (name: string, node: string, ns = 'default'): TopoPod => ({ namespace: ns, name, node, ip: '10.244.0.1', phase: 'Running', ready: true, deleting: false, labels: { app: 'web' }, created: '2026-01-01T00:00:00Z' });
const svc = (name: string, type = 'ClusterIP', extra: Partial<TopoService> = {}): TopoService => ({
  namespace: 'default',
  name,
  type,
  clusterIP: '10.96.0.20',
  ports: [{ port: 80, targetPort: '80', protocol: 'TCP', nodePort: type === 'ClusterIP' ? undefined : 30080 }],
  externalIPs: [],
  loadBalancerIPs: type === 'LoadBalancer' ? ['192.168.49.200'] : [],
  selector: { app: 'web' },
  endpoints: [],
  created: '2026-01-01T00:00:00Z',
  ...extra,
});
const nodes = ['minikube', 'minikube-m02', 'minikube-m03'].map((name, i) => ({ name, ip: `192.168.49.${i + 2}`, podCIDR: `10.244.${i}.0/24`, ready: true, controlPlane: i === 0, created: '' }));
const topo = (pods: TopoPod[], services: TopoService[] = []): Topology => ({ nodes, pods, services, ingresses: [], forwards: [] });

describe('assignSlots', () => {
  it('keeps each Pod in its slot; a new Pod takes the lowest free slot of its node', () => {
    const a = assignSlots(new Map(), [pod('a', 'minikube'), pod('b', 'minikube'), pod('c', 'minikube-m02')]);
    expect([...a.values()]).toEqual([0, 1, 0]);
    // a goes away, d arrives: b stays in slot 1, d takes slot 0.
    const b = assignSlots(a, [pod('b', 'minikube'), pod('c', 'minikube-m02'), pod('d', 'minikube')]);
    expect(b.get('minikube|default/b')).toBe(1);
    expect(b.get('minikube|default/d')).toBe(0);
    expect(b.get('minikube-m02|default/c')).toBe(0);
  });
});

describe('layout', () => {
  it('adding a Pod moves no other shape', () => {
    const pods = [pod('a', 'minikube'), pod('b', 'minikube-m02'), pod('c', 'minikube-m03')];
    const before = layout({ topology: topo(pods, [svc('web')]), slots: assignSlots(new Map(), pods), width: 1000 });
    const more = [...pods, pod('d', 'minikube-m02')];
    const after = layout({ topology: topo(more, [svc('web')]), slots: assignSlots(assignSlots(new Map(), pods), more), width: 1000 });
    for (const [id, box] of before.anchors) if (id.startsWith('pod:') || id.startsWith('svc:')) expect(after.anchors.get(id)).toEqual(box);
    expect(after.anchors.has('pod:default/d')).toBe(true);
  });

  it('draws a load balancer in front of a LoadBalancer Service and an outside name for ExternalName', () => {
    const l = layout({ topology: topo([], [svc('lb', 'LoadBalancer'), svc('ext', 'ExternalName', { clusterIP: undefined, externalName: 'example.com', ports: [] })]), slots: new Map(), width: 1000 });
    expect(l.anchors.has('lb:192.168.49.200')).toBe(true);
    expect(l.edges.map((e) => e.id)).toEqual(expect.arrayContaining(['lb:192.168.49.200>svc:default/lb', 'svc:default/ext>ext:default/ext']));
    expect(l.services.map((s) => s.kind)).toEqual(['LoadBalancer', 'ExternalName']);
    // Outside shapes stand left of the cluster.
    const lb = l.anchors.get('lb:192.168.49.200')!;
    expect(lb.x + lb.w).toBeLessThan(l.cluster.x);
  });

  it('hides the cluster\'s own objects unless asked', () => {
    const t = topo([pod('coredns-1', 'minikube', 'kube-system'), pod('web', 'minikube')], [svc('kubernetes')]);
    expect(visible(t).pods.map((p) => p.name)).toEqual(['web']);
    expect(visible(t).services).toEqual([]);
    expect(visible(t, true).pods).toHaveLength(2);
  });
});
