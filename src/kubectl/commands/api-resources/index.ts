// kubectl api-resources (kubectl pkg/cmd/apiresources/apiresources.go): preferred resources from
// discovery, sorted by group then name (or --sort-by=name|kind), printed through the tab writer.

import { defineCommand } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import type { ApiResource } from '../../resource/discovery.ts';

interface Options {
  output: string;
  noHeaders: boolean;
  namespaced?: boolean;
  apiGroup?: string;
  sortBy: string;
  verbs: string[];
}

export default defineCommand<Options>({
  name: 'api-resources',
  flags: [
    { name: 'api-group', type: 'string' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'stringSlice' },
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'no-headers', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
    { name: 'sort-by', type: 'string' },
    { name: 'verbs', type: 'stringSlice' },
  ],
  complete: (inv) => ({
    output: inv.flags.string('output'),
    noHeaders: inv.flags.bool('no-headers'),
    namespaced: inv.flags.changed('namespaced') ? inv.flags.bool('namespaced') : undefined,
    apiGroup: inv.flags.changed('api-group') ? inv.flags.string('api-group') : undefined,
    sortBy: inv.flags.string('sort-by'),
    verbs: inv.flags.strings('verbs'),
  }),
  validate(o) {
    if (!['', 'wide', 'name'].includes(o.output)) throw new CmdError(`--output ${o.output} is not available, supported values are: wide, name`.replace(/.*/, `--output ${o.output} is not available`));
    if (!['', 'name', 'kind'].includes(o.sortBy)) throw new CmdError(`--sort-by accepts only name or kind`);
  },
  run(o, inv) {
    let rs: ApiResource[] = inv.discovery().resources();
    if (o.apiGroup !== undefined) rs = rs.filter((r) => r.group === o.apiGroup);
    if (o.namespaced !== undefined) rs = rs.filter((r) => r.namespaced === o.namespaced);
    if (o.verbs.length) rs = rs.filter((r) => o.verbs.every((v) => r.verbs.includes(v)));
    const key = (r: ApiResource) => (o.sortBy === 'name' ? r.name : o.sortBy === 'kind' ? r.kind : r.group);
    rs = [...rs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (o.output === 'name') {
      for (const r of rs) inv.stdout.write(r.group ? `${r.name}.${r.group}\n` : `${r.name}\n`);
      return;
    }
    const w = new TabWriter(inv.stdout);
    const wide = o.output === 'wide';
    if (!o.noHeaders) w.write(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t') + '\n');
    for (const r of rs) {
      const cells = [r.name, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind];
      if (wide) cells.push(`[${r.verbs.join(' ')}]`, r.categories.join(','));
      w.write(cells.join('\t') + '\n');
    }
    w.flush();
  },
});
