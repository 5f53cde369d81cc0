// kubectl completion (pkg/cmd/completion): its argument checks as kubectl makes them; the shell
// scripts themselves are not offered (the sandbox's shell has no programmable completion).

import { defineCommand } from '../../command.ts';
import { CmdError } from '../../errors.ts';

const SHELLS = ['bash', 'zsh', 'fish', 'powershell'];

export default defineCommand<void>({
  name: 'completion',
  flags: [{ name: 'no-descriptions', type: 'bool' }],
  validate(_o, inv) {
    if (inv.args.length === 0) throw inv.usageError('Shell not specified.');
    if (inv.args.length > 1) throw inv.usageError('Too many arguments. Expected only the shell type.');
    if (!SHELLS.includes(inv.args[0])) throw inv.usageError(`Unsupported shell type "${inv.args[0]}".`);
  },
  run(_o, inv) {
    throw new CmdError(`"kubectl completion ${inv.args[0]}" is not available in this sandbox: its shell has no programmable completion`);
  },
});
