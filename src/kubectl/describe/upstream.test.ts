// Cases ported from kubectl v0.34.5 pkg/describe/describe_test.go: the objects and the expected text.
import { describe, expect, it } from 'vitest';
import { describeDeployment, describeEndpointSlice, describeIngress, describeNode, describeService } from './index.ts';

const lines = (s: string): string => s.replace(/^\n/, '').replace(/^ {4}/gm, '');

describe('describe_test.go: TestDescribeService', () => {
  const base = {
    metadata: { name: 'bar', namespace: 'foo' },
    spec: {
      type: 'LoadBalancer',
      ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 9527, nodePort: 31111 }],
      selector: { blah: 'heh' },
      clusterIP: '1.2.3.4',
      ipFamilies: ['IPv4'],
      loadBalancerIP: '5.6.7.8',
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Local',
      internalTrafficPolicy: 'Cluster',
      healthCheckNodePort: 32222,
    },
    status: { loadBalancer: { ingress: [{ ip: '5.6.7.8', ipMode: 'VIP' }] } },
  };
  const ep = (ip: string, ready: boolean) => ({ addresses: [ip], conditions: { ready } });

  it('test1: LoadBalancer with ipMode and three ready endpoints', () => {
    const slices = [
      {
        metadata: { name: 'bar-abcde', namespace: 'foo', labels: { 'kubernetes.io/service-name': 'bar' } },
        endpoints: [ep('10.244.0.1', true), ep('10.244.0.2', true), ep('10.244.0.3', true)],
        ports: [{ name: 'port-tcp', port: 9527, protocol: 'TCP' }],
      },
    ];
    expect(describeService(base, { endpointSlices: slices, events: [], now: 0 })).toBe(
      lines(`
    Name:                     bar
    Namespace:                foo
    Labels:                   <none>
    Annotations:              <none>
    Selector:                 blah=heh
    Type:                     LoadBalancer
    IP Families:              IPv4
    IP:                       1.2.3.4
    IPs:                      <none>
    Desired LoadBalancer IP:  5.6.7.8
    LoadBalancer Ingress:     5.6.7.8 (VIP)
    Port:                     port-tcp  8080/TCP
    TargetPort:               9527/TCP
    NodePort:                 port-tcp  31111/TCP
    Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527
    Session Affinity:         None
    External Traffic Policy:  Local
    Internal Traffic Policy:  Cluster
    HealthCheck NodePort:     32222
    Events:                   <none>
    `),
    );
  });

  it('test2: named targetPort, two slices, a not-ready endpoint and `+ 1 more...`', () => {
    const svc = {
      ...base,
      spec: { ...base.spec, ports: [{ ...base.spec.ports[0], targetPort: 'targetPort' }], internalTrafficPolicy: 'Local' },
      status: { loadBalancer: { ingress: [{ ip: '5.6.7.8' }] } },
    };
    const port = [{ name: 'port-tcp', port: 9527, protocol: 'UDP' }];
    const slices = [
      { metadata: { name: 'bar-12345' }, endpoints: [ep('10.244.0.1', true), ep('10.244.0.2', true)], ports: port },
      { metadata: { name: 'bar-54321' }, endpoints: [ep('10.244.0.3', false), ep('10.244.0.4', true), ep('10.244.0.5', true)], ports: port },
    ];
    const out = describeService(svc, { endpointSlices: slices, events: [], now: 0 });
    expect(out).toContain('TargetPort:               targetPort/TCP\n');
    expect(out).toContain('Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.4:9527 + 1 more...\n');
    expect(out).toContain('LoadBalancer Ingress:     5.6.7.8\n');
    expect(out).toContain('Internal Traffic Policy:  Local\n');
  });
});

