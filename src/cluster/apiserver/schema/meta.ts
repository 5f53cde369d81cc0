// k8s.io/apimachinery meta/v1 types every kind shares, and the aliases (Time, Quantity,
// IntOrString) that are strings on the wire.

import { INT_OR_STRING, META, MICRO_TIME, QUANTITY, TIME, bool, int64, keyedList, list, oneOf, ref, str, strList, strMap, struct, time } from './dsl.ts';
import type { Definition } from './types.ts';

export const metaDefinitions: Definition[] = [
  struct(META + 'ObjectMeta', {
    annotations: strMap(),
    creationTimestamp: time(),
    deletionGracePeriodSeconds: int64(),
    deletionTimestamp: time(),
    finalizers: strList({ listType: 'set', patchStrategy: 'merge' }),
    generateName: str(),
    generation: int64(),
    labels: strMap(),
    managedFields: list(META + 'ManagedFieldsEntry', { listType: 'atomic' }),
    name: str(),
    namespace: str(),
    ownerReferences: keyedList(META + 'OwnerReference', 'uid'),
    resourceVersion: str(),
    selfLink: str(),
    uid: str(),
  }),
  struct(META + 'ListMeta', { continue: str(), remainingItemCount: int64(), resourceVersion: str(), selfLink: str() }),
  struct(
    META + 'OwnerReference',
    {
      apiVersion: str({ required: true }),
      blockOwnerDeletion: bool(),
      controller: bool(),
      kind: str({ required: true }),
      name: str({ required: true }),
      uid: str({ required: true }),
    },
    { mapType: 'atomic' },
  ),
  struct(META + 'ManagedFieldsEntry', {
    apiVersion: str(),
    fieldsType: str(),
    fieldsV1: ref(META + 'FieldsV1'),
    manager: str(),
    operation: str(),
    subresource: str(),
    time: time(),
  }),
  { name: META + 'FieldsV1', properties: {} },
  struct(
    META + 'LabelSelector',
    {
      matchExpressions: list(META + 'LabelSelectorRequirement', { listType: 'atomic' }),
      matchLabels: strMap(),
    },
    { mapType: 'atomic' },
  ),
  struct(META + 'LabelSelectorRequirement', {
    key: str({ required: true }),
    operator: str({ required: true }),
    values: strList(),
  }),
  struct(META + 'Condition', {
    lastTransitionTime: time({ required: true }),
    message: str({ required: true }),
    observedGeneration: int64(),
    reason: str({ required: true }),
    status: oneOf(['False', 'True', 'Unknown'], { required: true }),
    type: str({ required: true }),
  }),
  { name: TIME, alias: { scalar: 'string', format: 'date-time' } },
  { name: MICRO_TIME, alias: { scalar: 'string', format: 'date-time' } },
  { name: INT_OR_STRING, alias: { scalar: 'string', format: 'int-or-string', v3OneOf: ['integer', 'string'] } },
  { name: QUANTITY, alias: { scalar: 'string', v3OneOf: ['string', 'number'] } },
];

