// kubectl edit (pkg/cmd/edit, pkg/cmd/util/editor/editoptions.go, normal edit mode): fetch the
// objects, write them (one, or a v1 List) as YAML with the header — or JSON without it, for
// -o json — to /tmp/kubectl-edit-<digits>.yaml, run the editor, read the file back. Unchanged:
// "Edit cancelled, no changes made.". Changed: a strategic merge patch from the original to the
// edited object per object, printed `service/web edited`. An object the server rejects as
// invalid reopens the file with the reasons at the top; saving it unchanged again ends the edit,
// keeping the file.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { AggregateError, ApiStatusError, CmdError, KubectlError } from '../../errors.ts';
import type { FlagDef } from '../../flags/index.ts';
import { goJson, printJson } from '../../printers/json.ts';
import { toYaml } from '../../printers/yaml.ts';
import { parseResourceArgs } from '../../resource/builder.ts';
import type { ApiResource } from '../../resource/discovery.ts';
import { resourcePath } from '../../resource/rest.ts';
import { validationDirective } from '../apply/index.ts';
import { addApplyAnnotation } from '../apply/last-applied.ts';
import { readManifests } from '../apply/manifests.ts';
import { FILENAME_FLAGS, PRINT_FLAGS, SAVE_CONFIG_FLAG, VALIDATE_FLAG, fieldManagerFlag } from '../create/flags.ts';
import { objectPrinter, type ObjectPrinter } from '../create/print.ts';
import { NO_RESOURCES } from '../create/targets.ts';
import { createTempFile } from '../diff/temp.ts';
import { hasLines, header, manualStrip, sameContent, type EditReason } from './file.ts';
import { launchEditor } from './launch.ts';
import { parseEdited, validateEdited, EditedSyntaxError } from './parse.ts';
import { twoWayPatch } from './patch.ts';

const FLAGS: readonly FlagDef[] = [
  ...PRINT_FLAGS,
  fieldManagerFlag('kubectl-edit'),
  ...FILENAME_FLAGS,
  { name: 'output-patch', type: 'bool' },
  SAVE_CONFIG_FLAG,
  { name: 'subresource', type: 'string' },
  VALIDATE_FLAG,
  { name: 'windows-line-endings', type: 'bool' },
];

export interface Info {
  mapping: ApiResource;
  namespace: string;
  name: string;
  object: KObject;
}

interface Results {
  reasons: EditReason[];
  retryable: number;
  notfound: number;
  edit: number;
  file: string;
}

const newResults = (file = ''): Results => ({ reasons: [], retryable: 0, notfound: 0, edit: 0, file });

export default defineCommand<Invocation>({
  name: 'edit',
  flags: FLAGS,
  complete: (inv) => inv,
  validate(_, inv) {
    const sub = inv.flags.string('subresource');
    if (sub && sub !== 'status') throw new CmdError(`invalid subresource value: ${JSON.stringify(sub)}. Must be one of [status]`);
  },
  async run(_, inv) {
    const validation = validationDirective(inv.flags.string('validate'));
    const infos = await originals(inv);
    if (infos.length === 0) throw new CmdError('edit cancelled, no objects found');
    return editLoop(inv, infos, validation !== 'Ignore');
  },
});

function subPath(inv: Invocation, info: { mapping: ApiResource; namespace: string; name: string }): string {
  const sub = inv.flags.string('subresource');
  const p = resourcePath(info.mapping, info.mapping.namespaced ? info.namespace : undefined, info.name);
  return sub ? `${p}/${sub}` : p;
}

