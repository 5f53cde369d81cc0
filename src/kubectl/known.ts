// Every top-level command of real kubectl 1.34, in the order kubectl's cmd.go adds them (cobra's
// suggestions keep this order, since kubectl turns off command sorting). Commands the sandbox does
// not implement answer with an honest message instead of "unknown command".

export const KUBECTL_COMMANDS: readonly string[] = [
  'create', 'expose', 'run', 'set',
  'explain', 'get', 'edit', 'delete',
  'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint',
  'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events',
  'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize',
  'label', 'annotate', 'completion',
  'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options',
];
