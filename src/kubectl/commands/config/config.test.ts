// Expected texts from real kubectl 1.34 against the sandbox's facade (fidelity suite, config).
import { describe, expect, test } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

describe('kubectl config', () => {
  test('current-context, get-contexts', async () => {
    const e = sandbox();
    expect((await e.kubectl('config current-context')).stdout).toBe('minikube\n');
    expect((await e.kubectl('config get-contexts')).stdout).toMatch(/^CURRENT {3}NAME {7}CLUSTER {4}AUTHINFO {3}NAMESPACE\n\* {9}minikube {3}minikube {3}minikube {3}/);
    expect((await e.kubectl('config get-contexts nope')).stderr).toBe('error: context nope not found\n');
  });
  test('set-context --current --namespace is saved and used by the next command', async () => {
    const e = sandbox();
    expect((await e.kubectl('config set-context --current --namespace=kube-system')).stdout).toBe('Context "minikube" modified.\n');
    expect((await e.kubectl('config view --minify -o jsonpath={..namespace}')).stdout).toBe('kube-system');
    expect((await e.kubectl('get cm -o name')).stdout).toContain('configmap/coredns\n');
    expect((await e.kubectl('config set-context')).stderr).toBe('error: you must specify a non-empty context name or --current\n');
  });
  test('use-context', async () => {
    const e = sandbox();
    expect((await e.kubectl('config use-context minikube')).stdout).toBe('Switched to context "minikube".\n');
    expect((await e.kubectl('config use-context nope')).stderr).toBe('error: no context exists with the name: "nope"\n');
  });
});
