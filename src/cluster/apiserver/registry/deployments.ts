// Deployments (apps/v1): SetDefaults_Deployment (pkg/apis/apps/v1/defaults.go), the strategy in
// pkg/registry/apps/deployment/strategy.go, ValidateDeployment(Update) and printDeployment.

import type { KObject } from '../types.ts';
import { age, ageCol, col, containerCells, keepOldStatus, nameCol, selectorString } from './common.ts';
import { type ErrorList, FieldPath, invalid, toFieldErrs } from './field.ts';
import type { ResourceStrategy } from './strategy.ts';
import { bumpGeneration, defaultTemplate, nonNegative, replicaScale, selectorImmutable, validateSelector, validateTemplateForSelector } from './workloads.ts';

function defaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ||= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(obj);
}

const isZero = (v: unknown) => v === 0 || v === '0%' || v === '0';

function validateSpec(obj: KObject): ErrorList {
  const spec = obj.spec ?? {};
  const p = FieldPath.of('spec');
  const errs: ErrorList = [...nonNegative(spec.replicas, p.child('replicas'))];
  errs.push(...validateSelector(spec.selector, p.child('selector')));
  errs.push(...validateTemplateForSelector(spec.template, spec.selector, p.child('template')));
  const ru = spec.strategy?.rollingUpdate;
  if (spec.strategy?.type === 'Recreate' && ru)
    errs.push(invalid(p.child('strategy', 'rollingUpdate'), ru, 'may not be specified when strategy `type` is \'Recreate\''));
  if (ru && isZero(ru.maxUnavailable) && isZero(ru.maxSurge))
    errs.push(invalid(p.child('strategy', 'rollingUpdate', 'maxUnavailable'), ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  errs.push(...nonNegative(spec.minReadySeconds, p.child('minReadySeconds')));
  errs.push(...nonNegative(spec.revisionHistoryLimit, p.child('revisionHistoryLimit')));
  if (typeof spec.progressDeadlineSeconds === 'number' && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0))
    errs.push(invalid(p.child('progressDeadlineSeconds'), spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  return errs;
}

export const deployments: ResourceStrategy = {
  group: 'apps',
  version: 'v1',
  resource: 'deployments',
  singular: 'deployment',
  kind: 'Deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  subresources: ['scale', 'status'],
  prepareForCreate(obj) {
    obj.status = {};
    obj.metadata.generation = 1;
  },
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
    bumpGeneration(obj, old, defaults, true);
  },
  defaults,
  validate: (obj) => toFieldErrs(validateSpec(obj)),
  validateUpdate: (obj, old) => toFieldErrs([...validateSpec(obj), ...selectorImmutable(obj, old)]),
  scale: replicaScale,
  table: {
    columns: [
      nameCol(),
      col('Ready', 'Number of the pod with ready state'),
      col('Up-to-date', 'Total number of non-terminating pods targeted by this deployment that have the desired template spec.'),
      col('Available', 'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.'),
      ageCol(),
      col('Containers', 'Names of each container in the template.', { wide: true }),
      col('Images', 'Images referenced by each container in the template.', { wide: true }),
      col('Selector', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', { wide: true }),
    ],
    row(o, ctx) {
      const [names, images] = containerCells(o.spec?.template?.spec?.containers);
      const s = o.status ?? {};
      return [o.metadata.name, `${s.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, s.updatedReplicas ?? 0, s.availableReplicas ?? 0, age(o, ctx), names, images, selectorString(o.spec?.selector)];
    },
  },
};
