// kubectl create namespace (pkg/cmd/create/create_namespace.go).

import { defineCommand } from '../../command.ts';
import { CORE } from '../../resource/rest.ts';
import { CREATE_SUBCOMMAND_FLAGS, nameFromArgs } from './flags.ts';
import { finishCreate, prepare } from './run-create.ts';

export const createNamespace = defineCommand<{ name: string; prepared: ReturnType<typeof prepare> }>({
  name: 'namespace',
  aliases: ['ns'],
  flags: CREATE_SUBCOMMAND_FLAGS,
  complete: (inv) => ({ name: nameFromArgs(inv), prepared: prepare(inv) }),
  run(o, inv) {
    const obj = { kind: 'Namespace', apiVersion: 'v1', metadata: { name: o.name }, spec: {}, status: {} };
    finishCreate(inv, o.prepared, { ref: CORE('namespaces', false), obj });
  },
});
