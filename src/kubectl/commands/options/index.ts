// kubectl options: the global flags' help, recorded from the real binary.

import { defineCommand } from '../../command.ts';
import { helpText } from '../../help/index.ts';

export default defineCommand<void>({
  name: 'options',
  async run(_o, inv) {
    inv.stdout.write((await helpText('options', inv.ctx.env.HOME || '/root')) ?? '');
  },
});
