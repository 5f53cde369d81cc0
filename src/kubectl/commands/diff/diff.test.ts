// kubectl diff against createCluster(). Expected texts are real kubectl 1.34's output against
// this emulator (through the HTTP facade), with the temp dirs' random digits and the files'
// times normalised.

import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../../sandbox/sandbox.ts';
import { run } from '../../../shell/testing.ts';
import { testEnv } from '../apply/test-env.ts';

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;

const normalise = (s: string) =>
  s.replace(/\/tmp\/(LIVE|MERGED)-\d+/g, '/tmp/$1-N').replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000/g, '\tTIME');

describe('kubectl diff', () => {
  it('shows a new object as all added, nothing once applied, then the change', async () => {
    const env = testEnv([]);
    env.write('/root/svc.yaml', SVC);
    const created = await env.kubectl('diff -f svc.yaml');
    expect(created.code).toBe(1);
    const uid = /uid: (\S+)/.exec(created.stdout)![1];
    const ip = /clusterIP: (\S+)/.exec(created.stdout)![1];
    const ts = /creationTimestamp: (\S+)/.exec(created.stdout)![1];
    expect(normalise(created.stdout)).toBe(`diff -u -N /tmp/LIVE-N/v1.Service.default.web /tmp/MERGED-N/v1.Service.default.web
--- /tmp/LIVE-N/v1.Service.default.web\tTIME
+++ /tmp/MERGED-N/v1.Service.default.web\tTIME
@@ -0,0 +1,25 @@
+apiVersion: v1
+kind: Service
+metadata:
+  creationTimestamp: ${ts}
+  name: web
+  namespace: default
+  uid: ${uid}
+spec:
+  clusterIP: ${ip}
+  clusterIPs:
+  - ${ip}
+  internalTrafficPolicy: Cluster
+  ipFamilies:
+  - IPv4
+  ipFamilyPolicy: SingleStack
+  ports:
+  - port: 80
+    protocol: TCP
+    targetPort: 8080
+  selector:
+    app: web
+  sessionAffinity: None
+  type: ClusterIP
+status:
+  loadBalancer: {}
`);
    expect((await env.kubectl('get svc')).stdout).not.toContain('web'); // dry run: nothing created

    await env.kubectl('apply -f svc.yaml');
    expect(await env.kubectl('diff -f svc.yaml')).toEqual({ code: 0, stdout: '', stderr: '' });

    env.write('/root/svc.yaml', SVC.replace('targetPort: 8080', 'targetPort: 9090'));
    const changed = await env.kubectl('diff -f svc.yaml');
    expect(changed.code).toBe(1);
    expect(normalise(changed.stdout)).toBe(`diff -u -N /tmp/LIVE-N/v1.Service.default.web /tmp/MERGED-N/v1.Service.default.web
--- /tmp/LIVE-N/v1.Service.default.web\tTIME
+++ /tmp/MERGED-N/v1.Service.default.web\tTIME
@@ -20,7 +20,7 @@
   ports:
   - port: 80
     protocol: TCP
-    targetPort: 8080
+    targetPort: 9090
   selector:
     app: web
   sessionAffinity: None
`);
    expect(env.fs.readdir('/tmp')).toEqual([]); // TearDown removes both directories
  });

  it('shows the generation a spec change brings (kubectl does not hide it)', async () => {
    const env = testEnv([]);
    const dep = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;
    env.write('/root/dep.yaml', dep);
    await env.kubectl('apply -f dep.yaml');
    env.cluster.clock.advance(2000); // the controller's revision annotation, as in the recording
    env.write('/root/dep.yaml', dep.replace('nginx:1.25', 'nginx:1.27').replace('replicas: 2', 'replicas: 3'));
    const out = await env.kubectl('diff -f dep.yaml');
    expect(out.code).toBe(1);
    const hunks = out.stdout.split('\n').filter((l) => /^(@@|[-+] )/.test(l));
    expect(hunks).toEqual([
      '@@ -6,14 +6,14 @@',
      '-  generation: 1',
      '+  generation: 2',
      '-  replicas: 2',
      '+  replicas: 3',
      '@@ -29,7 +29,7 @@',
      '-      - image: nginx:1.25',
      '+      - image: nginx:1.27',
    ]);
  });

  it('fails with exit code 2 as CheckDiffErr does', async () => {
    const env = testEnv([]);
    env.write('/root/svc.yaml', SVC);
    expect(await env.kubectl('diff')).toEqual({ code: 2, stdout: '', stderr: 'error: must specify one of -f and -k\n' });
    expect(await env.kubectl('diff -f svc.yaml x')).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: Unexpected args: [x]\nSee 'kubectl diff -h' for help and examples\n",
    });
    expect(await env.kubectl('diff -f nothere.yaml')).toEqual({ code: 2, stdout: '', stderr: 'error: the path "nothere.yaml" does not exist\n' });
    env.write('/root/bad.yaml', SVC.replace('port: 80', 'port: 99999'));
    expect(await env.kubectl('diff -f bad.yaml')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'The Service "web" is invalid: spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive\n',
    });
  });

  it('masks Secret data', async () => {
    const env = testEnv([]);
    const secret = (v: string, extra = '') => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: ${v}\n  same: eA==\n${extra}`;
    env.write('/root/s.yaml', secret('b2xk'));
    await env.kubectl('apply -f s.yaml');
    env.write('/root/s.yaml', secret('bmV3', '  added: eQ==\n'));
    const out = await env.kubectl('diff -f s.yaml');
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("-  a: '*** (before)'\n+  a: '*** (after)'\n+  added: '***'\n   same: '***'\n");
    expect(out.stdout).not.toMatch(/b2xk|bmV3|eA==/);
  });
});

describe('KUBECTL_EXTERNAL_DIFF', () => {
  it('runs the command on the two directories, extra plain words after them', async () => {
    const sb = new Sandbox({ seed: 1, clock: 'virtual' });
    const sh = sb.laptopShell();
    sb.laptopFs.writeFile('/home/learner/svc.yaml', SVC);
    const r = await run('KUBECTL_EXTERNAL_DIFF="echo -x a.b --y=1" kubectl diff -f svc.yaml', sh);
    expect(r.status).toBe(0);
    expect(normalise(r.output)).toBe('/tmp/LIVE-N /tmp/MERGED-N -x --y=1\n');
    const missing = await run('KUBECTL_EXTERNAL_DIFF="nodiff -u" kubectl diff -f svc.yaml', sh);
    expect(missing).toMatchObject({ status: 2, output: 'error: failed to run "nodiff": executable file not found in $PATH\n' });
    const failing = await run('KUBECTL_EXTERNAL_DIFF=false kubectl diff -f svc.yaml', sh);
    expect(failing).toMatchObject({ status: 1 });
  });
});