/** The builder with ResourceTypeOrNameArgs(allowEmptySelector) or -f, then Latest(): every object from the server. */
async function originals(inv: Invocation): Promise<Info[]> {
  const filenames = inv.flags.strings('filename');
  const wanted: Array<{ mapping: ApiResource; namespace: string; name: string }> = [];
  const errors: Error[] = [];
  const infos: Info[] = [];
  if (filenames.length > 0) {
    const { items, errors: e } = await readManifests(inv, { filenames, recursive: inv.flags.bool('recursive'), validation: 'Ignore' });
    errors.push(...e);
    for (const m of items) wanted.push({ mapping: m.mapping, namespace: m.namespace, name: String(m.object.metadata.name ?? '') });
  } else {
    if (inv.args.length === 0) throw new CmdError(NO_RESOURCES);
    for (const r of parseResourceArgs(inv.args, inv.mapper())) {
      const namespace = r.mapping.namespaced ? inv.namespace : '';
      if (r.names.length > 0) {
        for (const name of r.names) wanted.push({ mapping: r.mapping, namespace, name });
        continue;
      }
      const list = inv.rest().get<{ items?: KObject[] }>(resourcePath(r.mapping, namespace || undefined));
      for (const item of list.items ?? [])
        wanted.push({ mapping: r.mapping, namespace: item.metadata.namespace ?? '', name: item.metadata.name ?? '' });
    }
  }
  for (const w of wanted) {
    try {
      // Info.Get: a NotFound in a namespace that does not exist names the namespace (getNamed).
      const object = inv.flags.string('subresource')
        ? inv.rest().get<KObject>(subPath(inv, w))
        : inv.rest().getNamed<KObject>(w.mapping, w.mapping.namespaced ? w.namespace : undefined, w.name);
      object.apiVersion ??= w.mapping.group ? `${w.mapping.group}/${w.mapping.version}` : w.mapping.version;
      object.kind ??= w.mapping.kind;
      infos.push({ ...w, object });
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
  return infos;
}

function withoutManagedFields(obj: KObject): KObject {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** The editor's printer: -o json or yaml (the default); any other format fails as kubectl's does. */
function editFormat(inv: Invocation): 'json' | 'yaml' {
  const o = inv.flags.has('output') ? inv.flags.string('output') : '';
  if (o === '' || o === 'yaml') return 'yaml';
  if (o === 'json') return 'json';
  throw new CmdError(`unable to match a printer suitable for the output format ${JSON.stringify(o)}, allowed formats are: json,yaml`);
}

/** preservedFile: say where the edits are kept, then fail with err. */
function preserved(inv: Invocation, err: Error, path: string): Error {
  if (path && inv.ctx.fs.exists(path)) inv.stderr.write(`A copy of your changes has been stored to ${JSON.stringify(path)}\n`);
  return err;
}

async function editLoop(inv: Invocation, infos: Info[], validate: boolean): Promise<number> {
  const fs = inv.ctx.fs;
  const plain = infos.map((i) => withoutManagedFields(i.object));
  const originalObj: KObject =
    plain.length === 1 ? plain[0] : { apiVersion: 'v1', kind: 'List', metadata: {}, items: plain };
  let results = newResults();
  let original = '';
  let edited = '';
  let file = '';
  let containsError = false;
  for (;;) {
    // An editor that changes the file every time reopens it forever: Ctrl+C must end the loop.
    if (inv.ctx.signal.aborted) return 130;
    let format: 'json' | 'yaml';
    try {
      format = editFormat(inv);
    } catch (e) {
      throw preserved(inv, e as Error, results.file);
    }
    let buf = format === 'yaml' ? header(results.reasons) : '';
    if (!containsError) {
      buf += format === 'yaml' ? toYaml(originalObj) : printJson(originalObj);
      original = buf;
    } else buf += manualStrip(edited);

    const editedBefore = edited;
    file = createTempFile(fs, 'kubectl-edit-', format === 'yaml' ? '.yaml' : '.json', buf);
    try {
      await launchEditor(inv.ctx, file);
      edited = fs.readFile(file);
    } catch (e) {
      throw preserved(inv, e as Error, results.file);
    }
    if (containsError && sameContent(editedBefore, edited))
      throw preserved(inv, new CmdError('Edit cancelled, no valid changes were saved.'), file);
    if (results.file && results.file !== file) fs.rm(results.file);

    // f.Validator: --validate=false is the NullSchema, anything else checks the file.
    const invalid = validate ? validateEdited(edited) : undefined;
    if (invalid !== undefined) {
      results = newResults(file);
      containsError = true;
      const head = `${resourceString(infos[0].mapping)} ${JSON.stringify(infos[0].name)} was not valid`;
      results.reasons.push({ head, other: [`<nil>: Invalid value: "The edited file failed validation": ${invalid}`] });
      inv.stderr.write(`error: ${resourceString(infos[0].mapping)} ${JSON.stringify(infos[0].name)} is invalid\n`);
      continue;
    }
    if (sameContent(original, edited)) {
      fs.rm(file);
      inv.stderr.write('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      fs.rm(file);
      inv.stderr.write('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    results = newResults(file);

    let updated: Info[];
    try {
      updated = parseEdited(inv, edited);
    } catch (e) {
      if (!(e instanceof EditedSyntaxError)) throw preserved(inv, e as Error, file);
      containsError = true;
      results.reasons.push({ head: `The edited file had a syntax error: ${e.message}`, other: [] });
      continue;
    }
    containsError = false;
    try {
      for (const u of updated) requireNamespace(inv, u);
      if (inv.flags.bool('save-config')) for (const u of updated) addApplyAnnotation(u.object);
      visitToPatch(inv, infos, updated, results);
    } catch (e) {
      throw preserved(inv, e as Error, results.file);
    }

    if (results.retryable > 0) {
      inv.stderr.write(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      return 1;
    }
    if (results.notfound > 0) {
      inv.stderr.write(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
      return 1;
    }
    if (results.edit === 0) {
      fs.rm(file);
      return 0;
    }
    if (results.reasons.length > 0) containsError = true;
  }
}

/** resource.RequireNamespace(cmdNamespace): an edited object may not move to another namespace. */
function requireNamespace(inv: Invocation, u: Info): void {
  if (!u.mapping.namespaced) return;
  if (u.namespace === '') {
    u.namespace = inv.namespace;
    u.object.metadata.namespace = inv.namespace;
  } else if (u.namespace !== inv.namespace)
    throw new CmdError(
      `the namespace from the provided object ${JSON.stringify(u.namespace)} does not match the namespace ${JSON.stringify(inv.namespace)}. You must pass '--namespace=${u.namespace}' to perform this operation.`,
    );
}

/** `services`, `deployments.apps`: how addError names a resource. */
function resourceString(m: ApiResource): string {
  return m.group ? `${m.name}.${m.group}` : m.name;
}

function visitToPatch(inv: Invocation, originals: Info[], updated: Info[], results: Results): void {
  let printer: ObjectPrinter | undefined;
  const print = (op: string, obj: KObject) => {
    const format = inv.flags.has('output') ? inv.flags.string('output') : '';
    printer = format === '' ? objectPrinter(inv, op, 'none') : (printer ?? objectPrinter(inv, op, 'none'));
    printer.print(obj);
  };
  for (const u of updated) {
    const uid = u.object.metadata.uid;
    const orig = originals.find((o) => o.object.metadata.uid === uid);
    if (!orig) throw new CmdError(`no original object found for ${goJson(u.object, '')}`);
    const before = withoutManagedFields(orig.object);
    const after = withoutManagedFields(u.object);
    const patch = twoWayPatch(before, after);
    if (patch === undefined) {
      print('skipped', u.object);
      continue;
    }
    if ('apiVersion' in patch || 'kind' in patch || 'managedFields' in patch || (isMap(patch.metadata) && 'name' in patch.metadata))
      throw new CmdError('At least one of apiVersion, kind and name was changed');
    if (inv.flags.bool('output-patch')) inv.stdout.write(`Patch: ${goJson(patch, '')}\n`);
    let patched: KObject;
    try {
      patched = inv.rest().request({
        method: 'PATCH',
        path: subPath(inv, orig),
        query: { fieldManager: inv.flags.string('field-manager'), fieldValidation: validationDirective(inv.flags.string('validate')) },
        headers: { 'content-type': 'application/strategic-merge-patch+json', accept: 'application/json' },
        body: patch,
      }).body as KObject;
    } catch (e) {
      if (!(e instanceof ApiStatusError)) throw e;
      inv.stderr.write(addError(results, e, orig) + '\n');
      continue;
    }
    print('edited', patched);
  }
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** editResults.addError. */
function addError(results: Results, err: ApiStatusError, info: Info): string {
  const res = resourceString(info.mapping);
  const name = JSON.stringify(info.name);
  if (err.reason === 'Invalid') {
    results.edit++;
    const other = (err.status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`);
    results.reasons.push({ head: `${res} ${name} was not valid`, other });
    return `error: ${res} ${name} is invalid`;
  }
  if (err.reason === 'NotFound') {
    results.notfound++;
    return `error: ${res} ${name} could not be found on the server`;
  }
  results.retryable++;
  return `error: ${res} ${name} could not be patched: ${err.message}`;
}
