// kubectl replace (pkg/cmd/replace/replace.go): PUT each object from -f; without a
// resourceVersion the live one is read first (resource.Helper.Replace with overwrite). --force
// deletes, waits until each object is gone, then creates.

import { defineCommand, type Invocation } from '../../command.ts';
import { AggregateError, ApiStatusError, CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { resourcePath } from '../../resource/rest.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, SAVE_CONFIG_FLAG, VALIDATE_FLAG, dryRunStrategy, fieldManagerFlag, type DryRun } from '../../flags/write.ts';
import { manifestOptions, readManifests, type Manifest } from '../../resource/manifests.ts';
import { fieldValidation, validationOf } from '../../resource/create.ts';
import { objectPrinter, type ObjectPrinter } from '../../printers/object-printer.ts';
import { sourceError } from '../../resource/source-error.ts';
import { deleteLine } from '../delete/delete-one.ts';

interface Options {
  dryRun: DryRun;
  printer: ObjectPrinter;
  force: boolean;
  gracePeriod: number;
}

const POLL_MS = 1000;
const FORCE_TIMEOUT_MS = 5 * 60_000;

export const replace = defineCommand<Options>({
  name: 'replace',
  flags: [
    ...PRINT_FLAGS,
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    SAVE_CONFIG_FLAG,
    VALIDATE_FLAG,
    fieldManagerFlag('kubectl-replace'),
    { name: 'subresource', type: 'string' },
    { name: 'raw', type: 'string' },
    { name: 'record', type: 'bool' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration' },
    { name: 'wait', type: 'bool' },
  ],
  complete(inv) {
    const dryRun = dryRunStrategy(inv);
    const printer = objectPrinter(inv, 'replaced', dryRun);
    if (inv.flags.strings('filename').length === 0 && !inv.flags.string('kustomize')) throw new CmdError('must specify one of -f and -k');
    return { dryRun, printer, force: inv.flags.bool('force'), gracePeriod: inv.flags.int('grace-period') };
  },
  validate(o, inv) {
    if (o.gracePeriod >= 0 && !o.force) throw new CmdError('--grace-period must have --force specified');
    if (inv.flags.changed('timeout') && inv.flags.duration('timeout') !== 0 && !o.force) throw new CmdError('--timeout must have --force specified');
    if (o.force && o.dryRun !== 'none') throw new CmdError('--dry-run can not be used when --force is set');
    if (inv.flags.string('raw')) throw new CmdError('--raw is not available in this sandbox');
  },
  async run(o, inv) {
    const { items, errors } = await readManifests(inv, manifestOptions(inv, fieldValidation(validationOf(inv))));
    if (o.force) return forceReplace(o, inv, items, errors);
    for (const m of items) {
      if (o.dryRun === 'client') {
        o.printer.print(m.object);
        continue;
      }
      try {
        o.printer.print(put(inv, m, o.dryRun));
      } catch (e) {
        errors.push(e instanceof ApiStatusError ? sourceError('replacing', m.source, e) : (e as Error));
      }
    }
    if (errors.length > 0) throw new AggregateError(errors);
  },
});
export default replace;

function path(m: Manifest): string {
  return resourcePath(m.mapping, m.namespace || undefined, m.object.metadata.name);
}

function put(inv: Invocation, m: Manifest, dryRun: DryRun): KObject {
  const obj = structuredClone(m.object);
  obj.metadata.namespace ??= m.namespace || undefined;
  if (!obj.metadata.resourceVersion) {
    try {
      obj.metadata.resourceVersion = inv.rest().get<KObject>(path(m)).metadata.resourceVersion;
    } catch {
      // Not there: the PUT says so (or creates, for kinds that allow it).
    }
  }
  const query: Record<string, string> = { fieldManager: inv.flags.string('field-manager') };
  if (dryRun === 'server') query.dryRun = 'All';
  return inv.rest().request({ method: 'PUT', path: path(m), query, body: obj }).body as KObject;
}

async function forceReplace(o: Options, inv: Invocation, items: Manifest[], errors: Error[]): Promise<void> {
  if (errors.length > 0) throw new AggregateError(errors);
  for (const m of items) {
    try {
      inv.rest().request({ method: 'DELETE', path: path(m), body: { propagationPolicy: 'Background', ...(o.gracePeriod >= 0 ? { gracePeriodSeconds: Math.max(o.gracePeriod, 1) } : {}) } });
      const d = { kind: m.object.kind ?? m.mapping.kind, group: m.mapping.group, name: m.object.metadata.name!, namespace: m.namespace, namespaced: m.mapping.namespaced };
      inv.stdout.write(deleteLine(d, { gracePeriod: -1, dryRun: 'none', output: inv.flags.string('output') }));
    } catch (e) {
      if (!(e instanceof ApiStatusError && e.reason === 'NotFound')) throw e;
    }
  }
  const timeout = inv.flags.duration('timeout') || FORCE_TIMEOUT_MS;
  for (const m of items) {
    for (let waited = 0; ; waited += POLL_MS) {
      try {
        inv.rest().get(path(m));
      } catch (e) {
        if (e instanceof ApiStatusError && e.reason === 'NotFound') break;
        throw e;
      }
      if (waited >= timeout) throw new CmdError('timed out waiting for the condition');
      await inv.ctx.sleep(POLL_MS);
    }
  }
  let count = 0;
  for (const m of items) {
    const obj = structuredClone(m.object);
    delete obj.metadata.resourceVersion;
    const query: Record<string, string> = { fieldManager: inv.flags.string('field-manager') };
    const created = inv.rest().request({ method: 'POST', path: resourcePath(m.mapping, m.namespace || undefined), query, body: obj }).body as KObject;
    count++;
    o.printer.print(created);
  }
  if (count === 0) throw new CmdError('no objects passed to replace');
}
