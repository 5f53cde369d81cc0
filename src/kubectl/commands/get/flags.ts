// `kubectl get` flags (kubectl pkg/cmd/get/get.go and PrintFlags).

import type { FlagDef } from '../../flags/index.ts';

export const GET_FLAGS: readonly FlagDef[] = [
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'kustomize', shorthand: 'k', type: 'string' },
  { name: 'label-columns', shorthand: 'L', type: 'stringSlice' },
  { name: 'no-headers', type: 'bool' },
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'recursive', shorthand: 'R', type: 'bool' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'server-print', type: 'bool', default: true },
  { name: 'show-kind', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'watch', shorthand: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
];
