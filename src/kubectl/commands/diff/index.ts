// kubectl diff -f (pkg/cmd/diff/diff.go): each object's live version and the version a
// client-side apply would produce (merged.ts) are written as YAML into two temporary directories,
// /tmp/LIVE-<digits> and /tmp/MERGED-<digits>, one file per object named
// `<group.>version.Kind.namespace.name`; then `diff -u -N LIVE MERGED` runs over them, or the
// command in KUBECTL_EXTERNAL_DIFF. The sandbox has no diff program: the default diff is computed
// here (unified.ts); an external one runs as a sandbox command. Exit status as kubectl's: 0 no
// differences, 1 differences, 2 (and more) errors — CheckDiffErr adds one to every error's code.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { parseLabelSelector } from '../../../cluster/apiserver/selectors/labels.ts';
import type { Output } from '../../../shell/program.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { ApiStatusError, CmdError, KubectlError } from '../../errors.ts';
import type { FlagDef } from '../../flags/index.ts';
import { toYaml } from '../../printers/yaml.ts';
import { resourcePath } from '../../resource/rest.ts';
import { readManifests, type Manifest } from '../apply/manifests.ts';
import { FILENAME_FLAGS } from '../create/flags.ts';
import { maskSecrets } from './mask.ts';
import { mergedObject } from './merged.ts';
import { makeTempDir } from './temp.ts';
import { diffDirectories } from './unified.ts';