describe('describe_test.go: TestDescribeEndpointSlice (v1)', () => {
  it('aligns the endpoint blocks and the Events line as one column block', () => {
    const eps = {
      metadata: { name: 'foo.123', namespace: 'bar' },
      addressType: 'IPv4',
      endpoints: [
        { addresses: ['1.2.3.4', '1.2.3.5'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'test-123' }, zone: 'us-central1-a', nodeName: 'node-1' },
        { addresses: ['1.2.3.6', '1.2.3.7'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'test-124' }, nodeName: 'node-2' },
      ],
      ports: [{ protocol: 'TCP', port: 80 }],
    };
    expect(describeEndpointSlice(eps, { events: [], now: 0 })).toBe(
      lines(`
    Name:         foo.123
    Namespace:    bar
    Labels:       <none>
    Annotations:  <none>
    AddressType:  IPv4
    Ports:
      Name     Port  Protocol
      ----     ----  --------
      <unset>  80    TCP
    Endpoints:
      - Addresses:  1.2.3.4, 1.2.3.5
        Conditions:
          Ready:    true
        Hostname:   <unset>
        TargetRef:  Pod/test-123
        NodeName:   node-1
        Zone:       us-central1-a
      - Addresses:  1.2.3.6, 1.2.3.7
        Conditions:
          Ready:    true
        Hostname:   <unset>
        TargetRef:  Pod/test-124
        NodeName:   node-2
        Zone:       <unset>
    Events:         <none>
    `),
    );
  });
});

describe('describe_test.go: TestDescribeIngress (v1)', () => {
  it('shows a backend whose Service is missing as an error, with the trailing-space host row', () => {
    const ing = {
      metadata: { name: 'bar', namespace: 'foo' },
      spec: {
        ingressClassName: 'test',
        rules: [
          {
            host: 'foo.bar.com',
            http: { paths: [{ path: '/foo', pathType: 'Prefix', backend: { service: { name: 'default-backend', port: { number: 80 } } } }] },
          },
        ],
      },
      status: { loadBalancer: {} },
    };
    const out = describeIngress(ing, {
      backends: { 'default-backend': { error: 'services "default-backend" not found', endpointSlices: [] } },
      events: [],
      now: 0,
    });
    expect(out).toBe(
      'Name:             bar\n' +
        'Labels:           <none>\n' +
        'Namespace:        foo\n' +
        'Address:          \n' +
        'Ingress Class:    test\n' +
        'Default backend:  <default>\n' +
        'Rules:\n' +
        '  Host         Path  Backends\n' +
        '  ----         ----  --------\n' +
        '  foo.bar.com  \n' +
        '               /foo   default-backend:80 (<error: services "default-backend" not found>)\n' +
        'Annotations:   <none>\n' +
        'Events:        <none>\n',
    );
  });
});

describe('describe_test.go: TestDescribeNode', () => {
  it('totals requests and limits, hugepages included, against allocatable', () => {
    const rl = (cpu: string, mem: string) => ({ cpu, memory: mem });
    const node = {
      metadata: { name: 'bar', uid: 'uid' },
      spec: { unschedulable: true },
      status: {
        capacity: { 'hugepages-2Mi': '4Gi', ...rl('8', '24Gi'), 'hugepages-1Gi': '0' },
        allocatable: { 'hugepages-2Mi': '2Gi', ...rl('4', '12Gi'), 'hugepages-1Gi': '0' },
      },
    };
    const pod = {
      metadata: { name: 'pod-with-resources', namespace: 'foo' },
      spec: {
        containers: [
          { name: 'cpu-mem', image: 'image:latest', resources: { requests: rl('1', '1Gi'), limits: rl('2', '2Gi') } },
          { name: 'hugepages', image: 'image:latest', resources: { requests: { 'hugepages-2Mi': '512Mi' }, limits: { 'hugepages-2Mi': '512Mi' } } },
        ],
      },
      status: { phase: 'Running' },
    };
    const events = [
      { message: 'Node bar status is now: NodeHasNoDiskPressure', firstTimestamp: '2014-01-15T00:00:00Z', lastTimestamp: '2014-01-15T00:00:00Z', count: 1, type: 'Normal' },
      { message: 'Node bar status is now: NodeReady', firstTimestamp: '2014-01-15T00:00:00Z', lastTimestamp: '2014-01-15T00:00:00Z', count: 2, type: 'Normal' },
    ];
    const lease = { spec: { holderIdentity: 'holder', acquireTime: '2014-01-14T23:00:00.000000Z', renewTime: '2014-01-15T00:00:00.000000Z' } };
    const out = describeNode(node, { pods: [pod], lease, events, now: Date.parse('2014-01-15T00:10:00Z') });
    for (const expected of [
      'Unschedulable',
      'true',
      'holder',
      `Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests     Limits
  --------           --------     ------
  cpu                1 (25%)      2 (50%)
  memory             1Gi (8%)     2Gi (16%)
  ephemeral-storage  0 (0%)       0 (0%)
  hugepages-1Gi      0 (0%)       0 (0%)
  hugepages-2Mi      512Mi (25%)  512Mi (25%)`,
      'Node bar status is now: NodeHasNoDiskPressure',
      'Node bar status is now: NodeReady',
    ]) {
      expect(out).toContain(expected);
    }
  });
});

