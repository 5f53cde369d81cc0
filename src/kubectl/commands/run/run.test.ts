// Expected texts from real kubectl 1.34.5 (client-side) and pkg/cmd/run/run.go.

import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

describe('kubectl run', () => {
  it('a pod, client-side', async () => {
    const s = sandbox();
    const r = await s.kubectl('run nginx --image=nginx --dry-run=client -o yaml');
    expect(r.stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
  });

  it('--expose prints the service, a separator, then the pod', async () => {
    const s = sandbox();
    const r = await s.kubectl('run nginx --image=nginx --port=80 --expose --dry-run=client -o yaml');
    expect(r.stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: nginx
status:
  loadBalancer: {}
---
---
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
    const live = await s.kubectl('run web --image=nginx --port=80 --expose');
    expect(live).toEqual({ code: 0, stdout: 'service/web created\npod/web created\n', stderr: '' });
  });

  it('command, env, labels and overrides', async () => {
    const s = sandbox();
    const r = await s.kubectl('run b --image=busybox --restart=Never -l a=b,c=d --env=X=1 --command --dry-run=client -o yaml -- sleep 3600');
    expect(r.stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  labels:
    a: b
    c: d
  name: b
spec:
  containers:
  - command:
    - sleep
    - "3600"
    env:
    - name: X
      value: "1"
    image: busybox
    name: b
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
    const j = await s.kubectl(['run', 'x', '--image=nginx', '--overrides={"spec":{"nodeName":"n1"}}', '-o', 'json', '--dry-run=client']);
    expect(j.stdout).toBe(`{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "x",
        "labels": {
            "run": "x"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "x",
                "image": "nginx",
                "resources": {}
            }
        ],
        "restartPolicy": "Always",
        "dnsPolicy": "ClusterFirst",
        "nodeName": "n1"
    },
    "status": {}
}
`);
  });

  it('validation messages', async () => {
    const s = sandbox();
    const err = async (line: string) => (await s.kubectl(line)).stderr;
    expect(await err('run x')).toBe('error: required flag(s) "image" not set\n');
    expect(await err('run x --image=nginx --expose --dry-run=client')).toBe("error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n");
    expect(await err('run x --image=nginx --rm --dry-run=client')).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
    expect(await err('run x --image=nginx -it --dry-run=client')).toBe(
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n",
    );
    expect(await err('run x --image=nginx -t --dry-run=client')).toBe("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
    expect(await err('run x --image=nginx --restart=Foo')).toBe("error: invalid restart policy: Foo\nSee 'kubectl run -h' for help and examples\n");
    expect(await err('run x --image=NGINX')).toBe('error: Invalid image name "NGINX": invalid reference format\n');
    const gen = await err('run x --image=nginx --generator=run-pod/v1');
    expect(gen.startsWith("error: unknown flag: --generator\nSee 'kubectl run --help' for usage.\nhint: ")).toBe(true);
  });

  it('-it creates the pod and reaches the attach hook', async () => {
    // A bare cluster serves no pods/attach (the Sandbox registers it): run.go falls back to logs.
    const s = sandbox();
    const r = await s.kubectl('run t --image=busybox -it --restart=Never -- sh');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: couldn't attach to pod/t, falling back to streaming logs: the server could not find the requested resource\n");
    expect((await s.kubectl('get pod t -o name')).stdout).toBe('pod/t\n');
  });
});
