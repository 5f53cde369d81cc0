// The cluster as the learner finds it: what `minikube start --nodes 3` leaves behind, written
// through the API before the controllers start. The control plane comes up first (its static
// pods, kube-dns, CoreDNS scheduled there), the workers join a little later, as in life. cluster.ts
// starts the clock BOOT_AGE_MS before the learner's start, so all of it is ~10 minutes old.

import type { ControllerEnv } from './controllers/controller.ts';
import type { NodeSpec } from './config.ts';
import { R } from './apiserver/resources.ts';
import { randomUid, timestamp } from './apiserver/meta.ts';
import type { KObject } from './apiserver/types.ts';
import { ingressNginxAddon, INGRESS_ADDON_MS } from './controllers/ingress/addon.ts';

/** How long the cluster has been up when the learner arrives. */
export const BOOT_AGE_MS = 10 * 60_000;
/** When each worker joins after the control plane. */
const WORKER_JOIN_MS = 35_000;

const MINIKUBE_VERSION = 'v1.37.0';
const MINIKUBE_COMMIT = '65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3';

export function bootstrap(env: ControllerEnv): void {
  const { kube, config } = env;
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) kube.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } } });
  const [cp, ...workers] = config.nodes;
  const cpNode = createNode(env, cp, true);
  apiServerService(env);
  for (const sa of ['coredns', 'kube-proxy', 'storage-provisioner']) kube.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: 'kube-system' } });
  for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) kube.create(R.pods, staticPod(env, c, cpNode));
  coreDNS(env);
  const daemonSets = { 'kube-proxy': randomUid(env.rng), kindnet: randomUid(env.rng) };
  nodeAgents(env, cp, daemonSets);
  kube.create(R.pods, storageProvisioner(cp));
  // `minikube addons enable ingress`, run once the nodes are up (controllers/ingress/addon.ts).
  env.clock.schedule(INGRESS_ADDON_MS, () => ingressNginxAddon(env));
  workers.forEach((w, i) =>
    env.clock.schedule(WORKER_JOIN_MS * (i + 1), () => {
      createNode(env, w, false);
      nodeAgents(env, w, daemonSets);
    }),
  );
}

function createNode(env: ControllerEnv, n: NodeSpec, primary: boolean): KObject {
  const { kube, config, clock } = env;
  const now = timestamp(clock.now());
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
    'minikube.k8s.io/commit': MINIKUBE_COMMIT,
    'minikube.k8s.io/name': config.clusterName,
    'minikube.k8s.io/primary': String(primary),
    'minikube.k8s.io/updated_at': now.replace(/[-:]/g, '_').replace('T', 'T').replace('Z', '_0700'),
    'minikube.k8s.io/version': MINIKUBE_VERSION,
  };
  const spec: Record<string, unknown> = { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR] };
  if (n.role === 'control-plane') {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
    spec.taints = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }];
  }
  const created = kube.create(R.nodes, {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
  });
  const resources = { cpu: '2', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8008236Ki', pods: '110' };
  const cond = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: now, lastTransitionTime: now, reason, message });
  const hex = (k: number) => Array.from({ length: k }, () => env.rng.int(16).toString(16)).join('');
  const info = config.nodeInfo;
  return kube.updateStatus(R.nodes, {
    ...created,
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: n.internalIP },
        { type: 'Hostname', address: n.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hex(32),
        systemUUID: randomUid(env.rng),
        bootID: randomUid(env.rng),
        kernelVersion: info.kernelVersion,
        osImage: info.osImage,
        containerRuntimeVersion: info.containerRuntimeVersion,
        kubeletVersion: info.kubeletVersion,
        kubeProxyVersion: info.kubeletVersion,
        operatingSystem: info.operatingSystem,
        architecture: info.architecture,
      },
    },
  });
}

/** The `kubernetes` Service and its endpoints, kept by the API server itself (no selector). */
function apiServerService(env: ControllerEnv): void {
  const { kube, config } = env;
  const [host, port] = config.apiServerAddress.split(':');
  kube.create(R.services, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: config.kubernetesServiceIP,
      clusterIPs: [config.kubernetesServiceIP],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: Number(port) }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  });
  kube.create(R.endpoints, {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: host }], ports: [{ name: 'https', port: Number(port), protocol: 'TCP' }] }],
  });
  kube.create(R.endpointslices, {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [host], conditions: { ready: true } }],
    ports: [{ name: 'https', port: Number(port), protocol: 'TCP' }],
  });
}

