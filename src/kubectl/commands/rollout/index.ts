// kubectl rollout and its subcommands (pkg/cmd/rollout). Only Deployments roll out here: the
// emulator serves no DaemonSets or StatefulSets.

import { defineCommand } from '../../command.ts';
import { rolloutHistory } from './history.ts';
import { rolloutPause, rolloutResume } from './pause.ts';
import { rolloutRestart } from './restart.ts';
import { rolloutStatus } from './status.ts';
import { rolloutUndo } from './undo.ts';

export default defineCommand<void>({
  name: 'rollout',
  // DefaultSubCommandRun(streams.Out): rollout's help goes to stdout, unlike create's or config's.
  helpOut: 'stdout',
  subcommands: [rolloutHistory, rolloutPause, rolloutRestart, rolloutResume, rolloutStatus, rolloutUndo],
});
