// kubectl create serviceaccount (pkg/cmd/create/create_serviceaccount.go): a bare ServiceAccount;
// the namespace is written into it only when -n was given.

import { defineCommand } from '../../command.ts';
import { CORE } from '../../resource/rest.ts';
import { CREATE_SUBCOMMAND_FLAGS, nameFromArgs } from './flags.ts';
import { finishCreate, prepare } from './run-create.ts';

export const createServiceAccount = defineCommand<{ name: string; prepared: ReturnType<typeof prepare> }>({
  name: 'serviceaccount',
  aliases: ['sa'],
  flags: CREATE_SUBCOMMAND_FLAGS,
  complete: (inv) => ({ name: nameFromArgs(inv), prepared: prepare(inv) }),
  run(o, inv) {
    const metadata: Record<string, string> = { name: o.name };
    if (inv.explicitNamespace) metadata.namespace = inv.namespace;
    const obj = { kind: 'ServiceAccount', apiVersion: 'v1', metadata };
    finishCreate(inv, o.prepared, { ref: CORE('serviceaccounts'), obj, wrapError: (m) => `failed to create serviceaccount: ${m}` });
  },
});
