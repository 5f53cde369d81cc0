// Messages from kubectl's wait.go (`condition met` name printer, extendErrWaitTimeout,
// errNoMatchingResources) and, for client-side errors, recorded from kubectl 1.34.
import { beforeEach, describe, expect, test } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness.ts';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: solo, labels: {app: solo}}
spec: {containers: [{name: c, image: nginx}]}
`;

let e: Sandbox;
beforeEach(async () => {
  e = sandbox();
  e.write('/root/app.yaml', APP);
  await e.kubectl('apply -f app.yaml');
});

describe('kubectl wait', () => {
  test('condition=Ready on a pod, while the clock moves it along', async () => {
    expect(await e.kubectl('wait --for=condition=Ready pod/solo')).toEqual({ code: 0, stdout: 'pod/solo condition met\n', stderr: '' });
  });

  test('condition=Available on a deployment; -l and --all over pods', async () => {
    expect((await e.kubectl('wait --for=condition=Available deployment/web')).stdout).toBe('deployment.apps/web condition met\n');
    const r = await e.kubectl('wait --for=condition=Ready pod -l app=web');
    expect(r.stdout).toMatch(/^pod\/web-[a-z0-9]+-[a-z0-9]{5} condition met\npod\/web-[a-z0-9]+-[a-z0-9]{5} condition met\n$/);
    expect((await e.kubectl('wait --for=condition=Ready pods --all')).stdout.split('\n')).toHaveLength(4);
  });

  test('jsonpath, with and without a value', async () => {
    expect((await e.kubectl(['wait', '--for=jsonpath={.status.phase}=Running', 'pod/solo'])).stdout).toBe('pod/solo condition met\n');
    expect((await e.kubectl(['wait', '--for=jsonpath={.status.podIP}', 'pod/solo'])).stdout).toBe('pod/solo condition met\n');
    // The value may keep the quotes the shell left in it (strings.Trim(value, `'"`)).
    expect((await e.kubectl(['wait', `--for=jsonpath=.status.phase="Running"`, 'pod/solo'])).stdout).toBe('pod/solo condition met\n');
  });

  test('delete', async () => {
    e.cluster.settle();
    e.cluster.api.request({ method: 'DELETE', path: '/api/v1/namespaces/default/pods/solo' });
    expect((await e.kubectl('wait --for=delete pod/solo --timeout=60s')).stdout).toBe('pod/solo condition met\n');
    // Already gone: the builder's NotFound is ignored, nothing is printed (real kubectl 1.34, fidelity suite).
    expect(await e.kubectl('wait --for=delete pod/never-was')).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  test('timeout', async () => {
    const r = await e.kubectl('wait --for=condition=Bogus pod/solo --timeout=5s');
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: timed out waiting for the condition on pods/solo\n' });
    const s = await e.kubectl(['wait', '--for=jsonpath={.status.phase}=Failed', 'pod/solo', '--timeout=0']);
    expect(s.stderr).toBe('error: condition not met for pods/solo\n');
  });

  test('errors', async () => {
    expect((await e.kubectl('wait pod/x')).stderr).toBe('error: unrecognized condition: ""\n');
    expect((await e.kubectl('wait --for=foo pod/x')).stderr).toBe('error: unrecognized condition: "foo"\n');
    expect((await e.kubectl(['wait', '--for=jsonpath={.status.phase', 'pod/x'])).stderr).toBe(
      "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
    );
    expect((await e.kubectl('wait --for=condition=Ready')).stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect((await e.kubectl('wait --for=condition=Ready pod/nope')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect((await e.kubectl('wait --for=condition=Ready pod -l app=none')).stderr).toBe('error: no matching resources found\n');
  });
});
