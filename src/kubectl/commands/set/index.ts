// kubectl set (pkg/cmd/set/set.go): a group whose bare form prints its help.

import { defineCommand } from '../../command.ts';
import { env } from './env.ts';
import { image } from './image.ts';

export default defineCommand({
  name: 'set',
  subcommands: [env, image],
});
