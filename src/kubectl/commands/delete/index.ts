// kubectl delete (pkg/cmd/delete/delete.go, delete_flags.go): by name, type/name, -l, --all,
// --all-namespaces or -f; grace period, --now, --force with its warning, --cascade, and --wait,
// which polls the API on the sandbox clock until every deleted object is gone.

import { defineCommand, type Invocation } from '../../command.ts';
import { AggregateError, ApiStatusError, CmdError } from '../../errors.ts';
import { resourcePath } from '../../resource/rest.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, dryRunStrategy, type DryRun } from '../../flags/write.ts';
import { sourceError } from '../../resource/source-error.ts';
import { selectTargets, type Target } from '../../resource/targets.ts';
import { deleteLine } from './delete-one.ts';

interface Options {
  dryRun: DryRun;
  gracePeriod: number;
  cascade: string;
  ignoreNotFound: boolean;
  output: string;
}

const POLL_MS = 1000;

export const deleteCommand = defineCommand<Options>({
  name: 'delete',
  flags: [
    DRY_RUN_FLAG,
    ...FILENAME_FLAGS,
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
    { name: 'field-selector', type: 'string' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'interactive', shorthand: 'i', type: 'bool' },
    { name: 'now', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
    { name: 'raw', type: 'string' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'timeout', type: 'duration' },
    { name: 'wait', type: 'bool', default: true },
  ],
  complete(inv) {
    const f = inv.flags;
    const cascade = parseCascade(inv, f.string('cascade'));
    let ignoreNotFound = f.bool('ignore-not-found');
    if ((f.bool('all') || f.string('selector') || f.string('field-selector')) && !f.changed('ignore-not-found')) ignoreNotFound = true;
    let gracePeriod = f.int('grace-period');
    if (f.bool('now')) {
      if (gracePeriod !== -1) throw new CmdError('--now and --grace-period cannot be specified together');
      gracePeriod = 1;
    }
    if (gracePeriod === 0 && !f.bool('force')) gracePeriod = 1;
    if (f.bool('force') && gracePeriod < 0) gracePeriod = 0;
    const dryRun = dryRunStrategy(inv);
    if (f.bool('all') && f.string('selector')) throw new CmdError("setting 'all' parameter but found a non empty selector. ");
    return { dryRun, gracePeriod, cascade, ignoreNotFound, output: f.string('output') };
  },
  validate(o, inv) {
    if (o.output !== '' && o.output !== 'name') throw new CmdError(`unexpected -o output mode: ${o.output}. We only support '-o name'`);
    if (inv.flags.bool('all') && inv.flags.string('field-selector')) throw new CmdError('cannot set --all and --field-selector at the same time');
    if (o.gracePeriod === 0 && inv.flags.bool('force'))
      inv.stderr.write(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    else if (o.gracePeriod > 0 && inv.flags.bool('force')) throw new CmdError('--force and --grace-period greater than 0 cannot be specified together');
    if (inv.flags.string('raw')) throw new CmdError('--raw is not available in this sandbox');
    if (inv.flags.bool('interactive')) throw new CmdError('--interactive is not available in this sandbox');
  },
  async run(o, inv) {
    const f = inv.flags;
    const sel = await selectTargets(inv, inv.args, {
      filenames: f.strings('filename'),
      recursive: f.bool('recursive'),
      selector: f.string('selector'),
      fieldSelector: f.string('field-selector'),
      all: f.bool('all'),
      allNamespaces: f.bool('all-namespaces'),
    });
    const errors = sel.errors.filter((e) => !(o.ignoreNotFound && isNotFound(e)));
    let warnClusterScope = inv.explicitNamespace && !f.bool('all-namespaces');
    const deleted: Array<{ t: Target; uid?: string }> = [];
    let found = 0;
    for (const t of sel.targets) {
      found++;
      if (warnClusterScope && !t.mapping.namespaced) {
        inv.stderr.write('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
        warnClusterScope = false;
      }
      const line = deleteLine(
        { kind: t.mapping.kind, group: t.mapping.group, name: t.name, namespace: t.namespace, namespaced: t.mapping.namespaced },
        o,
      );
      if (o.dryRun === 'client') {
        inv.stdout.write(line);
        continue;
      }
      const body: Record<string, unknown> = { propagationPolicy: cascadeName(o.cascade) };
      if (o.gracePeriod >= 0) body.gracePeriodSeconds = o.gracePeriod;
      const query: Record<string, string> = o.dryRun === 'server' ? { dryRun: 'All' } : {};
      try {
        const res = inv.rest().request({ method: 'DELETE', path: resourcePath(t.mapping, t.namespace || undefined, t.name), query, body });
        const b = res.body as { kind?: string; metadata?: { uid?: string }; details?: { uid?: string } };
        deleted.push({ t, uid: b?.kind === 'Status' ? b.details?.uid : b?.metadata?.uid });
        inv.stdout.write(line);
      } catch (e) {
        found--;
        if (o.ignoreNotFound && isNotFound(e)) continue;
        errors.push(e instanceof ApiStatusError ? sourceError('deleting', t.source, e) : (e as Error));
      }
    }
    if (errors.length > 0) throw new AggregateError(errors);
    if (found === 0 && sel.targets.length === 0) {
      inv.stdout.write('No resources found\n');
      return;
    }
    if (!f.bool('wait') || o.dryRun !== 'none') return;
    await waitForDeletion(inv, deleted, f.duration('timeout') || 168 * 3_600_000);
  },
});

async function waitForDeletion(inv: Invocation, deleted: Array<{ t: Target; uid?: string }>, timeoutMs: number): Promise<void> {
  let pending = deleted;
  let waited = 0;
  for (;;) {
    pending = pending.filter(({ t, uid }) => {
      try {
        const obj = inv.rest().get<{ metadata?: { uid?: string } }>(resourcePath(t.mapping, t.namespace || undefined, t.name));
        return !uid || obj.metadata?.uid === uid;
      } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
      }
    });
    if (pending.length === 0) return;
    if (waited >= timeoutMs) {
      const t = pending[0].t;
      throw new CmdError(`timed out waiting for the condition on ${t.mapping.name}/${t.name}`);
    }
    await inv.ctx.sleep(POLL_MS);
    waited += POLL_MS;
  }
}

function isNotFound(e: unknown): boolean {
  return e instanceof ApiStatusError && e.reason === 'NotFound';
}

function parseCascade(inv: Invocation, v: string): string {
  if (['orphan', 'foreground', 'background'].includes(v)) return v;
  const b = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v) ? false : undefined;
  if (b === undefined) throw new CmdError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
  const repl = b ? 'background' : 'orphan';
  inv.stderr.write(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${repl}.\n`);
  return repl;
}

function cascadeName(c: string): string {
  return c[0].toUpperCase() + c.slice(1);
}
export default deleteCommand;
