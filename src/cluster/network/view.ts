// The network's read-only view of cluster state. kube-proxy and CoreDNS learn state from watches;
// here the dataplane reads the store directly (same data, no copies), which keeps a request
// within a frame even with hundreds of Pods. It never writes.

import type { Store } from '../apiserver/store.ts';
import type { KObject } from '../apiserver/types.ts';

export class ClusterView {
  constructor(readonly store: Store) {}

  get version(): string {
    return this.store.resourceVersion;
  }
  services(namespace?: string): KObject[] {
    return this.store.peekAll('/services', namespace);
  }
  service(namespace: string, name: string): KObject | undefined {
    return this.store.peek('/services', namespace, name);
  }
  endpointSlices(namespace?: string): KObject[] {
    return this.store.peekAll('discovery.k8s.io/endpointslices', namespace);
  }
  pods(namespace?: string): KObject[] {
    return this.store.peekAll('/pods', namespace);
  }
  pod(namespace: string, name: string): KObject | undefined {
    return this.store.peek('/pods', namespace, name);
  }
  nodes(): KObject[] {
    return this.store.peekAll('/nodes');
  }
  ingresses(namespace?: string): KObject[] {
    return this.store.peekAll('networking.k8s.io/ingresses', namespace);
  }
  secret(namespace: string, name: string): KObject | undefined {
    return this.store.peek('/secrets', namespace, name);
  }
  podByIP(ip: string): KObject | undefined {
    return this.pods().find((p) => p.status?.podIP === ip && !isFinished(p));
  }
  nodeByIP(ip: string): KObject | undefined {
    return this.nodes().find((n) => (n.status?.addresses ?? []).some((a: { address: string }) => a.address === ip));
  }
}

export function isFinished(p: KObject): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

export function nodeIP(node: KObject): string {
  return (node.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '';
}
