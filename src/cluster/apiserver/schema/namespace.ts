// core/v1 Namespace.

import { CORE, kind, listKind, oneOf, ref, strList, struct } from './dsl.ts';
import type { Definition } from './types.ts';

const namespace = kind(CORE + 'Namespace', { group: '', version: 'v1', kind: 'Namespace' }, { plural: 'namespaces', namespaced: false }, {
  spec: ref(CORE + 'NamespaceSpec'),
  status: ref(CORE + 'NamespaceStatus'),
});

export const namespaceDefinitions: Definition[] = [
  namespace,
  listKind(namespace),
  struct(CORE + 'NamespaceSpec', { finalizers: strList() }),
  struct(CORE + 'NamespaceStatus', { phase: oneOf(['Active', 'Terminating']) }),
];
