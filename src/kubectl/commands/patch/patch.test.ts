// Expected texts recorded from real kubectl 1.34.5 against the emulator (tests/fidelity/scenarios/patch.txt)
// and from pkg/cmd/patch/patch.go.

import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

describe('kubectl patch', () => {
  it('patches, then reports no change for the same patch', async () => {
    const s = sandbox();
    await s.kubectl('create deployment web --image=nginx');
    expect(await s.kubectl(['patch', 'deployment', 'web', '-p', '{"spec":{"replicas":2}}'])).toEqual({ code: 0, stdout: 'deployment.apps/web patched\n', stderr: '' });
    expect((await s.kubectl(['patch', 'deployment', 'web', '-p', '{"spec":{"replicas":2}}'])).stdout).toBe('deployment.apps/web patched (no change)\n');
    // A dry run prints plain "patched": patch.go sets the operation after the dry-run suffix.
    expect((await s.kubectl(['patch', 'deploy/web', '--type=merge', '-p', '{"metadata":{"labels":{"x":"y"}}}', '--dry-run=client'])).stdout).toBe('deployment.apps/web patched\n');
    expect((await s.kubectl(['patch', 'deployment', 'web', '--subresource=scale', '--type=merge', '-p', '{"spec":{"replicas":3}}'])).stdout).toBe('scale.autoscaling/web patched\n');
  });

  it('errors', async () => {
    const s = sandbox();
    await s.kubectl('create service clusterip web --tcp=80:80');
    expect((await s.kubectl(['patch', 'svc', 'web', '-p', 'spec: [oops'])).stderr).toBe(`error: unable to parse "spec: [oops": yaml: line 1: did not find expected ',' or ']'\n`);
    expect((await s.kubectl(['patch', 'svc', 'web'])).stderr).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect((await s.kubectl(['patch', 'svc', 'nope', '-p', '{}'])).stderr).toBe('Error from server (NotFound): services "nope" not found\n');
  });
});
