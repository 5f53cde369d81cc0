// Real kubectl output (testdata/README.md) against the objects it was printed from.
import { describe, expect, it } from 'vitest';
import { describeDeployment, describePod, describeReplicaSet, describeSecret, describeService, splitReplicaSets } from './index.ts';
import podText from './testdata/mysql-pod.txt?raw';
import deploymentText from './testdata/mysql-deployment.txt?raw';
import rsText from './testdata/mysql-replicaset.txt?raw';
import kubernetesSvcText from './testdata/kubernetes-service.txt?raw';
import mysqlSvcText from './testdata/mysql-service.txt?raw';
import secretText from './testdata/mysql-user-pass-secret.txt?raw';

const at = (iso: string): number => Date.parse(iso);
const ago = (now: string, seconds: number): string => new Date(at(now) - seconds * 1000).toISOString().replace('.000Z', 'Z');

const secretEnv = [
  ['MYSQL_ROOT_PASSWORD', 'mysql-root-pass', 'password'],
  ['MYSQL_DATABASE', 'mysql-db-url', 'database'],
  ['MYSQL_USER', 'mysql-user-pass', 'username'],
  ['MYSQL_PASSWORD', 'mysql-user-pass', 'password'],
].map(([name, secret, key]) => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } }));

const template = (hash?: string) => ({
  metadata: { labels: hash ? { app: 'mysql', 'pod-template-hash': hash } : { app: 'mysql' } },
  spec: {
    containers: [
      {
        name: 'mysql',
        image: 'mysql:latest',
        ports: [{ containerPort: 3306, protocol: 'TCP' }],
        env: secretEnv,
        volumeMounts: [{ name: 'mysql-persistent-storage', mountPath: '/var/lib/mysql' }],
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        imagePullPolicy: 'Always',
      },
    ],
    volumes: [{ name: 'mysql-persistent-storage', persistentVolumeClaim: { claimName: 'mysql-pv-claim' } }],
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
  },
});

const event = (reason: string, from: string, message: string, time: string, extra: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: `x.${reason}`, namespace: 'default' },
  type: 'Normal',
  reason,
  message,
  source: { component: from },
  firstTimestamp: time,
  lastTimestamp: time,
  count: 1,
  ...extra,
});

