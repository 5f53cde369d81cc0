// kubectl apply view-last-applied (pkg/cmd/apply/apply_view_last_applied.go): the
// last-applied-configuration annotation of each object, as YAML (JSONToYAML) or indented JSON.
// Complete collects every annotation first, so an error prints nothing else.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { defineCommand } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { toYaml } from '../../printers/yaml.ts';
import { selectTargets } from '../create/targets.ts';
import { LAST_APPLIED } from './last-applied.ts';

export const viewLastApplied = defineCommand<{ configs: string[]; output: string }>({
  name: 'view-last-applied',
  flags: [
    { name: 'output', shorthand: 'o', type: 'string', default: 'yaml' },
    { name: 'all', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
  ],
  async complete(inv) {
    const f = inv.flags;
    const sel = await selectTargets(inv, inv.args, {
      filenames: f.strings('filename'),
      recursive: f.bool('recursive'),
      selector: f.string('selector'),
      all: f.bool('all'),
      fetch: true,
    });
    // Without ContinueOnError the first failed object ends the visit.
    if (sel.errors.length > 0) throw sel.errors[0];
    const configs: string[] = [];
    for (const t of sel.targets) {
      // -f names objects; Latest() reads them from the server.
      const live = t.source ? inv.rest().getNamed<KObject>(t.mapping, t.namespace || undefined, t.name) : t.obj!;
      const config = live.metadata.annotations?.[LAST_APPLIED];
      if (config === undefined) {
        // AddSourceToErr(msg, source, nil): nil (skip silently) without a file, else a Go oddity.
        if (t.source) throw new CmdError(`error when no last-applied-configuration annotation found on resource: ${t.name}\n ${JSON.stringify(t.source)}: <nil>`);
        continue;
      }
      configs.push(config);
    }
    return { configs, output: f.string('output') };
  },
  run(o, inv) {
    for (const config of o.configs) {
      if (o.output === 'json') inv.stdout.write(JSON.stringify(JSON.parse(config), null, 2) + (config.endsWith('\n') ? '\n' : ''));
      else if (o.output === 'yaml') inv.stdout.write(toYaml(JSON.parse(config)));
      else throw inv.usageError(`Unexpected -o output mode: ${o.output}, the flag 'output' must be one of yaml|json`);
    }
  },
});
