// kubectl's persistent flags (`kubectl options`), accepted by every command. The sandbox honours
// --namespace, --context, --kubeconfig and -v; the rest are accepted and ignored, as a cluster
// with one user and no TLS has nothing for them to change.

import type { FlagDef } from './types.ts';

export const GLOBAL_FLAGS: readonly FlagDef[] = [
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'as-uid', type: 'string' },
  { name: 'cache-dir', type: 'string' },
  { name: 'certificate-authority', type: 'string' },
  { name: 'client-certificate', type: 'string' },
  { name: 'client-key', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'disable-compression', type: 'bool' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'kuberc', type: 'string' },
  { name: 'log-flush-frequency', type: 'duration', default: 5000 },
  { name: 'match-server-version', type: 'bool' },
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'password', type: 'string' },
  { name: 'profile', type: 'string', default: 'none' },
  { name: 'profile-output', type: 'string', default: 'profile.pprof' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'server', shorthand: 's', type: 'string' },
  { name: 'tls-server-name', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'username', type: 'string' },
  { name: 'v', shorthand: 'v', type: 'int32' }, // klog.Level
  { name: 'vmodule', type: 'string' },
  { name: 'warnings-as-errors', type: 'bool' },
];
