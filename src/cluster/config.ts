// The world the learner stands in (DESIGN.md): a three-node cluster shaped like a local multi-node
// minikube, whose addresses every part of the emulator agrees on.

export interface NodeSpec {
  name: string;
  role: 'control-plane' | 'worker';
  internalIP: string;
  podCIDR: string;
}

export interface ClusterConfig {
  clusterName: string;
  kubernetesVersion: string;
  nodes: NodeSpec[];
  serviceCIDR: string; // 10.96.0.0/12
  kubernetesServiceIP: string;
  dnsServiceIP: string;
  clusterDomain: string;
  nodePortRange: [number, number];
  /** Addresses handed to LoadBalancer Services, in order of preference. */
  loadBalancerPool: string[];
  apiServerAddress: string;
  nodeInfo: { osImage: string; kernelVersion: string; containerRuntimeVersion: string; kubeletVersion: string; architecture: string; operatingSystem: string };
}

export function defaultConfig(): ClusterConfig {
  const pool: string[] = [];
  for (let i = 200; i <= 250; i++) pool.push(`192.168.49.${i}`);
  return {
    clusterName: 'minikube',
    kubernetesVersion: 'v1.34.0',
    nodes: [
      { name: 'minikube', role: 'control-plane', internalIP: '192.168.49.2', podCIDR: '10.244.0.0/24' },
      { name: 'minikube-m02', role: 'worker', internalIP: '192.168.49.3', podCIDR: '10.244.1.0/24' },
      { name: 'minikube-m03', role: 'worker', internalIP: '192.168.49.4', podCIDR: '10.244.2.0/24' },
    ],
    serviceCIDR: '10.96.0.0/12',
    kubernetesServiceIP: '10.96.0.1',
    dnsServiceIP: '10.96.0.10',
    clusterDomain: 'cluster.local',
    nodePortRange: [30000, 32767],
    loadBalancerPool: pool,
    apiServerAddress: '192.168.49.2:8443',
    nodeInfo: {
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      kernelVersion: '6.8.0-60-generic',
      containerRuntimeVersion: 'docker://28.4.0',
      kubeletVersion: 'v1.34.0',
      architecture: 'amd64',
      operatingSystem: 'linux',
    },
  };
}
