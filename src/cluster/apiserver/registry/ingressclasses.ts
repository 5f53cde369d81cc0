// IngressClasses (networking.k8s.io/v1): the controller is required and immutable; printIngressClass.

import { FIELD_IMMUTABLE_ERROR_MSG } from '../validation/objectmeta.ts';
import { age, ageCol, col, nameCol } from './common.ts';
import { FieldPath, invalid, required, toFieldErrs, type ErrorList } from './field.ts';
import type { ResourceStrategy } from './strategy.ts';
import type { KObject } from '../types.ts';

function validateClass(obj: KObject): ErrorList {
  return obj.spec?.controller ? [] : [required(FieldPath.of('spec', 'controller'), '')];
}

export const ingressclasses: ResourceStrategy = {
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'ingressclasses',
  singular: 'ingressclass',
  kind: 'IngressClass',
  namespaced: false,
  validate: (obj) => toFieldErrs(validateClass(obj)),
  validateUpdate(obj, old) {
    const errs = validateClass(obj);
    if (old.spec?.controller !== obj.spec?.controller) errs.push(invalid(FieldPath.of('spec', 'controller'), obj.spec?.controller ?? '', FIELD_IMMUTABLE_ERROR_MSG));
    return toFieldErrs(errs);
  },
  table: {
    columns: [
      nameCol(),
      col('Controller', 'Controller that is responsible for handling this class'),
      col('Parameters', 'A reference to a resource with additional parameters'),
      ageCol(),
    ],
    row(o, ctx) {
      const p = o.spec?.parameters;
      const params = p ? `${p.kind}${p.apiGroup ? '.' + p.apiGroup : ''}/${p.name}` : '<none>';
      return [o.metadata.name, o.spec?.controller ?? '', params, age(o, ctx)];
    },
  },
};
