// Messages from kubectl's rollout commands and polymorphichelpers (rollout_status.go,
// history.go, rollback.go, rollout_pause.go); the rollout itself is the emulator's controller.
import { beforeEach, describe, expect, test } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness.ts';

const D = `apiVersion: apps/v1
kind: Deployment
metadata: {name: nginx}
spec:
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
`;

let e: Sandbox;
beforeEach(async () => {
  e = sandbox();
  e.write('/root/d.yaml', D);
  await e.kubectl('apply -f d.yaml');
});

async function update(image: string) {
  e.cluster.settle();
  e.write('/root/d.yaml', D.replace('nginx:1.27', image));
  await e.kubectl('apply -f d.yaml');
}

describe('kubectl rollout', () => {
  test('status follows the rollout as the clock moves and ends with success', async () => {
    await update('nginx:1.28');
    const r = await e.kubectl('rollout status deployment/nginx');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('deployment "nginx" successfully rolled out');
    expect(lines).toContain('Waiting for deployment "nginx" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(lines).toContain('Waiting for deployment "nginx" rollout to finish: 1 old replicas are pending termination...');
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^Waiting for deployment/);
    expect((await e.kubectl('rollout status deploy nginx')).stdout).toBe('deployment "nginx" successfully rolled out\n');
  });

  test('status -w=false prints once; --timeout gives up', async () => {
    await update('nginx:1.28');
    const once = await e.kubectl('rollout status deploy/nginx -w=false');
    expect(once.code).toBe(0);
    expect(once.stdout.split('\n')).toHaveLength(2);
    const t = await e.kubectl('rollout status deploy/nginx --timeout=1s');
    expect(t.code).toBe(1);
    expect(t.stderr).toBe('error: timed out waiting for the condition\n');
  });

  test('history lists revisions; --revision shows one template', async () => {
    await update('nginx:1.28');
    e.cluster.settle();
    expect((await e.kubectl('rollout history deployment/nginx')).stdout).toBe(
      'deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    const one = await e.kubectl('rollout history deployment/nginx --revision=1');
    // printTemplate writes through a plain PrefixWriter: tabs, not aligned columns (as kubectl 1.34 prints).
    expect(one.stdout).toMatch(/^deployment.apps\/nginx with revision #1\nPod Template:\n {2}Labels:\tapp=nginx\n\tpod-template-hash=/);
    expect(one.stdout).toContain('    Image:\tnginx:1.27\n');
    expect((await e.kubectl('rollout history deployment/nginx --revision=9')).stderr).toBe('error: unable to find the specified revision\n');
  });

  test('undo goes back to the previous revision', async () => {
    expect((await e.kubectl('rollout undo deployment/nginx')).stderr).toBe('error: no rollout history found for deployment "nginx"\n');
    await update('nginx:1.28');
    e.cluster.settle();
    expect((await e.kubectl('rollout undo deployment/nginx')).stdout).toBe('deployment.apps/nginx rolled back\n');
    e.cluster.settle();
    const d = e.cluster.api.request({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/nginx' }).body as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect((await e.kubectl('rollout undo deployment/nginx --to-revision=3')).stdout).toBe(
      'deployment.apps/nginx skipped rollback (current template already matches revision 3)\n',
    );
    expect((await e.kubectl('rollout undo deployment/nginx --to-revision=7')).stderr).toBe('error: unable to find specified revision 7 in history\n');
  });

  test('restart stamps the template; a second restart in the same second is refused', async () => {
    e.cluster.settle();
    expect((await e.kubectl('rollout restart deployment/nginx')).stdout).toBe('deployment.apps/nginx restarted\n');
    const d = e.cluster.api.request({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/nginx' }).body as {
      spec: { template: { metadata: { annotations: Record<string, string> } } };
    };
    expect(d.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await e.kubectl('rollout restart deployment/nginx')).stderr).toBe(
      'error: failed to create patch for nginx: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    );
  });

  test('pause and resume', async () => {
    expect((await e.kubectl('rollout pause deployment/nginx')).stdout).toBe('deployment.apps/nginx paused\n');
    expect(await e.kubectl('rollout pause deployment/nginx')).toMatchObject({ code: 1, stdout: '', stderr: 'error: deployments.apps "nginx" is already paused\n' });
    expect((await e.kubectl('rollout restart deployment/nginx')).stderr).toBe(
      `error: deployments.apps "nginx" can't restart paused deployment (run rollout resume first)\n`,
    );
    expect((await e.kubectl('rollout undo deployment/nginx')).stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/nginx' and try again\n",
    );
    expect((await e.kubectl('rollout resume deployment/nginx')).stdout).toBe('deployment.apps/nginx resumed\n');
    expect(await e.kubectl('rollout resume deployment/nginx')).toMatchObject({ code: 1, stdout: '', stderr: 'error: deployments.apps "nginx" is not paused\n' });
  });

  test('errors', async () => {
    expect((await e.kubectl('rollout status')).stderr).toBe('error: required resource not specified\n');
    expect((await e.kubectl('rollout status svc/kubernetes')).stderr).toBe('error: no status viewer has been implemented for Service\n');
    expect((await e.kubectl('rollout status deploy/nope')).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});
