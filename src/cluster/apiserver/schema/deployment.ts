// apps/v1 Deployment and ReplicaSet.

import { APPS, CORE, INT_OR_STRING, META, bool, int32, int64, keyedList, kind, listKind, oneOf, ref, str, struct, time } from './dsl.ts';
import type { Definition } from './types.ts';

const deployment = kind(APPS + 'Deployment', { group: 'apps', version: 'v1', kind: 'Deployment' }, { plural: 'deployments', namespaced: true }, {
  spec: ref(APPS + 'DeploymentSpec'),
  status: ref(APPS + 'DeploymentStatus'),
});

const replicaSet = kind(APPS + 'ReplicaSet', { group: 'apps', version: 'v1', kind: 'ReplicaSet' }, { plural: 'replicasets', namespaced: true }, {
  spec: ref(APPS + 'ReplicaSetSpec'),
  status: ref(APPS + 'ReplicaSetStatus'),
});

const condition = (name: string) =>
  struct(name, {
    lastTransitionTime: time(),
    ...(name.endsWith('DeploymentCondition') ? { lastUpdateTime: time() } : {}),
    message: str(),
    reason: str(),
    status: str({ required: true }),
    type: str({ required: true }),
  });

export const deploymentDefinitions: Definition[] = [
  deployment,
  listKind(deployment),
  struct(APPS + 'DeploymentSpec', {
    minReadySeconds: int32(),
    paused: bool(),
    progressDeadlineSeconds: int32(),
    replicas: int32(),
    revisionHistoryLimit: int32(),
    selector: ref(META + 'LabelSelector', { required: true }),
    strategy: ref(APPS + 'DeploymentStrategy', { patchStrategy: 'retainKeys' }),
    template: ref(CORE + 'PodTemplateSpec', { required: true }),
  }),
  struct(APPS + 'DeploymentStrategy', {
    rollingUpdate: ref(APPS + 'RollingUpdateDeployment'),
    type: oneOf(['Recreate', 'RollingUpdate']),
  }),
  struct(APPS + 'RollingUpdateDeployment', { maxSurge: ref(INT_OR_STRING), maxUnavailable: ref(INT_OR_STRING) }),
  struct(APPS + 'DeploymentStatus', {
    availableReplicas: int32(),
    collisionCount: int32(),
    conditions: keyedList(APPS + 'DeploymentCondition', 'type'),
    observedGeneration: int64(),
    readyReplicas: int32(),
    replicas: int32(),
    terminatingReplicas: int32(),
    unavailableReplicas: int32(),
    updatedReplicas: int32(),
  }),
  condition(APPS + 'DeploymentCondition'),
  replicaSet,
  listKind(replicaSet),
  struct(APPS + 'ReplicaSetSpec', {
    minReadySeconds: int32(),
    replicas: int32(),
    selector: ref(META + 'LabelSelector', { required: true }),
    template: ref(CORE + 'PodTemplateSpec'),
  }),
  struct(APPS + 'ReplicaSetStatus', {
    availableReplicas: int32(),
    conditions: keyedList(APPS + 'ReplicaSetCondition', 'type'),
    fullyLabeledReplicas: int32(),
    observedGeneration: int64(),
    readyReplicas: int32(),
    replicas: int32({ required: true }),
    terminatingReplicas: int32(),
  }),
  condition(APPS + 'ReplicaSetCondition'),
];