describe('describe against real kubectl output (mysql on k3s)', () => {
  it('describes a running Deployment pod with secret env, a PVC and the service-account volume', () => {
    const now = '2026-06-07T08:19:01Z';
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'mysql-deployment-5774744b85-5vq4n',
        namespace: 'default',
        labels: { app: 'mysql', 'pod-template-hash': '5774744b85' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'mysql-deployment-5774744b85', uid: 'rs-uid', controller: true, blockOwnerDeletion: true },
        ],
        creationTimestamp: '2026-06-07T08:12:29Z',
      },
      spec: {
        ...template().spec,
        containers: [
          {
            ...template().spec.containers[0],
            // Listed in the order the API returns them; describe sorts mounts by path.
            volumeMounts: [
              { name: 'mysql-persistent-storage', mountPath: '/var/lib/mysql' },
              { name: 'kube-api-access-gd6p5', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
            ].reverse(),
          },
        ],
        volumes: [
          { name: 'mysql-persistent-storage', persistentVolumeClaim: { claimName: 'mysql-pv-claim' } },
          {
            name: 'kube-api-access-gd6p5',
            projected: {
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
                { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
              ],
              defaultMode: 420,
            },
          },
        ],
        serviceAccountName: 'default',
        nodeName: 'jump-host',
        priority: 0,
        tolerations: [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        ],
      },
      status: {
        phase: 'Running',
        conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
          type,
          status: 'True',
          lastTransitionTime: '2026-06-07T08:12:43Z',
        })),
        hostIP: '10.244.153.178',
        hostIPs: [{ ip: '10.244.153.178' }],
        podIP: '10.22.0.10',
        podIPs: [{ ip: '10.22.0.10' }],
        startTime: '2026-06-07T08:12:29Z',
        containerStatuses: [
          {
            name: 'mysql',
            state: { running: { startedAt: '2026-06-07T08:12:43Z' } },
            lastState: {},
            ready: true,
            restartCount: 0,
            image: 'docker.io/library/mysql:latest',
            imageID: 'docker.io/library/mysql@sha256:c11782aa2a96624c1efc121768641d96954faa136d6aa82751b032d8c426ffbc',
            containerID: 'containerd://9539af2c683ab02b3683ffc8c204980b6d1db8ffdeedfbb53a545fdce6809ff6',
            started: true,
          },
        ],
        qosClass: 'BestEffort',
      },
    };
    const events = [
      event('Scheduled', 'default-scheduler', 'Successfully assigned default/mysql-deployment-5774744b85-5vq4n to jump-host', ago(now, 392)),
      event('Pulling', 'kubelet', 'Pulling image "mysql:latest"', ago(now, 392)),
      event('Pulled', 'kubelet', 'Successfully pulled image "mysql:latest" in 12.88s (12.88s including waiting). Image size: 273458070 bytes.', ago(now, 379)),
      event('Created', 'kubelet', 'Created container: mysql', ago(now, 379)),
      event('Started', 'kubelet', 'Started container mysql', ago(now, 379)),
    ];
    expect(describePod(pod, { events, now: at(now) })).toBe(podText);
  });

  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'mysql-deployment',
      namespace: 'default',
      uid: 'dep-uid',
      creationTimestamp: '2026-06-07T08:12:25Z',
      annotations: {
        'deployment.kubernetes.io/revision': '1',
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"Deployment"}\n',
      },
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'mysql' } },
      template: template(),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 1,
      replicas: 1,
      updatedReplicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "mysql-deployment-5774744b85" has successfully progressed.' },
      ],
    },
  };
  const replicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'mysql-deployment-5774744b85',
      namespace: 'default',
      uid: 'rs-uid',
      creationTimestamp: '2026-06-07T08:12:25Z',
      labels: { app: 'mysql', 'pod-template-hash': '5774744b85' },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '1',
        'deployment.kubernetes.io/max-replicas': '2',
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'mysql-deployment', uid: 'dep-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: 1, selector: { matchLabels: { app: 'mysql', 'pod-template-hash': '5774744b85' } }, template: template('5774744b85') },
    status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 },
  };

  it('describes the Deployment, finding its new ReplicaSet by template', () => {
    const now = '2026-06-07T08:16:57Z';
    const { oldRSs, newRS } = splitReplicaSets(deployment, [replicaSet]);
    expect(newRS).toBe(replicaSet);
    const events = [
      event('ScalingReplicaSet', 'deployment-controller', 'Scaled up replica set mysql-deployment-5774744b85 from 0 to 1', ago(now, 272)),
    ];
    expect(describeDeployment(deployment, { oldRSs, newRS, events, now: at(now) })).toBe(deploymentText);
  });

  it('describes the ReplicaSet, counting only the pods it controls', () => {
    const now = '2026-06-07T08:20:02Z';
    const owned = { metadata: { ownerReferences: [{ kind: 'ReplicaSet', uid: 'rs-uid', controller: true }] }, status: { phase: 'Running' } };
    const stranger = { metadata: { ownerReferences: [{ kind: 'ReplicaSet', uid: 'other', controller: true }] }, status: { phase: 'Running' } };
    const events = [event('SuccessfulCreate', 'replicaset-controller', 'Created pod: mysql-deployment-5774744b85-5vq4n', ago(now, 453))];
    expect(describeReplicaSet(replicaSet, { pods: [owned, stranger], events, now: at(now) })).toBe(rsText);
  });

  it('describes the kubernetes Service with its endpoints from EndpointSlices', () => {
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }],
        clusterIP: '10.43.0.1',
        clusterIPs: ['10.43.0.1'],
        type: 'ClusterIP',
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    };
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.153.178'], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    };
    expect(describeService(svc, { endpointSlices: [slice], events: [], now: 0 })).toBe(kubernetesSvcText);
  });

  it('describes a NodePort Service with an unnamed port', () => {
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'mysql', namespace: 'default' },
      spec: {
        ports: [{ protocol: 'TCP', port: 3306, targetPort: 3306, nodePort: 30007 }],
        selector: { app: 'mysql' },
        clusterIP: '10.43.85.184',
        clusterIPs: ['10.43.85.184'],
        type: 'NodePort',
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    };
    const slice = {
      metadata: { name: 'mysql-abcde', labels: { 'kubernetes.io/service-name': 'mysql' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.22.0.10'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'jump-host' }],
      ports: [{ name: '', port: 3306, protocol: 'TCP' }],
    };
    expect(describeService(svc, { endpointSlices: [slice], events: [], now: 0 })).toBe(mysqlSvcText);
  });

  it('describes an Opaque Secret with sizes only', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'mysql-user-pass', namespace: 'default' },
      type: 'Opaque',
      data: { username: btoa('kodekloud_roy'), password: btoa('TmPcZjtRQx') },
    };
    expect(describeSecret(secret)).toBe(secretText);
  });
});
