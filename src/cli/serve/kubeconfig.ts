// A kubeconfig for real kubectl, named like a local minikube cluster so that what the learner
// sees (`kubectl config current-context` → minikube) matches the sandbox in the browser.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function kubeconfigText(server: string, namespace = 'default'): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: ${server}
  name: minikube
contexts:
- context:
    cluster: minikube
    namespace: ${namespace}
    user: minikube
  name: minikube
current-context: minikube
preferences: {}
users:
- name: minikube
  user: {}
`;
}

export function writeKubeconfig(path: string, server: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, kubeconfigText(server), { mode: 0o600 });
  return path;
}
