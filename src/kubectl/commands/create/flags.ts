// The flags and NAME rule of every `kubectl create <kind>` subcommand (create.NameFromCommandArgs).
// The write commands' shared flags live in flags/write.ts; they are re-exported here for the
// apply, diff and edit commands that still import them from this path.

import type { Invocation } from '../../command.ts';
import type { FlagDef } from '../../flags/index.ts';
import { DRY_RUN_FLAG, PRINT_FLAGS, SAVE_CONFIG_FLAG, VALIDATE_FLAG, fieldManagerFlag } from '../../flags/write.ts';

export {
  DRY_RUN_FLAG,
  FILENAME_FLAGS,
  PRINT_FLAGS,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  dryRunStrategy,
  fieldManagerFlag,
  requireFlags,
  type DryRun,
} from '../../flags/write.ts';

/** The flags of every `kubectl create <kind>` subcommand. */
export const CREATE_SUBCOMMAND_FLAGS: readonly FlagDef[] = [
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag('kubectl-create'),
];

/** create.NameFromCommandArgs: exactly one NAME before `--`. */
export function nameFromArgs(inv: Invocation): string {
  const n = inv.argsLenAtDash === -1 ? inv.args.length : inv.argsLenAtDash;
  if (n !== 1) throw inv.usageError(`exactly one NAME is required, got ${n}`);
  return inv.args[0];
}