function staticPod(env: ControllerEnv, component: string, node: KObject): KObject {
  const { config } = env;
  const version = config.kubernetesVersion;
  const [host] = config.apiServerAddress.split(':');
  const images: Record<string, string> = {
    etcd: 'registry.k8s.io/etcd:3.6.4-0',
    'kube-apiserver': `registry.k8s.io/kube-apiserver:${version}`,
    'kube-controller-manager': `registry.k8s.io/kube-controller-manager:${version}`,
    'kube-scheduler': `registry.k8s.io/kube-scheduler:${version}`,
  };
  const commands: Record<string, string[]> = {
    etcd: ['etcd', `--advertise-client-urls=https://${host}:2379`, '--data-dir=/var/lib/minikube/etcd', `--listen-client-urls=https://127.0.0.1:2379,https://${host}:2379`, `--name=${node.metadata.name}`],
    'kube-apiserver': ['kube-apiserver', `--advertise-address=${host}`, '--secure-port=8443', `--service-cluster-ip-range=${config.serviceCIDR}`, `--service-node-port-range=${config.nodePortRange.join('-')}`],
    'kube-controller-manager': ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--cluster-name=mk', `--service-cluster-ip-range=${config.serviceCIDR}`],
    'kube-scheduler': ['kube-scheduler', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=false'],
  };
  const hash = Array.from({ length: 32 }, () => env.rng.int(16).toString(16)).join('');
  const annotations: Record<string, string> = {
    'kubernetes.io/config.hash': hash,
    'kubernetes.io/config.mirror': hash,
    'kubernetes.io/config.seen': timestamp(env.clock.now()).replace('Z', '.000000000Z'),
    'kubernetes.io/config.source': 'file',
  };
  if (component === 'kube-apiserver') annotations['kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint'] = config.apiServerAddress;
  if (component === 'etcd') annotations['kubeadm.kubernetes.io/etcd.advertise-client-urls'] = `https://${host}:2379`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node.metadata.name}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid!, controller: true }],
    },
    spec: {
      nodeName: node.metadata.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      containers: [{ name: component, image: images[component], imagePullPolicy: 'IfNotPresent', command: commands[component], resources: { requests: { cpu: component === 'etcd' ? '100m' : component === 'kube-apiserver' ? '250m' : component === 'kube-scheduler' ? '100m' : '200m' } } }],
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  };
}

/** CoreDNS as kubeadm installs it: the kube-dns Service, its ConfigMap and Deployment. */
function coreDNS(env: ControllerEnv): void {
  const { kube, config } = env;
  kube.create(R.configmaps, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'coredns', namespace: 'kube-system' },
    data: {
      Corefile: `.:53 {\n    log\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes ${config.clusterDomain} in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    hosts {\n       192.168.49.1 host.minikube.internal\n       fallthrough\n    }\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30 {\n       disable success ${config.clusterDomain}\n       disable denial ${config.clusterDomain}\n    }\n    loop\n    reload\n    loadbalance\n}\n`,
    },
  });
  kube.create(R.services, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: config.dnsServiceIP,
      clusterIPs: [config.dnsServiceIP],
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      type: 'ClusterIP',
    },
  });
  kube.create(R.deployments, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          dnsPolicy: 'Default',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.12.1',
              imagePullPolicy: 'IfNotPresent',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, periodSeconds: 10, successThreshold: 1, failureThreshold: 5 },
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
            },
          ],
          volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
        },
      },
    },
  });
}

/** kube-proxy and kindnet: one pod per node, owned by DaemonSets (a kind this server does not serve). */
function nodeAgents(env: ControllerEnv, n: NodeSpec, ds: Record<'kube-proxy' | 'kindnet', string>): void {
  const { kube, config } = env;
  const agent = (name: 'kube-proxy' | 'kindnet', labels: Record<string, string>, container: Record<string, unknown>, extra: Record<string, unknown> = {}): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${name}-`,
      namespace: 'kube-system',
      labels: { ...labels, 'pod-template-generation': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name, uid: ds[name], controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      nodeName: n.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: [{ operator: 'Exists' }],
      containers: [container],
      ...extra,
    },
  });
  kube.create(
    R.pods,
    agent(
      'kube-proxy',
      { 'controller-revision-hash': '5d8db6b9d7', 'k8s-app': 'kube-proxy' },
      {
        name: 'kube-proxy',
        image: `registry.k8s.io/kube-proxy:${config.kubernetesVersion}`,
        imagePullPolicy: 'IfNotPresent',
        command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
        env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
        securityContext: { privileged: true },
      },
      { serviceAccountName: 'kube-proxy' },
    ),
  );
  kube.create(
    R.pods,
    agent(
      'kindnet',
      { app: 'kindnet', 'controller-revision-hash': '6bf7f5bdb9', 'k8s-app': 'kindnet', tier: 'node' },
      {
        name: 'kindnet-cni',
        image: 'docker.io/kindest/kindnetd:v20250512-df8de77b',
        imagePullPolicy: 'IfNotPresent',
        env: [
          { name: 'HOST_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } },
          { name: 'POD_SUBNET', value: '10.244.0.0/16' },
        ],
        resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } },
      },
    ),
  );
}

function storageProvisioner(cp: NodeSpec): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'storage-provisioner',
      namespace: 'kube-system',
      labels: { 'addonmanager.kubernetes.io/mode': 'Reconcile', 'integration-test': 'storage-provisioner' },
    },
    spec: {
      nodeName: cp.name,
      hostNetwork: true,
      serviceAccountName: 'storage-provisioner',
      containers: [{ name: 'storage-provisioner', image: 'gcr.io/k8s-minikube/storage-provisioner:v5', imagePullPolicy: 'IfNotPresent', command: ['/storage-provisioner'] }],
    },
  };
}
