// Expected texts from pkg/cmd/delete/delete.go (1.34: `pod "x" deleted from default namespace`)
// and real kubectl 1.34.5 (client-side errors and dry runs).

import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

describe('kubectl delete', () => {
  it('deletes and waits until the pod is gone', async () => {
    const s = sandbox();
    await s.kubectl('run web --image=nginx');
    s.cluster.settle();
    const r = await s.kubectl('delete pod web');
    expect(r).toEqual({ code: 0, stdout: 'pod "web" deleted from default namespace\n', stderr: '' });
    expect((await s.kubectl('get pod web')).stderr).toBe('Error from server (NotFound): pods "web" not found\n');
  });

  it('not found, --ignore-not-found, dry run and force', async () => {
    const s = sandbox();
    expect((await s.kubectl('delete pod nope')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(await s.kubectl('delete pod nope --ignore-not-found')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await s.kubectl('delete pod x y --dry-run=client')).stdout).toBe(
      'pod "x" deleted from default namespace (dry run)\npod "y" deleted from default namespace (dry run)\n',
    );
    const f = await s.kubectl('delete pod x --force --dry-run=client');
    expect(f.stdout).toBe('pod "x" force deleted from default namespace (dry run)\n');
    expect(f.stderr).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  });

  it('argument errors', async () => {
    const s = sandbox();
    const err = async (line: string) => (await s.kubectl(line)).stderr;
    expect(await err('delete pods')).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(await err('delete pod x --cascade=foo')).toBe('error: invalid cascade value (foo). Must be "background", "foreground", or "orphan"\n');
    expect(await err('delete pod x --now --grace-period=3')).toBe('error: --now and --grace-period cannot be specified together\n');
    expect(await err('delete pod x --force --grace-period=3')).toBe('error: --force and --grace-period greater than 0 cannot be specified together\n');
    expect(await err('delete pod x -o yaml')).toBe("error: unexpected -o output mode: yaml. We only support '-o name'\n");
    expect(await err('delete pods x -l a=b')).toBe('error: name cannot be provided when a selector is specified\n');
  });

  it('-l and --all', async () => {
    const s = sandbox();
    expect((await s.kubectl('delete pods -l app=none')).stdout).toBe('No resources found\n');
    await s.kubectl('run a --image=nginx -l app=x');
    await s.kubectl('run b --image=nginx -l app=x');
    expect((await s.kubectl('delete pods -l app=x --wait=false')).stdout).toBe(
      'pod "a" deleted from default namespace\npod "b" deleted from default namespace\n',
    );
  });
});
