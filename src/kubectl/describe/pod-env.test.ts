// Real kubectl 1.34 (fidelity suite, cluster-view): a fieldRef env var shows its value only for
// metadata.name and metadata.namespace; every other path (uid, labels, spec, status) is empty.
import { describe, expect, it } from 'vitest';
import { describePod } from './pod.ts';

const env = (name: string, fieldPath: string) => ({ name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });

describe('describePod environment', () => {
  it('resolves only metadata.name and metadata.namespace', () => {
    const pod = {
      metadata: { name: 'env-pod', namespace: 'default', uid: 'u1', labels: { app: 'env' } },
      spec: { nodeName: 'minikube-m03', containers: [{ name: 'app', image: 'busybox', env: [env('POD_NAME', 'metadata.name'), env('POD_NS', 'metadata.namespace'), env('POD_UID', 'metadata.uid'), env('NODE', 'spec.nodeName'), env('HOST_IP', 'status.hostIP')] }] },
      status: { hostIP: '192.168.49.4' },
    };
    const text = describePod(pod, { now: 0 });
    expect(text).toContain(
      '    Environment:\n      POD_NAME:  env-pod (v1:metadata.name)\n      POD_NS:    default (v1:metadata.namespace)\n      POD_UID:    (v1:metadata.uid)\n      NODE:       (v1:spec.nodeName)\n      HOST_IP:    (v1:status.hostIP)\n',
    );
  });
});
