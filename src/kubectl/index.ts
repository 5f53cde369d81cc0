// The fake kubectl as a shell Program. The host decides which cluster each invocation talks to.

import type { ApiClient } from '../cluster/apiserver/client.ts';
import type { ProcessContext, Program } from '../shell/program.ts';
import { COMMANDS } from './commands/registry.ts';
import type { SandboxKubeconfig } from './config.ts';
import { runKubectl } from './root.ts';

export type { SandboxKubeconfig } from './config.ts';
export { DEFAULT_KUBECONFIG } from './config.ts';

export function createKubectl(
  getClient: (ctx: ProcessContext) => ApiClient,
  options: { kubeconfig?: (ctx: ProcessContext) => SandboxKubeconfig } = {},
): Program {
  return (ctx) => runKubectl(ctx, { commands: COMMANDS, getClient, kubeconfig: options.kubeconfig });
}
