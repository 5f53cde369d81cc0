// The objects a verb works on, chosen as cli-runtime's resource.Builder chooses them:
// `TYPE NAME...`, `TYPE/NAME...`, `TYPE -l SELECTOR`, `TYPE --all`, or -f files; with kubectl's
// messages when the arguments say too little.

import type { Invocation } from '../command.ts';
import { CmdError } from '../errors.ts';
import type { KObject } from '../../cluster/apiserver/types.ts';
import { parseResourceArgs } from './builder.ts';
import type { ApiResource } from './discovery.ts';
import { resourcePath } from './rest.ts';
import { readManifests } from './manifests.ts';

export interface Target {
  mapping: ApiResource;
  name: string;
  namespace: string;
  /** The object as read (from the server, or from the file for -f). */
  obj?: KObject;
  /** The -f file it came from, for AddSourceToErr. */
  source: string;
}

export const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export interface SelectOptions {
  filenames?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  /** Fetch each named object (Builder.Latest / a GET per name). */
  fetch?: boolean;
}

export interface Selection {
  targets: Target[];
  /** Errors for single objects (NotFound …), reported after the others are done (ContinueOnError). */
  errors: Error[];
  /** True when objects were chosen by selector or --all (then "No resources found" applies). */
  listed: boolean;
}

export async function selectTargets(inv: Invocation, args: string[], o: SelectOptions): Promise<Selection> {
  const filenames = o.filenames ?? [];
  const errors: Error[] = [];
  const targets: Target[] = [];
  if (filenames.length > 0) {
    if (args.length > 0) throw new CmdError(`Unexpected args: [${args.join(' ')}]`);
    // kind and apiVersion are checked as create's reader did; kubectl checks them only where a schema is set.
    const { items, errors: e } = await readManifests(inv, { filenames, recursive: o.recursive ?? false, validation: 'Strict' });
    errors.push(...e);
    for (const m of items) targets.push({ mapping: m.mapping, name: m.object.metadata.name ?? '', namespace: m.namespace, obj: m.object, source: m.source });
    return { targets, errors, listed: false };
  }
  if (args.length === 0) throw new CmdError(NO_RESOURCES);
  const requests = parseResourceArgs(args, inv.mapper());
  const byList = !!(o.selector || o.fieldSelector || o.all);
  for (const r of requests) {
    const namespace = r.mapping.namespaced ? (o.allNamespaces ? '' : inv.namespace) : '';
    if (r.names.length === 0) {
      if (!byList) throw new CmdError('resource(s) were provided, but no name was specified');
      const query: Record<string, string> = {};
      if (o.selector) query.labelSelector = o.selector;
      if (o.fieldSelector) query.fieldSelector = o.fieldSelector;
      const list = inv.rest().list<{ items: KObject[] }>(r.mapping, namespace || undefined, query);
      for (const item of list.items ?? []) {
        item.apiVersion ??= r.mapping.group ? `${r.mapping.group}/${r.mapping.version}` : r.mapping.version;
        item.kind ??= r.mapping.kind;
        targets.push({ mapping: r.mapping, name: item.metadata.name ?? '', namespace: item.metadata.namespace ?? '', obj: item, source: '' });
      }
      continue;
    }
    if (byList && (o.selector || o.all)) throw new CmdError('name cannot be provided when a selector is specified');
    for (const name of r.names) {
      const t: Target = { mapping: r.mapping, name, namespace, source: '' };
      if (o.fetch) {
        try {
          t.obj = inv.rest().getNamed<KObject>(r.mapping, namespace || undefined, name);
        } catch (e) {
          errors.push(e as Error);
          continue;
        }
      }
      targets.push(t);
    }
  }
  return { targets, errors, listed: byList };
}
