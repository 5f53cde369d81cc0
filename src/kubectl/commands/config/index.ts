// kubectl config (pkg/cmd/config): the sandbox's kubeconfig has one cluster, user and context.
// view, current-context and get-* read it, set-context changes the context's namespace, and
// the commands that would add or remove entries say they are not available.

import { defineCommand, type Command } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { configCurrentContext, configGetClusters, configGetContexts, configGetUsers } from './get.ts';
import { configSetContext, configUseContext } from './set.ts';
import { configView } from './view.ts';

const WRITERS = [
  'delete-cluster', 'delete-context', 'delete-user', 'rename-context', 'set', 'set-cluster', 'set-credentials', 'unset',
];

/** A writing subcommand: kubectl knows it, the sandbox's kubeconfig cannot be changed. */
function readOnly(name: string): Command {
  return defineCommand<void>({
    name,
    run() {
      throw new CmdError(`"kubectl config ${name}" is not available in this sandbox: it has one cluster, user and context (set-context --current --namespace=NS changes its namespace)`);
    },
  });
}

export default defineCommand<void>({
  name: 'config',
  subcommands: [configCurrentContext, configGetClusters, configGetContexts, configGetUsers, configSetContext, configUseContext, configView, ...WRITERS.map(readOnly)],
});
