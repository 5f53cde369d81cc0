// kubectl config current-context, get-contexts, get-clusters, get-users (pkg/cmd/config).

import { defineCommand } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { TabWriter } from '../../printers/tabwriter.ts';

export const configCurrentContext = defineCommand<void>({
  name: 'current-context',
  run(_o, inv) {
    if (!inv.config.currentContext) throw new CmdError('current-context is not set');
    inv.stdout.write(`${inv.config.currentContext}\n`);
  },
});

export const configGetContexts = defineCommand<void>({
  name: 'get-contexts',
  flags: [
    { name: 'no-headers', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
  ],
  run(_o, inv) {
    const c = inv.config;
    const out = inv.flags.string('output');
    if (out !== '' && out !== 'name') throw new CmdError(`--output ${out} is not available in kubectl config get-contexts; resetting to default output format`);
    const wanted = inv.args;
    const known = [c.currentContext];
    const missing = wanted.filter((n) => !known.includes(n));
    const shown = wanted.length ? known.filter((n) => wanted.includes(n)) : known;
    if (out === 'name') for (const n of shown) inv.stdout.write(`${n}\n`);
    else {
      const w = new TabWriter(inv.stdout);
      if (!inv.flags.bool('no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
      for (const n of shown) w.write(`*\t${n}\t${c.cluster}\t${c.user}\t${c.namespace}\n`);
      w.flush();
    }
    if (missing.length === 1) throw new CmdError(`context ${missing[0]} not found`);
    if (missing.length > 1) throw new CmdError(`[${missing.map((m) => `context ${m} not found`).join(', ')}]`);
  },
});

export const configGetClusters = defineCommand<void>({
  name: 'get-clusters',
  run(_o, inv) {
    inv.stdout.write(`NAME\n${inv.config.cluster}\n`);
  },
});

export const configGetUsers = defineCommand<void>({
  name: 'get-users',
  run(_o, inv) {
    inv.stdout.write(`NAME\n${inv.config.user}\n`);
  },
});
