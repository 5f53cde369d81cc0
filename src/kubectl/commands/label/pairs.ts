// What kubectl label and kubectl annotate share (pkg/cmd/label/label.go, annotate/annotate.go):
// TYPE NAME... then KEY=VALUE / KEY- pairs (cmdutil.GetResourcesAndPairs), --overwrite, --all,
// -l, --list, and a JSON merge patch of metadata.labels or metadata.annotations.

import { defineCommand, type Command, type Invocation } from '../../command.ts';
import { AggregateError, CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { resourcePath } from '../../resource/rest.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, dryRunStrategy, fieldManagerFlag } from '../../flags/write.ts';
import { objectPrinter } from '../../printers/object-printer.ts';
import { selectTargets } from '../../resource/targets.ts';

export interface PairsKind {
  verb: 'label' | 'annotate';
  field: 'labels' | 'annotations';
  /** `labeled` / `annotated`. */
  done: string;
  parse(specs: string[]): { add: Record<string, string>; remove: string[] };
  checkOverwrite(current: Record<string, string>, add: Record<string, string>): void;
  noUpdate: string;
  listTitle: string;
}

export function pairsCommand(k: PairsKind): Command {
  return defineCommand<{ resources: string[]; add: Record<string, string>; remove: string[] }>({
    name: k.verb,
    flags: [
      ...PRINT_FLAGS,
      DRY_RUN_FLAG,
      fieldManagerFlag(`kubectl-${k.verb}`),
      ...FILENAME_FLAGS,
      { name: 'all', type: 'bool' },
      { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
      { name: 'field-selector', type: 'string' },
      { name: 'list', type: 'bool' },
      { name: 'local', type: 'bool' },
      { name: 'overwrite', type: 'bool' },
      { name: 'resource-version', type: 'string' },
      { name: 'selector', shorthand: 'l', type: 'string' },
      { name: 'record', type: 'bool' },
    ],
    complete(inv) {
      dryRunStrategy(inv);
      const { resources, pairs } = resourcesAndPairs(inv.args, k.verb);
      const { add, remove } = k.parse(pairs);
      if (inv.flags.bool('list') && inv.flags.string('output')) throw new CmdError('--list and --output may not be specified together');
      return { resources, add, remove };
    },
    validate(o, inv) {
      const f = inv.flags;
      if (f.bool('all') && f.string('selector')) throw new CmdError('cannot set --all and --selector at the same time');
      if (f.bool('all') && f.string('field-selector')) throw new CmdError('cannot set --all and --field-selector at the same time');
      if (f.bool('local')) throw new CmdError('--local is not available in this sandbox');
      if (o.resources.length < 1 && f.strings('filename').length === 0)
        throw new CmdError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
      if (Object.keys(o.add).length < 1 && o.remove.length < 1 && !f.bool('list')) throw new CmdError(k.noUpdate);
    },
    async run(o, inv) {
      const f = inv.flags;
      const dryRun = dryRunStrategy(inv);
      const sel = await selectTargets(inv, o.resources, {
        filenames: f.strings('filename'),
        selector: f.string('selector'),
        fieldSelector: f.string('field-selector'),
        all: f.bool('all'),
        allNamespaces: f.bool('all-namespaces'),
        fetch: true,
      });
      const errors = [...sel.errors];
      const one = sel.targets.length === 1 && !sel.listed && o.resources.length <= 2 && !o.resources.some((r) => r.includes(','));
      for (const t of sel.targets) {
        try {
          let obj = t.obj!;
          if (t.source) obj = inv.rest().get<KObject>(resourcePath(t.mapping, t.namespace || undefined, t.name)); // Latest()
          const before = { ...(obj.metadata[k.field] ?? {}) } as Record<string, string>;
          if (!f.bool('overwrite')) k.checkOverwrite(before, o.add);
          const after: Record<string, string> = { ...before, ...o.add };
          if (!dryRun || dryRun === 'none')
            for (const r of o.remove) if (!(r in before) && k.verb === 'label' && !f.bool('list') && dryRun === 'none') inv.stdout.write(`label "${r}" not found.\n`);
          for (const r of o.remove) delete after[r];
          const msg = changeMessage(k, before, after, f.bool('overwrite'));
          let out = obj;
          if (f.bool('list')) {
            if (!one) inv.stdout.write(`${k.listTitle} ${t.mapping.kind}.${t.mapping.group}/${t.name}:\n`);
            for (const [key, v] of Object.entries(after)) inv.stdout.write(`${one ? '' : ' '}${key}=${v}\n`);
            continue;
          }
          if (dryRun === 'client') out = { ...obj, metadata: { ...obj.metadata, [k.field]: after } };
          else {
            const patch: Record<string, string | null> = {};
            for (const [key, v] of Object.entries(after)) if (before[key] !== v) patch[key] = v;
            for (const key of Object.keys(before)) if (!(key in after)) patch[key] = null;
            const query: Record<string, string> = { fieldManager: f.string('field-manager') };
            if (dryRun === 'server') query.dryRun = 'All';
            const body = Object.keys(patch).length > 0 ? { metadata: { [k.field]: patch } } : {};
            out = inv.rest().request({
              method: 'PATCH',
              path: resourcePath(t.mapping, t.namespace || undefined, t.name),
              query,
              headers: { 'content-type': 'application/merge-patch+json' },
              body,
            }).body as KObject;
          }
          objectPrinter(inv, msg, dryRun).print(ensureTyped(out, t.mapping));
        } catch (e) {
          errors.push(e as Error);
        }
      }
      if (errors.length > 0) throw new AggregateError(errors);
    },
  });
}

function ensureTyped(obj: KObject, m: { group: string; version: string; kind: string }): KObject {
  if (obj.apiVersion && obj.kind) return obj;
  return { ...obj, apiVersion: m.group ? `${m.group}/${m.version}` : m.version, kind: m.kind };
}

/** updateDataChangeMsg compares the JSON of the object before and after. */
function changeMessage(k: PairsKind, before: Record<string, string>, after: Record<string, string>, overwrite: boolean): string {
  const a = JSON.stringify(Object.entries(before).sort());
  const b = JSON.stringify(Object.entries(after).sort());
  if (a === b) return `not ${k.done}`;
  if (k.verb === 'label' && !overwrite && b.length < a.length) return 'unlabeled';
  return k.done;
}

/** cmdutil.GetResourcesAndPairs: resources first, then pairs (anything with `=` or ending in `-`). */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const isPair = s.includes('=') || s.endsWith('-');
    if (isPair) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else throw new CmdError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}
