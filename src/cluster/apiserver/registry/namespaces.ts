// Namespaces (core/v1): SetDefaults_Namespace's name label, pkg/registry/core/namespace/strategy.go
// (phase Active and the kubernetes finalizer on create; spec and status kept on update).

import { ageCol, col, age, keepOldStatus, nameCol } from './common.ts';
import { nameIsDNSLabel } from '../validation/names.ts';
import type { ResourceStrategy } from './strategy.ts';

export const namespaces: ResourceStrategy = {
  group: '',
  version: 'v1',
  resource: 'namespaces',
  singular: 'namespace',
  kind: 'Namespace',
  validateName: nameIsDNSLabel,
  namespaced: false,
  shortNames: ['ns'],
  subresources: ['finalize', 'status'],
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  prepareForCreate(obj) {
    obj.spec = { finalizers: ['kubernetes'] };
    obj.status = { phase: 'Active' };
  },
  prepareForUpdate(obj, old) {
    obj.spec = structuredClone(old.spec ?? {});
    keepOldStatus(obj, old);
  },
  defaults(obj) {
    // The immutable label every namespace carries, so selectors can pick namespaces by name.
    if (obj.metadata.name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
  },
  table: {
    columns: [nameCol(), col('Status', 'The status of the namespace'), ageCol()],
    row: (o, ctx) => [o.metadata.name, o.status?.phase ?? '', age(o, ctx)],
  },
  fieldSelectors: { 'status.phase': (o) => o.status?.phase ?? '' },
};
