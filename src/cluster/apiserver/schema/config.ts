// core/v1 ConfigMap, Secret and ServiceAccount: the configuration kinds.

import { CORE, bool, keyedList, kind, list, listKind, mapOf, str, strMap } from './dsl.ts';
import type { Definition } from './types.ts';

const configMap = kind(CORE + 'ConfigMap', { group: '', version: 'v1', kind: 'ConfigMap' }, { plural: 'configmaps', namespaced: true }, {
  binaryData: mapOf({ scalar: 'string', format: 'byte' }),
  data: strMap(),
  immutable: bool(),
});

const secret = kind(CORE + 'Secret', { group: '', version: 'v1', kind: 'Secret' }, { plural: 'secrets', namespaced: true }, {
  data: mapOf({ scalar: 'string', format: 'byte' }),
  immutable: bool(),
  stringData: strMap(),
  type: str(),
});

const serviceAccount = kind(
  CORE + 'ServiceAccount',
  { group: '', version: 'v1', kind: 'ServiceAccount' },
  { plural: 'serviceaccounts', namespaced: true },
  {
    automountServiceAccountToken: bool(),
    imagePullSecrets: list(CORE + 'LocalObjectReference', { listType: 'atomic' }),
    secrets: keyedList(CORE + 'ObjectReference', 'name'),
  },
);

export const configDefinitions: Definition[] = [configMap, listKind(configMap), secret, listKind(secret), serviceAccount, listKind(serviceAccount)];
