// kubectl patch (pkg/cmd/patch/patch.go): one PATCH per object with the given type; each object
// is read first (the builder's RetrieveLazy), so an unchanged result prints "patched (no change)".
// With --local or --dry-run=client the patch is applied here, as kubectl does with apimachinery's
// own patch code (which the emulator's API server also uses).

import { defineCommand } from '../../command.ts';
import { AggregateError, ApiStatusError, CmdError } from '../../errors.ts';
import type { KObject, Status } from '../../../cluster/apiserver/types.ts';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from '../../../cluster/apiserver/patch.ts';
import { resourcePath } from '../../resource/rest.ts';
import { deepEqual } from '../apply/three-way.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, dryRunStrategy, fieldManagerFlag, type DryRun } from '../../flags/write.ts';
import { objectPrinter } from '../../printers/object-printer.ts';
import { selectTargets, type Target } from '../../resource/targets.ts';
import { goJsonSyntaxError } from '../../resource/yaml-decode.ts';
import { BadJsonPatch, PATCH_TYPES, parsePatch, readPatchText } from './body.ts';

interface Options {
  patch: string;
  patchFile: string;
  type: string;
  local: boolean;
  dryRun: DryRun;
  subresource: string;
}

export const patch = defineCommand<Options>({
  name: 'patch',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    ...FILENAME_FLAGS,
    { name: 'patch', shorthand: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'local', type: 'bool' },
    { name: 'record', type: 'bool' },
    { name: 'subresource', type: 'string' },
    fieldManagerFlag('kubectl-patch'),
  ],
  complete(inv) {
    const f = inv.flags;
    const dryRun = dryRunStrategy(inv);
    objectPrinter(inv, 'patched', dryRun); // PrintFlags.ToPrinter's -o check happens in Complete
    return {
      patch: f.string('patch'),
      patchFile: f.string('patch-file'),
      type: f.string('type'),
      local: f.bool('local'),
      dryRun,
      subresource: f.string('subresource'),
    };
  },
  validate(o, inv) {
    if (o.patch && o.patchFile) throw new CmdError('cannot specify --patch and --patch-file together');
    if (!o.patch && !o.patchFile) throw new CmdError('must specify --patch or --patch-file containing the contents of the patch');
    if (o.local && inv.args.length !== 0) throw new CmdError('cannot specify --local and server resources');
    if (o.local && o.dryRun === 'server') throw new CmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (o.type && !(o.type.toLowerCase() in PATCH_TYPES))
      throw new CmdError(`--type must be one of [json merge strategic], not ${JSON.stringify(o.type)}`);
  },
  async run(o, inv) {
    const type = o.type ? o.type.toLowerCase() : 'strategic';
    let body: unknown;
    let badJson: string | undefined;
    try {
      body = parsePatch(readPatchText(inv, o.patch, o.patchFile), o.patch);
    } catch (e) {
      if (!(e instanceof BadJsonPatch)) throw e;
      badJson = e.message;
    }
    const f = inv.flags;
    const sel = await selectTargets(inv, inv.args, { filenames: f.strings('filename'), recursive: f.bool('recursive'), fetch: !o.local });
    const errors: Error[] = [...sel.errors];
    let count = sel.targets.length;
    for (const t of sel.targets) {
      try {
        if (o.subresource && !o.local) t.obj = inv.rest().get<KObject>(subPath(t, o.subresource));
        if (!o.local && o.dryRun !== 'client') {
          if (badJson !== undefined) throw serverBadJson(badJson);
          const query: Record<string, string> = { fieldManager: f.string('field-manager') };
          if (o.dryRun === 'server') query.dryRun = 'All';
          const res = inv.rest().request({ method: 'PATCH', path: subPath(t, o.subresource), query, headers: { 'content-type': PATCH_TYPES[type] }, body });
          const patched = res.body as KObject;
          objectPrinter(inv, operation(!deepEqual(t.obj as never, patched as never)), 'none').print(patched);
          continue;
        }
        if (badJson !== undefined) throw new CmdError(goJsonMessage(badJson));
        const patched = applyLocally(type, t.obj!, body);
        objectPrinter(inv, operation(!deepEqual(t.obj as never, patched as never)), 'none').print(patched);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors);
    if (count === 0) throw new CmdError('no objects passed to patch');
  },
});
export default patch;

/**
 * patch.go's ToPrinter(operation) sets the name printer's operation after the dry-run suffix was
 * applied, so a dry run prints plain "patched" as kubectl does.
 */
function operation(changed: boolean): string {
  return changed ? 'patched' : 'patched (no change)';
}

function subPath(t: Target, subresource: string): string {
  return resourcePath(t.mapping, t.namespace || undefined, t.name) + (subresource ? `/${subresource}` : '');
}

/** getPatchedJSON: the same libraries the server uses, with kubectl's local wording. */
function applyLocally(type: string, obj: KObject, body: unknown): KObject {
  try {
    if (type === 'merge') return jsonMergePatch(obj, body) as KObject;
    if (type === 'json') return jsonPatch(obj, body) as KObject;
    return strategicMergePatch(obj, body) as KObject;
  } catch (e) {
    const msg = (e as Error).message;
    const i = msg.indexOf('doc is missing key');
    if (i >= 0 && type === 'json') throw new CmdError(`Object to be patched is missing field (${msg.slice(msg.indexOf('key:') + 5)})`);
    throw new CmdError(msg);
  }
}

/** encoding/json's SyntaxError text (without the decoder's offset). */
function goJsonMessage(text: string): string {
  return goJsonSyntaxError(text.trim()).replace(/^json: offset \d+: /, '');
}

/** The API server decodes the patch with encoding/json and answers 400 with its message. */
function serverBadJson(text: string): ApiStatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: goJsonMessage(text), reason: 'BadRequest', code: 400 };
  return new ApiStatusError(status);
}

