// kubectl api-versions (kubectl pkg/cmd/apiresources/apiversions.go): every group/version the
// server's discovery lists (metav1.ExtractGroupVersions), sorted as strings, one a line.

import { defineCommand } from '../../command.ts';

export default defineCommand<void>({
  name: 'api-versions',
  validate(_o, inv) {
    if (inv.args.length > 0) throw inv.usageError(`unexpected arguments: [${inv.args.join(' ')}]`);
  },
  run(_o, inv) {
    const gvs = [...inv.discovery().groupVersions()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const gv of gvs) inv.stdout.write(`${gv}\n`);
  },
});
