// Expected texts from pkg/cmd/label/label.go and annotate/annotate.go; argument errors from real kubectl 1.34.5.

import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

describe('kubectl label / annotate', () => {
  it('labels, refuses to overwrite, overwrites, removes', async () => {
    const s = sandbox();
    await s.kubectl('run web --image=nginx -l app=web');
    expect((await s.kubectl('label pod web tier=front')).stdout).toBe('pod/web labeled\n');
    expect((await s.kubectl('label pod web app=api')).stderr).toBe("error: 'app' already has a value (web), and --overwrite is false\n");
    expect((await s.kubectl('label pod web app=api --overwrite')).stdout).toBe('pod/web labeled\n');
    expect((await s.kubectl('label pod web tier-')).stdout).toBe('pod/web unlabeled\n');
    expect((await s.kubectl('label pod web app=api --overwrite')).stdout).toBe('pod/web not labeled\n');
    expect((await s.kubectl('annotate pod web note=hi')).stdout).toBe('pod/web annotated\n');
    expect((await s.kubectl('annotate pod web note=ho')).stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n",
    );
  });

  it('argument errors', async () => {
    const s = sandbox();
    expect((await s.kubectl('label pods')).stderr).toBe('error: at least one label update is required\n');
    expect((await s.kubectl('label pods x -l a=b y=z')).stderr).toBe('error: name cannot be provided when a selector is specified\n');
  });
});