describe('describe_test.go: deployment events (series, reportingComponent, unset lastTimestamp)', () => {
  it('prints `12m (x3 over 20m)` for a series and keeps list order when lastTimestamps tie', () => {
    const now = Date.parse('2026-01-01T01:00:00Z');
    const ago = (m: number) => new Date(now - m * 60_000).toISOString();
    const events = [
      { type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled up replica set bar-002 from 0 to 1', reportingComponent: 'deployment-controller', eventTime: ago(20), series: { count: 3, lastObservedTime: ago(12) } },
      { type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled up replica set bar-001 from 0 to 2', source: { component: 'deployment-controller' }, firstTimestamp: ago(10) },
      { type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled up replica set bar-002 from 0 to 1', source: { component: 'deployment-controller' }, firstTimestamp: ago(2) },
      { type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled down replica set bar-002 from 2 to 1', reportingComponent: 'deployment-controller', eventTime: ago(1) },
    ];
    const dep = {
      metadata: { name: 'bar', namespace: 'foo', uid: 'u1', creationTimestamp: ago(30) },
      spec: { replicas: 2, selector: { matchLabels: { k8s: 'dep' } }, template: {
          metadata: { labels: { k8s: 'dep' } },
          spec: {
            containers: [{ image: 'mytest-image:v2.0', volumeMounts: [{ name: 'vol-foo', mountPath: '/tmp/vol-foo' }, { name: 'vol-bar', mountPath: '/tmp/vol-bar' }] }],
            volumes: [{ name: 'vol-foo', emptyDir: {} }, { name: 'vol-bar', emptyDir: {} }],
          },
        },
      },
      status: { replicas: 3, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 1 },
    };
    const rs = (name: string, n: number) => ({ metadata: { name }, spec: { replicas: n }, status: { replicas: n } });
    const out = describeDeployment(dep, { oldRSs: [rs('bar-001', 2)], newRS: rs('bar-002', 1), events, now });
    for (const expected of [
      'Replicas:           2 desired | 1 updated | 3 total | 2 available | 1 unavailable',
      'Image:        mytest-image:v2.0',
      'OldReplicaSets:    bar-001 (2/2 replicas created)',
      'NewReplicaSet:     bar-002 (1/1 replicas created)',
      'Events:\n',
      'Normal  ScalingReplicaSet  12m (x3 over 20m)  deployment-controller  Scaled up replica set bar-002 from 0 to 1',
      'Normal  ScalingReplicaSet  10m                deployment-controller  Scaled up replica set bar-001 from 0 to 2',
      'Normal  ScalingReplicaSet  2m                 deployment-controller  Scaled up replica set bar-002 from 0 to 1',
      'Normal  ScalingReplicaSet  60s                deployment-controller  Scaled down replica set bar-002 from 2 to 1',
    ]) {
      expect(out).toContain(expected);
    }
  });
});
