// ReplicaSets (apps/v1): SetDefaults_ReplicaSet, pkg/registry/apps/replicaset/strategy.go,
// ValidateReplicaSet(Update) and printReplicaSet.

import type { KObject } from '../types.ts';
import { age, ageCol, col, containerCells, formatLabelSelector, keepOldStatus, nameCol } from './common.ts';
import { type ErrorList, FieldPath, toFieldErrs } from './field.ts';
import type { ResourceStrategy } from './strategy.ts';
import { bumpGeneration, defaultTemplate, nonNegative, replicaScale, selectorImmutable, validateSelector, validateTemplateForSelector } from './workloads.ts';

function defaults(obj: KObject): void {
  (obj.spec ??= {}).replicas ??= 1;
  defaultTemplate(obj);
}

function validateSpec(obj: KObject): ErrorList {
  const spec = obj.spec ?? {};
  const p = FieldPath.of('spec');
  return [
    ...nonNegative(spec.replicas, p.child('replicas')),
    ...nonNegative(spec.minReadySeconds, p.child('minReadySeconds')),
    ...validateSelector(spec.selector, p.child('selector')),
    ...validateTemplateForSelector(spec.template, spec.selector, p.child('template')),
  ];
}

export const replicasets: ResourceStrategy = {
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  singular: 'replicaset',
  kind: 'ReplicaSet',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  subresources: ['scale', 'status'],
  prepareForCreate(obj) {
    obj.status = { replicas: 0 };
    obj.metadata.generation = 1;
  },
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
    bumpGeneration(obj, old, defaults, false);
  },
  defaults,
  validate: (obj) => toFieldErrs(validateSpec(obj)),
  validateUpdate: (obj, old) => toFieldErrs([...validateSpec(obj), ...selectorImmutable(obj, old)]),
  scale: replicaScale,
  table: {
    columns: [
      nameCol(),
      col('Desired', 'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#how-a-replicaset-works', { type: 'integer' }),
      col('Current', 'Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#how-a-replicaset-works', { type: 'integer' }),
      col('Ready', 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.', { type: 'integer' }),
      ageCol(),
      col('Containers', 'Names of each container in the template.', { wide: true }),
      col('Images', 'Images referenced by each container in the template.', { wide: true }),
      col('Selector', 'Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', { wide: true }),
    ],
    row(o, ctx) {
      const [names, images] = containerCells(o.spec?.template?.spec?.containers);
      return [o.metadata.name, o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, age(o, ctx), names, images, formatLabelSelector(o.spec?.selector)];
    },
  },
};
