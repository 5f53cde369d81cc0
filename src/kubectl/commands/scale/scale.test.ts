// Expected texts from pkg/cmd/scale/scale.go and pkg/scale/scale.go; argument errors from real kubectl 1.34.5.

import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

describe('kubectl scale', () => {
  it('scales a deployment through the scale subresource', async () => {
    const s = sandbox();
    await s.kubectl('create deployment web --image=nginx');
    expect(await s.kubectl('scale deployment web --replicas=3')).toEqual({ code: 0, stdout: 'deployment.apps/web scaled\n', stderr: '' });
    const d = s.cluster.api.request({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/web' }).body as { spec: { replicas: number } };
    expect(d.spec.replicas).toBe(3);
    expect((await s.kubectl('scale deployment web --replicas=1 --current-replicas=2')).stderr).toBe('error: Expected replicas to be 2, was 3\n');
  });

  it('errors', async () => {
    const s = sandbox();
    expect((await s.kubectl('scale deployment web')).stderr).toBe('error: required flag(s) "replicas" not set\n');
    expect((await s.kubectl('scale deploy --replicas=2')).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect((await s.kubectl('scale deployment nope --replicas=2')).stderr).toBe(
      'error: no objects passed to scale deployments.apps "nope" not found\n',
    );
  });
});
