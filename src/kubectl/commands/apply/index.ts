// kubectl apply -f (pkg/cmd/apply/apply.go, client-side apply): each object is created when it
// does not exist (with the last-applied annotation), else patched with a three-way strategic
// merge patch computed against that annotation; an empty patch prints `unchanged`. Errors of one
// object do not stop the others: they are printed together at the end, exit code 1.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { AggregateError, ApiStatusError, CmdError, KubectlError } from '../../errors.ts';
import type { FlagDef } from '../../flags/index.ts';
import { resourcePath } from '../../resource/rest.ts';
import { DRY_RUN_FLAG, dryRunStrategy, FILENAME_FLAGS, PRINT_FLAGS, VALIDATE_FLAG, type DryRun } from '../create/flags.ts';
import { objectPrinter, type ObjectPrinter } from '../create/print.ts';
import { addApplyAnnotation, LAST_APPLIED, modifiedConfiguration, originalConfiguration, pruneNulls } from './last-applied.ts';
import { readManifests, type Manifest, type ManifestOptions } from './manifests.ts';
import { threeWayMergePatch } from './three-way.ts';
import { viewLastApplied } from './view-last-applied.ts';

export const APPLY_FLAGS: readonly FlagDef[] = [
  ...PRINT_FLAGS,
  ...FILENAME_FLAGS,
  DRY_RUN_FLAG,
  VALIDATE_FLAG,
  { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
  { name: 'all', type: 'bool' },
  { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
  { name: 'force', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'openapi-patch', type: 'bool', default: true },
  { name: 'overwrite', type: 'bool', default: true },
  { name: 'prune', type: 'bool' },
  { name: 'prune-allowlist', type: 'stringArray' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'server-side', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'timeout', type: 'duration' },
  { name: 'wait', type: 'bool' },
];

interface ApplyOptions {
  manifests: ManifestOptions;
  dryRun: DryRun;
  fieldManager: string;
  printer: ObjectPrinter;
}

/** cmdutil.GetValidationDirective. */
export function validationDirective(v: string): ManifestOptions['validation'] {
  switch (v.toLowerCase()) {
    case 'strict':
    case 'true':
    case '1':
    case 't':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
    case '0':
    case 'f':
      return 'Ignore';
  }
  throw new CmdError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

export default defineCommand<ApplyOptions>({
  name: 'apply',
  flags: APPLY_FLAGS,
  subcommands: [viewLastApplied],
  complete(inv) {
    const dryRun = dryRunStrategy(inv);
    const validation = validationDirective(inv.flags.string('validate'));
    if (inv.args.length > 0) throw inv.usageError(`Unexpected args: [${inv.args.join(' ')}]`);
    return {
      manifests: { filenames: inv.flags.strings('filename'), recursive: inv.flags.bool('recursive'), validation },
      dryRun,
      fieldManager: inv.flags.string('field-manager'),
      printer: objectPrinter(inv, 'created', dryRun),
    };
  },
  validate(o, inv) {
    const f = inv.flags;
    if (o.manifests.filenames.length === 0 && f.string('kustomize') === '') throw new CmdError('must specify one of -f and -k');
    if (f.bool('force-conflicts') && !f.bool('server-side')) throw new CmdError('--force-conflicts only works with --server-side');
    if (o.dryRun === 'client' && f.bool('server-side'))
      throw new CmdError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
    if (f.bool('all') && f.string('selector')) throw new CmdError('cannot set --all and --selector at the same time');
    if (f.bool('prune') && !f.bool('all') && !f.string('selector'))
      throw new CmdError(
        'all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector',
      );
    if (f.string('kustomize')) throw new CmdError('-k (kustomize) is not available in this sandbox; use -f');
    if (f.bool('server-side')) throw new CmdError('--server-side is not available in this sandbox; use client-side apply (the default)');
    if (f.bool('prune')) throw new CmdError('--prune is not available in this sandbox');
  },
  async run(o, inv) {
    const { items, errors } = await readManifests(inv, o.manifests);
    if (items.length === 0 && errors.length === 0) throw new CmdError('no objects passed to apply');
    const printers = printersFor(inv, o);
    for (const m of items) {
      try {
        applyOne(inv, o, m, printers);
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        errors.push(e);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors);
  },
});

/** One printer per operation word, sharing `---` state for -o yaml as kubectl's printer does. */
function printersFor(inv: Invocation, o: ApplyOptions) {
  const format = o.printer.format;
  const byOp = new Map<string, ObjectPrinter>();
  const get = (op: string) => {
    if (format !== '' && format !== 'name') return o.printer; // -o yaml|json: the object, no words
    let p = byOp.get(op);
    if (!p) byOp.set(op, (p = objectPrinter(inv, op, o.dryRun)));
    return p;
  };
  return { get, printsObject: format !== '' && format !== 'name' };
}

function query(o: ApplyOptions): Record<string, string> {
  const q: Record<string, string> = { fieldManager: o.fieldManager, fieldValidation: o.manifests.validation };
  if (o.dryRun === 'server') q.dryRun = 'All';
  return q;
}

/** cmdutil.AddSourceToErr. */
function withSource(verb: string, source: string, e: unknown): unknown {
  if (e instanceof ApiStatusError) {
    const status = structuredClone(e.status);
    status.message = `error when ${verb} ${JSON.stringify(source)}: ${status.message ?? ''}`;
    return new ApiStatusError(status);
  }
  if (e instanceof KubectlError) return new CmdError(`error when ${verb} ${JSON.stringify(source)}: ${e.message}`);
  return e;
}

/** resource.Info.String(), as patch errors quote it. */
function infoString(m: Manifest): string {
  const r = m.mapping;
  const gv = `${r.group}/${r.version}`;
  return `Resource: "${gv}, Resource=${r.name}", GroupVersionKind: "${gv}, Kind=${r.kind}"\nName: "${m.object.metadata.name ?? ''}", Namespace: "${m.namespace}"`;
}

function applyOne(inv: Invocation, o: ApplyOptions, m: Manifest, printers: ReturnType<typeof printersFor>): void {
  const rest = inv.rest();
  const name = String(m.object.metadata.name ?? '');
  const ns = m.mapping.namespaced ? m.namespace : undefined;
  const modified = modifiedConfiguration(m.object);
  let live: KObject | undefined;
  try {
    // client-go's Request.Name("") fails before any request is sent.
    if (name === '') throw new CmdError('resource name may not be empty');
    live = rest.get<KObject>(resourcePath(m.mapping, ns, name));
  } catch (e) {
    if (!(e instanceof ApiStatusError && e.reason === 'NotFound'))
      throw withSource(`retrieving current configuration of:\n${infoString(m)}\nfrom server for:`, m.source, e);
  }

  if (!live) {
    let obj = structuredClone(m.object);
    addApplyAnnotation(obj);
    pruneNulls(obj);
    if (o.dryRun !== 'client') {
      try {
        obj = rest.request({
          method: 'POST',
          path: resourcePath(m.mapping, ns),
          query: query(o),
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: obj,
        }).body as KObject;
      } catch (e) {
        throw withSource('creating', m.source, e);
      }
    }
    printers.get('created').print(obj);
    return;
  }

  if (o.dryRun === 'client') {
    printers.get('configured').print(printers.printsObject ? live : m.object);
    return;
  }
  if (!live.metadata.annotations?.[LAST_APPLIED])
    inv.stderr.write(
      `Warning: resource ${m.mapping.name}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  const original = originalConfiguration(live) ?? {};
  const patch = threeWayMergePatch(original, modified as unknown as Record<string, unknown>, live as unknown as Record<string, unknown>);
  if (Object.keys(patch).length === 0) {
    printers.get('unchanged').print(live);
    return;
  }
  let patched: KObject;
  try {
    patched = rest.request({
      method: 'PATCH',
      path: resourcePath(m.mapping, ns, name),
      query: query(o),
      headers: { 'content-type': 'application/strategic-merge-patch+json', accept: 'application/json' },
      body: patch,
    }).body as KObject;
  } catch (e) {
    throw withSource(`applying patch:\n${JSON.stringify(patch)}\nto:\n${infoString(m)}\nfor:`, m.source, e);
  }
  printers.get('configured').print(patched);
}
