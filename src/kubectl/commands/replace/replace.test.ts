// Expected texts recorded from real kubectl 1.34.5 against the emulator (tests/fidelity/scenarios/replace.txt).

import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "2"\n';

describe('kubectl replace', () => {
  it('replaces, force-replaces, and names the file in server errors', async () => {
    const s = sandbox();
    s.fs.writeFile('/root/cm.yaml', CM);
    expect((await s.kubectl('replace -f /root/cm.yaml')).stderr).toBe('Error from server (NotFound): error when replacing "/root/cm.yaml": configmaps "cfg" not found\n');
    await s.kubectl('create configmap cfg --from-literal=a=1');
    expect((await s.kubectl('replace -f /root/cm.yaml')).stdout).toBe('configmap/cfg replaced\n');
    expect((await s.kubectl('replace --force -f /root/cm.yaml')).stdout).toBe('configmap "cfg" deleted from default namespace\nconfigmap/cfg replaced\n');
    expect((await s.kubectl('replace')).stderr).toBe('error: must specify one of -f and -k\n');
  });
});
