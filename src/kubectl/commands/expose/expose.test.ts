// Expected texts from pkg/cmd/expose/expose.go and polymorphichelpers (server-side paths) and
// from real kubectl 1.34.5 (argument errors).

import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

describe('kubectl expose', () => {
  it('a deployment: selector from the deployment, port from its container, labels from its own metadata', async () => {
    const s = sandbox();
    await s.kubectl('create deployment web --image=nginx --port=80');
    const r = await s.kubectl('expose deployment web --dry-run=client -o yaml');
    expect(r.stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: web
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: web
status:
  loadBalancer: {}
`);
    expect(await s.kubectl('expose deployment/web --port=8080 --target-port=80 --type=NodePort')).toEqual({ code: 0, stdout: 'service/web exposed\n', stderr: '' });
    const svc = s.cluster.api.request({ method: 'GET', path: '/api/v1/namespaces/default/services/web' }).body as { spec: { type: string; ports: Array<{ port: number; targetPort: number }> } };
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports[0]).toMatchObject({ port: 8080, targetPort: 80 });
  });

  it('several container ports become port-1, port-2', async () => {
    const s = sandbox();
    s.fs.writeFile('/root/p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: p}\nspec:\n  containers:\n  - name: a\n    image: nginx\n    ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]\n');
    await s.kubectl('create -f p.yaml');
    const r = await s.kubectl('expose pod p --dry-run=client -o yaml');
    expect(r.stdout).toContain('  ports:\n  - name: port-1\n    port: 80\n    protocol: TCP\n    targetPort: 80\n  - name: port-2\n    port: 53\n    protocol: UDP\n    targetPort: 53\n');
  });

  it('errors', async () => {
    const s = sandbox();
    await s.kubectl('run bare --image=nginx --port=80 --labels=');
    await s.kubectl('create deployment noport --image=nginx');
    const err = async (line: string) => (await s.kubectl(line)).stderr;
    expect(await err('expose')).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(await err('expose deployment')).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(await err('expose foo x')).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(await err('expose deployment nope --port=80')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(await err('expose deployment noport')).toBe("error: couldn't find port via --port flag or introspection\n");
    expect(await err('expose namespace default --port=80')).toBe('error: cannot expose a Namespace\n');
    expect(await err('expose deployment noport --port=80 --session-affinity=Foo')).toBe('error: unknown session affinity: Foo\n');
  });
});
