// kubectl api-resources (kubectl pkg/cmd/apiresources/apiresources.go): preferred resources from
// discovery, sorted by group then name (or --sort-by=name|kind), printed through the tab writer.

import { defineCommand } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { goQuote } from '../../flags/index.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import { toYaml } from '../../printers/yaml.ts';
import type { ApiResource } from '../../resource/discovery.ts';

interface Options {
  output: string;
  noHeaders: boolean;
  namespaced?: boolean;
  apiGroup?: string;
  sortBy: string;
  verbs: string[];
  categories: string[];
}

const FORMATS = ['json', 'name', 'wide', 'yaml'];

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
    categories: inv.flags.strings('categories'),
  }),
  validate(o, inv) {
    if (inv.args.length > 0) throw inv.usageError(`unexpected arguments: [${inv.args.join(' ')}]`);
    if (o.output !== '' && !FORMATS.includes(o.output))
      throw new CmdError(`unable to match a printer suitable for the output format ${goQuote(o.output)}, allowed formats are: ${FORMATS.join(',')}`);
    if (!['', 'name', 'kind'].includes(o.sortBy)) throw new CmdError(`--sort-by accepts only name or kind`);
  },
  run(o, inv) {
    let rs: ApiResource[] = inv.discovery().resources();
    if (o.apiGroup !== undefined) rs = rs.filter((r) => r.group === o.apiGroup);
    if (o.namespaced !== undefined) rs = rs.filter((r) => r.namespaced === o.namespaced);
    if (o.verbs.length) rs = rs.filter((r) => o.verbs.every((v) => r.verbs.includes(v)));
    if (o.categories.length) rs = rs.filter((r) => o.categories.every((c) => r.categories.includes(c)));
    const key = (r: ApiResource) => (o.sortBy === 'name' ? r.name : o.sortBy === 'kind' ? r.kind : r.group);
    rs = [...rs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (o.output === 'json' || o.output === 'yaml') {
      // A flat metav1.APIResourceList: the typed struct, so JSON keeps its field order.
      const list = { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: '', resources: rs.map(apiResource) };
      inv.stdout.write(o.output === 'json' ? JSON.stringify(list, null, 4) + '\n' : toYaml(list));
      return;
    }
    if (o.output === 'name') {
      for (const r of rs) inv.stdout.write(r.group ? `${r.name}.${r.group}\n` : `${r.name}\n`);
      return;
    }
    const w = new TabWriter(inv.stdout);
    const wide = o.output === 'wide';
    if (!o.noHeaders) w.write(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t') + '\n');
    for (const r of rs) {
      const cells = [r.name, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind];
      if (wide) cells.push(r.verbs.join(','), r.categories.join(','));
      w.write(cells.join('\t') + '\n');
    }
    w.flush();
  },
});

/** metav1.APIResource in its field order, omitempty fields left out. */
function apiResource(r: ApiResource): Record<string, unknown> {
  return {
    name: r.name,
    singularName: r.singularName,
    namespaced: r.namespaced,
    ...(r.group ? { group: r.group } : {}),
    ...(r.version ? { version: r.version } : {}),
    kind: r.kind,
    verbs: r.verbs,
    ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length ? { categories: r.categories } : {}),
  };
}
