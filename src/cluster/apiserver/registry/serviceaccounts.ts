// ServiceAccounts (core/v1): printServiceAccount (SECRETS counts the legacy secrets list).

import { age, ageCol, col, nameCol } from './common.ts';
import type { ResourceStrategy } from './strategy.ts';

export const serviceaccounts: ResourceStrategy = {
  group: '',
  version: 'v1',
  resource: 'serviceaccounts',
  singular: 'serviceaccount',
  kind: 'ServiceAccount',
  namespaced: true,
  shortNames: ['sa'],
  table: {
    columns: [nameCol(), col('Secrets', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'), ageCol()],
    row: (o, ctx) => [o.metadata.name, (o.secrets ?? []).length, age(o, ctx)],
  },
};
