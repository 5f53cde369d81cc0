// Expected texts from real kubectl 1.34 against the sandbox's facade (fidelity suite, apply).
import { describe, expect, test } from 'vitest';
import { testEnv } from './test-env.ts';
import apply from './index.ts';

const e = testEnv([apply]);
const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tidy\ndata:\n  a: "1"\n';

describe('kubectl apply view-last-applied', () => {
  test('the annotation as YAML or indented JSON; objects without one are skipped', async () => {
    e.write('/root/cm.yaml', cm);
    expect((await e.kubectl('apply -f /root/cm.yaml')).code).toBe(0);
    expect((await e.kubectl('apply view-last-applied cm/tidy')).stdout).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  annotations: {}\n  name: tidy\n  namespace: default\n',
    );
    expect((await e.kubectl('apply view-last-applied cm tidy -o json')).stdout).toBe(
      '{\n  "apiVersion": "v1",\n  "data": {\n    "a": "1"\n  },\n  "kind": "ConfigMap",\n  "metadata": {\n    "annotations": {},\n    "name": "tidy",\n    "namespace": "default"\n  }\n}\n',
    );
    expect(await e.kubectl('apply view-last-applied cm kube-root-ca.crt')).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
  test('errors', async () => {
    expect((await e.kubectl('apply view-last-applied cm/tidy -o wide')).stderr).toBe(
      "error: Unexpected -o output mode: wide, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples\n",
    );
  });
});
