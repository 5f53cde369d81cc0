// What a learner sees of the probes through `kubectl describe pod`: the probe lines, the restart
// and the kubelet's Events (aggregated by the recorder: "(x3 over 10s)").

import { expect, test } from 'vitest';
import { sandbox } from '../testing/harness.ts';

const POD = (name: string, probe: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - name: nginx
    image: nginx
    ${probe}
`;

test('describe pod: readiness failing on a 404', async () => {
  const e = sandbox();
  e.write('/root/pod.yaml', POD('web', 'readinessProbe: {httpGet: {path: /healthz, port: 80}}'));
  await e.kubectl('apply -f pod.yaml');
  e.cluster.clock.advance(45_000);
  const out = (await e.kubectl('describe pod web')).stdout;
  expect(out).toContain('    Readiness:      http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3\n');
  expect(out).toMatch(/\n {2}Ready +False \n/);
  expect(out).toMatch(/\n {2}Warning +Unhealthy +\S+ \(x\d+ over \S+\) +kubelet +Readiness probe failed: HTTP probe failed with statuscode: 404\n/);
});

test('describe pod: liveness failing restarts the container', async () => {
  const e = sandbox();
  e.write('/root/pod.yaml', POD('web', 'livenessProbe: {httpGet: {path: /healthz, port: 80}, periodSeconds: 5}'));
  await e.kubectl('apply -f pod.yaml');
  e.cluster.clock.advance(20_000);
  const out = (await e.kubectl('describe pod web')).stdout;
  expect(out).toContain('    Liveness:       http-get http://:80/healthz delay=0s timeout=1s period=5s #success=1 #failure=3\n');
  expect(out).toMatch(/ {4}Last State: {5}Terminated\n {6}Reason: {7}Completed\n {6}Exit Code: {4}0\n/);
  expect(out).toContain('    Restart Count:  1\n');
  expect(out).toMatch(/\n {2}Warning +Unhealthy +\S+ \(x\d+ over \S+\) +kubelet +Liveness probe failed: HTTP probe failed with statuscode: 404\n/);
  expect(out).toMatch(/\n {2}Normal +Killing +\S+ +kubelet +Container nginx failed liveness probe, will be restarted\n/);
});
