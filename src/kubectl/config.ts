// The sandbox's kubeconfig: one cluster, one user, one context. Hosts may pass their own (e.g. a
// namespace set with `kubectl config set-context --current --namespace=...`).

export interface SandboxKubeconfig {
  currentContext: string;
  cluster: string;
  user: string;
  /** The context's namespace; '' means `default`. */
  namespace: string;
  server: string;
}

export const DEFAULT_KUBECONFIG: SandboxKubeconfig = {
  // Named like the local cluster the sandbox imitates (a multi-node minikube; see cluster/config.ts).
  currentContext: 'minikube',
  cluster: 'minikube',
  user: 'minikube',
  namespace: '',
  server: 'https://192.168.49.2:8443',
};
