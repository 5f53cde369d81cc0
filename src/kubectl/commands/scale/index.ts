// kubectl scale (pkg/cmd/scale/scale.go, pkg/scale/scale.go): PATCH of the scale subresource,
// with --current-replicas / --resource-version as preconditions checked against it first.

import { defineCommand } from '../../command.ts';
import { AggregateError, ApiStatusError, CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { resourcePath } from '../../resource/rest.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, dryRunStrategy, requireFlags, type DryRun } from '../../flags/write.ts';
import { objectPrinter, type ObjectPrinter } from '../../printers/object-printer.ts';
import { selectTargets } from '../../resource/targets.ts';

interface Options {
  dryRun: DryRun;
  printer: ObjectPrinter;
  replicas: number;
  current: number;
}

export const scale = defineCommand<Options>({
  name: 'scale',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    ...FILENAME_FLAGS,
    { name: 'all', type: 'bool' },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'replicas', type: 'int' },
    { name: 'resource-version', type: 'string' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'timeout', type: 'duration' },
    { name: 'record', type: 'bool' },
  ],
  complete(inv) {
    requireFlags(inv, ['replicas']);
    const dryRun = dryRunStrategy(inv);
    return { dryRun, printer: objectPrinter(inv, 'scaled', dryRun), replicas: inv.flags.int('replicas'), current: inv.flags.int('current-replicas') };
  },
  validate(o) {
    if (o.replicas < 0) throw new CmdError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (o.current < -1) throw new CmdError('The --current-replicas must specify an integer of -1 or greater');
  },
  async run(o, inv) {
    const f = inv.flags;
    let sel;
    try {
      sel = await selectTargets(inv, inv.args, {
        filenames: f.strings('filename'),
        selector: f.string('selector'),
        all: f.bool('all'),
        fetch: true,
      });
    } catch (e) {
      // scale visits with its own func and reports the visit error inside its own message.
      if (e instanceof ApiStatusError) throw new CmdError(`no objects passed to scale ${e.message}`);
      throw e;
    }
    const rv = f.string('resource-version');
    if (rv && sel.targets.length > 1) throw new CmdError('cannot use --resource-version with multiple resources');
    if (sel.targets.length === 0) {
      if (sel.errors.length > 0) throw new CmdError(`no objects passed to scale ${sel.errors.map((e) => e.message).join(', ')}`);
      throw new CmdError('no objects passed to scale');
    }
    for (const t of sel.targets) {
      if (o.dryRun === 'client') {
        o.printer.print(t.obj!);
        continue;
      }
      const path = resourcePath(t.mapping, t.namespace || undefined, t.name) + '/scale';
      if (o.current !== -1 || rv) {
        const s = inv.rest().get<KObject>(path);
        if (o.current !== -1 && s.spec?.replicas !== o.current)
          throw new CmdError(`Expected replicas to be ${o.current}, was ${s.spec?.replicas ?? 0}`);
        if (rv && s.metadata.resourceVersion !== rv)
          throw new CmdError(`Expected resource version to be ${rv}, was ${s.metadata.resourceVersion ?? ''}`);
      }
      const query: Record<string, string> = o.dryRun === 'server' ? { dryRun: 'All' } : {};
      inv.rest().request({
        method: 'PATCH',
        path,
        query,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { spec: { replicas: o.replicas } },
      });
      o.printer.print(t.obj!);
    }
    if (sel.errors.length > 0) throw new AggregateError(sel.errors);
  },
});
export default scale;
