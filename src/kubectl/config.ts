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
  currentContext: 'kube-sandbox',
  cluster: 'kube-sandbox',
  user: 'kube-sandbox',
  namespace: '',
  server: 'https://127.0.0.1:6443',
};
