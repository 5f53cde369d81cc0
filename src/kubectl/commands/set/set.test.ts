// Expected texts recorded from real kubectl 1.34.5 against the emulator (tests/fidelity/scenarios/set.txt)
// and from pkg/cmd/set/set_image.go, set_env.go.

import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

describe('kubectl set', () => {
  it('set image updates the template; the same image again prints nothing', async () => {
    const s = sandbox();
    await s.kubectl('create deployment web --image=nginx');
    expect(await s.kubectl('set image deployment/web nginx=nginx:1.27')).toEqual({ code: 0, stdout: 'deployment.apps/web image updated\n', stderr: '' });
    expect(await s.kubectl('set image deployment/web nginx=nginx:1.27')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await s.kubectl('set image deploy/web app=nginx:1.27')).stderr).toBe('error: unable to find container named "app"\n');
  });

  it('set env sets, lists and removes variables', async () => {
    const s = sandbox();
    await s.kubectl('create deployment web --image=nginx');
    expect((await s.kubectl('set env deployment/web MODE=prod GREETING=hi')).stdout).toBe('deployment.apps/web env updated\n');
    expect((await s.kubectl('set env deployment/web --list')).stdout).toBe('# Deployment web, container nginx\nMODE=prod\nGREETING=hi\n');
    await s.kubectl('set env deployment/web GREETING-');
    expect((await s.kubectl('set env deployment/web --list')).stdout).toBe('# Deployment web, container nginx\nMODE=prod\n');
    expect((await s.kubectl('set env deployment/web A=1 A-')).stderr).toBe('error: can not both modify and remove the same environment variable in the same command\n');
  });
});
