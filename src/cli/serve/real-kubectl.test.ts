// Real kubectl 1.34 against the facade: the sanity check that the real client accepts our API
// server (discovery, Tables, protobuf writes, apply with OpenAPI, watch). Differential comparison
// with our own kubectl lives in tests/fidelity. Skipped where the linux/x64 binary cannot run.

import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeRealKubectl, withRealKubectl } from '../../../tests/fidelity/harness/real-kubectl.ts';
import { tinyCluster } from './test-cluster.ts';

const manifest = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'kube-sandbox-manifest-')), 'm.yaml');
  writeFileSync(path, text);
  return path;
};

describeRealKubectl('real kubectl against the facade (tiny cluster)', () => {
  it('lists, creates (protobuf), applies (OpenAPI v3), watches and deletes', async () => {
    await withRealKubectl(
      1,
      async ({ kubectl, kubectlStream }) => {
        const ns = await kubectl('get ns');
        expect(ns.stderr).toBe('');
        expect(ns.stdout).toMatch(/^NAME\s+STATUS\n/);
        expect(ns.stdout).toMatch(/\ndefault\s+Active\n/);

        const created = await kubectl('create configmap cfg --from-literal=a=b');
        expect(created.stdout).toBe('configmap/cfg created\n');

        const path = manifest('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  k: v\n');
        expect((await kubectl(['apply', '-f', path])).stdout).toBe('configmap/applied created\n');
        writeFileSync(path, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  k: v2\n');
        const again = await kubectl(['apply', '-f', path]);
        expect(again.stdout).toBe('configmap/applied configured\n');
        // A patch computed from our OpenAPI, not the fallback: no "error calculating patch" warning.
        expect(again.stderr).not.toMatch(/error calculating patch/);
        expect((await kubectl(['get', 'cm', 'applied', '-o', 'jsonpath={.data.k}'])).stdout).toBe('v2');

        const watch = kubectlStream('get cm -w');
        await watch.waitFor(/applied/);
        await kubectl('delete cm cfg');
        await kubectl('create configmap later --from-literal=x=y');
        await watch.waitFor(/later/);
        await watch.stop();

        const gone = await kubectl('get cm cfg');
        expect(gone.code).toBe(1);
        expect(gone.stderr).toMatch(/^Error from server \(NotFound\): configmaps "cfg" not found\n$/m);
      },
      { cluster: tinyCluster() },
    );
  });

  it('falls back to per-group discovery when the server answers in the legacy format', async () => {
    await withRealKubectl(
      1,
      async ({ kubectl }) => {
        const r = await kubectl('get cm -A');
        expect(r.code).toBe(0);
        expect(r.stdout + r.stderr).toMatch(/No resources found/);
        expect((await kubectl('api-resources --no-headers')).stdout).toMatch(/^configmaps\s+cm\s+v1\s+true\s+ConfigMap$/m);
      },
      { cluster: tinyCluster(), legacyDiscovery: true },
    );
  });
});

// The full emulator (registries and controllers). Runs once createCluster() can be built.
const clusterReady = await import('../../cluster/cluster.ts')
  .then((m) => (m.createCluster({ seed: 1 }).stop(), true))
  .catch(() => false);

describeRealKubectl('real kubectl against the facade (full cluster)', () => {
  it.skipIf(!clusterReady)('drives a deployment and its service end to end', async () => {
    await withRealKubectl(7, async ({ kubectl, kubectlStream }) => {
      const nodes = await kubectl('get nodes');
      expect(nodes.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
      expect(nodes.stdout).toMatch(/\sReady\s/);

      const pods = await kubectl('get pods -A');
      expect(pods.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
      expect(pods.stdout).toMatch(/kube-system\s+coredns-/);

      expect((await kubectl('create deployment nginx --image=nginx --replicas=3')).stdout).toBe('deployment.apps/nginx created\n');
      expect((await kubectl('expose deployment nginx --port 80')).stdout).toBe('service/nginx exposed\n');

      const wide = await kubectl('get svc,ep -o wide');
      expect(wide.stdout).toMatch(/service\/nginx\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s+\S+\s+app=nginx/);
      expect(wide.stdout).toMatch(/endpoints\/nginx\s+(\d+\.\d+\.\d+\.\d+:80,?){3}/);
      expect(wide.stderr).toContain('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');

      const yaml = await kubectl('get deploy nginx -o yaml');
      expect(yaml.stdout).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
      expect(yaml.stdout).toMatch(/\n {2}replicas: 3\n/);
      expect(yaml.stdout).toMatch(/\n {2}readyReplicas: 3\n/);

      const describe = await kubectl('describe svc nginx');
      expect(describe.stdout).toMatch(/^Name:\s+nginx\nNamespace:\s+default\n/);
      expect(describe.stdout).toMatch(/\nSelector:\s+app=nginx\n/);
      expect(describe.stdout).toMatch(/\nEndpoints:\s+\d+\.\d+\.\d+\.\d+:80,/);

      const path = manifest(
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n  - port: 8080\n    targetPort: 80\n',
      );
      expect((await kubectl(['apply', '-f', path])).stdout).toBe('service/web created\n');
      const reapplied = await kubectl(['apply', '-f', path]);
      expect(reapplied.stdout).toBe('service/web unchanged\n');
      expect(reapplied.stderr).toBe('');

      expect((await kubectl('delete svc nginx')).stdout).toBe('service "nginx" deleted from default namespace\n');

      const watch = kubectlStream('get pods -w');
      await watch.waitFor(/nginx-\S+\s+1\/1\s+Running/);
      await kubectl('scale deployment nginx --replicas=4');
      await watch.waitFor(/(nginx-\S+[^\n]*\n[\s\S]*){4}/);
      await watch.stop();
    });
  }, 60_000);
});
