// ConfigMaps (core/v1): key validation and printConfigMap (DATA counts data and binaryData).

import { age, ageCol, col, nameCol } from './common.ts';
import { validateImmutable, validateKeys } from './configdata.ts';
import { toFieldErrs } from './field.ts';
import type { ResourceStrategy } from './strategy.ts';

const FIELDS = ['data', 'binaryData'];

export const configmaps: ResourceStrategy = {
  group: '',
  version: 'v1',
  resource: 'configmaps',
  singular: 'configmap',
  kind: 'ConfigMap',
  namespaced: true,
  shortNames: ['cm'],
  validate: (obj) => toFieldErrs(validateKeys(obj, FIELDS)),
  validateUpdate: (obj, old) => toFieldErrs([...validateKeys(obj, FIELDS), ...validateImmutable(obj, old, FIELDS)]),
  table: {
    columns: [nameCol(), col('Data', 'Data contains the configuration data.'), ageCol()],
    row: (o, ctx) => [o.metadata.name, Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length, age(o, ctx)],
  },
};