const FLAGS: readonly FlagDef[] = [
  { name: 'concurrency', type: 'int', default: 1 },
  { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
  ...FILENAME_FLAGS,
  { name: 'force-conflicts', type: 'bool' },
  { name: 'prune', type: 'bool' },
  { name: 'prune-allowlist', type: 'stringArray' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'server-side', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
];

/** apply.WarnIfDeleting's warningChangesOnDeletingResource. */
const WARN_DELETING = (name: string) => `Warning: Detected changes to resource ${name} which is currently being deleted.\n`;

export default defineCommand<Invocation>({
  name: 'diff',
  flags: FLAGS,
  complete: (inv) => inv,
  async run(_, inv) {
    try {
      return await runDiff(inv);
    } catch (e) {
      // cmdutil.CheckDiffErr: kubectl's own errors exit with 2, not 1 (1 means "differences").
      if (e instanceof KubectlError) e.exitCode = Math.max(e.exitCode, 1) + 1;
      throw e;
    }
  },
});

async function runDiff(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const filenames = f.strings('filename');
  // Complete checks the arguments before Validate checks -f.
  if (inv.args.length > 0) throw inv.usageError(`Unexpected args: [${inv.args.join(' ')}]`);
  if (filenames.length === 0 && f.string('kustomize') === '') throw new CmdError('must specify one of -f and -k');
  if (f.bool('force-conflicts') && !f.bool('server-side')) throw new CmdError('--force-conflicts only works with --server-side');
  if (f.string('kustomize')) throw new CmdError('-k (kustomize) is not available in this sandbox; use -f');
  if (f.bool('server-side')) throw new CmdError('--server-side is not available in this sandbox; kubectl diff uses client-side apply by default');
  if (f.bool('prune')) throw new CmdError('--prune is not available in this sandbox');

  const { items, errors } = await readManifests(inv, { filenames, recursive: f.bool('recursive'), validation: 'Strict' });
  if (errors.length > 0) throw errors[0];
  const fs = inv.ctx.fs;
  const from = makeTempDir(fs, 'LIVE-');
  const to = makeTempDir(fs, 'MERGED-');
  try {
    for (const m of selected(inv, items)) writeVersions(inv, m, from, to);
    return await runDiffProgram(inv, from, to);
  } finally {
    fs.rm(from, { recursive: true });
    fs.rm(to, { recursive: true });
  }
}

/** LabelSelectorParam over the objects read from files. */
function selected(inv: Invocation, items: Manifest[]): Manifest[] {
  const text = inv.flags.string('selector');
  if (!text) return items;
  const parsed = parseLabelSelector(text);
  if (!parsed.ok) throw new CmdError(parsed.error);
  return items.filter((m) => parsed.value.matches(m.object.metadata.labels ?? {}));
}

/** InfoObject.Name(): `apps.v1.Deployment.default.web`, `v1.Namespace..dev`. */
function fileName(m: Manifest): string {
  const group = m.mapping.group ? `${m.mapping.group}.` : '';
  return `${group}${m.mapping.version}.${m.mapping.kind}.${m.namespace}.${m.object.metadata.name ?? ''}`;
}

function writeVersions(inv: Invocation, m: Manifest, from: string, to: string): void {
  let live: KObject | undefined;
  // client-go's Request.Name("") fails before any request is sent (else this would GET the list).
  if (!m.object.metadata.name) throw new CmdError('resource name may not be empty');
  try {
    live = inv.rest().get<KObject>(resourcePath(m.mapping, m.mapping.namespaced ? m.namespace : undefined, String(m.object.metadata.name ?? '')));
  } catch (e) {
    if (!(e instanceof ApiStatusError && e.reason === 'NotFound')) throw e;
  }
  let merged: KObject | undefined = mergedObject(inv, m, live, inv.flags.string('field-manager'));
  let before = live;
  if (!inv.flags.bool('show-managed-fields')) [before, merged] = [withoutManagedFields(before), withoutManagedFields(merged)];
  // A Secret goes through the Masker, whose From()/To() are never nil: an absent version is an
  // Unstructured with a nil map, which the printer writes as `null`.
  const secret = merged?.apiVersion === 'v1' && merged.kind === 'Secret';
  if (secret) [before, merged] = maskSecrets(before, merged);
  const absent = secret ? 'null\n' : '';
  const name = fileName(m);
  inv.ctx.fs.writeFile(`${from}/${name}`, before ? toYaml(before) : absent);
  inv.ctx.fs.writeFile(`${to}/${name}`, merged ? toYaml(merged) : absent);
  if (live?.metadata.deletionTimestamp) inv.stderr.write(WARN_DELETING(String(live.metadata.name ?? '')));
}

function withoutManagedFields(obj: KObject | undefined): KObject | undefined {
  if (!obj?.metadata?.managedFields) return obj;
  const { managedFields: _, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** DiffProgram.Run: `diff -u -N from to`, or KUBECTL_EXTERNAL_DIFF (its extra words kept only when plain). */
async function runDiffProgram(inv: Invocation, from: string, to: string): Promise<number> {
  const external = inv.ctx.env.KUBECTL_EXTERNAL_DIFF ?? '';
  if (external === '') {
    const { text, status } = diffDirectories(inv.ctx.fs, from, to);
    inv.stdout.write(text);
    return status;
  }
  const words = external.split(' ');
  const program = words[0];
  const argv = [program, from, to, ...words.slice(1).filter((w) => /^[a-zA-Z0-9-=]+$/.test(w))];
  if (!inv.ctx.exec) throw new CmdError(`failed to run ${JSON.stringify(program)}: executable file not found in $PATH`);
  const stderr = captured(inv.stderr);
  const status = await inv.ctx.exec(argv, { stdout: inv.stdout, stderr });
  if (status === 127 && /command not found|No such file or directory/.test(stderr.text))
    throw new CmdError(`failed to run ${JSON.stringify(program)}: executable file not found in $PATH`);
  stderr.flush();
  if (status <= 1) return status;
  throw new CmdError(`failed to run ${JSON.stringify(program)}: exit status ${status}`);
}

/** Holds a child's stderr until we know whether it only says "command not found". */
function captured(out: Output): Output & { text: string; flush(): void } {
  const o = {
    text: '',
    isTTY: out.isTTY,
    write: (s: string) => void (o.text += s),
    flush: () => out.write(o.text),
  };
  return o;
}
