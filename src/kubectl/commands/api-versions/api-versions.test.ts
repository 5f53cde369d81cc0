// Expected texts from real kubectl 1.34 against the sandbox's facade (fidelity suite, meta).
import { describe, expect, test } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

const e = sandbox();

describe('kubectl api-versions', () => {
  test('every group/version, sorted', async () => {
    expect(await e.kubectl('api-versions')).toMatchObject({ code: 0, stdout: 'apps/v1\ndiscovery.k8s.io/v1\nnetworking.k8s.io/v1\nv1\n', stderr: '' });
  });
  test('takes no arguments', async () => {
    expect((await e.kubectl('api-versions x y')).stderr).toBe("error: unexpected arguments: [x y]\nSee 'kubectl api-versions -h' for help and examples\n");
  });
});
