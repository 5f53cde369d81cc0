// kubectl set env (pkg/cmd/set/set_env.go, pkg/cmd/set/env/env_parse.go): KEY=VAL and KEY- on
// the selected containers, -e, `-` for stdin, --from a ConfigMap or Secret, --list.

import { defineCommand, type Invocation } from '../../command.ts';
import { AggregateError, CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, dryRunStrategy, fieldManagerFlag, type DryRun } from '../../flags/write.ts';
import { objectPrinter, type ObjectPrinter } from '../../printers/object-printer.ts';
import { selectTargets, type Target } from '../../resource/targets.ts';
import { patchAll } from './patches.ts';
import { podSpecOf, selectString, type Container, type EnvVar } from '../../polymorphic/podspec.ts';

interface Options {
  dryRun: DryRun;
  printer: ObjectPrinter;
  resources: string[];
  envArgs: string[];
  containers: string;
  list: boolean;
  local: boolean;
  overwrite: boolean;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

export const env = defineCommand<Options>({
  name: 'env',
  flags: [
    ...FILENAME_FLAGS,
    { name: 'containers', shorthand: 'c', type: 'string', default: '*' },
    { name: 'from', type: 'string' },
    { name: 'prefix', type: 'string' },
    { name: 'env', shorthand: 'e', type: 'stringArray' },
    { name: 'keys', type: 'stringSlice' },
    { name: 'list', type: 'bool' },
    { name: 'resolve', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'overwrite', type: 'bool', default: true },
    fieldManagerFlag('kubectl-set'),
    { name: 'selector', shorthand: 'l', type: 'string' },
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
  ],
  complete(inv) {
    const f = inv.flags;
    if (f.bool('all') && f.string('selector')) throw new CmdError('cannot set --all and --selector at the same time');
    const split = splitEnvironmentFromResources(inv.args);
    if (!split) throw new CmdError(`all resources must be specified before environment changes: ${inv.args.join(' ')}`);
    const dryRun = dryRunStrategy(inv);
    return {
      dryRun,
      printer: objectPrinter(inv, 'env updated', dryRun),
      ...split,
      containers: f.string('containers'),
      list: f.bool('list'),
      local: f.bool('local'),
      overwrite: f.bool('overwrite'),
    };
  },
  validate(o, inv) {
    const f = inv.flags;
    if (o.local && o.dryRun === 'server') throw new CmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (f.strings('filename').length === 0 && o.resources.length < 1)
      throw new CmdError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (o.list && f.string('output')) throw new CmdError('--list and --output may not be specified together');
    if (f.strings('keys').length > 0 && !f.string('from')) throw new CmdError('when specifying --keys, a configmap or secret must be provided with --from');
  },
  async run(o, inv) {
    const f = inv.flags;
    const { env: vars, remove } = await parseEnv(inv, [...f.strings('env'), ...o.envArgs]);
    if (f.string('from')) vars.push(...(await fromSource(inv, o, f.string('from'), f.strings('keys'))));
    const prefix = f.string('prefix');
    if (prefix) for (const v of vars) v.name = prefix + v.name;

    const sel = await selectTargets(inv, o.local ? [] : o.resources, {
      filenames: f.strings('filename'),
      recursive: f.bool('recursive'),
      selector: o.local ? undefined : f.string('selector'),
      all: !o.local && f.bool('all'),
      fetch: !o.local,
    });
    if (sel.errors.length > 0) throw new AggregateError(sel.errors);

    const mutate = (obj: KObject) => {
      const spec = podSpecOf(obj);
      const selected = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].filter((c) => selectString(c.name, o.containers));
      // Init containers come after the others (selectContainers(containers) + init).
      if (selected.length === 0) {
        inv.stderr.write(`Warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(o.containers)}\n`);
        return;
      }
      for (const c of selected) {
        if (!o.overwrite) noOverwrites(c.env ?? [], vars);
        c.env = updateEnv(c.env ?? [], vars, remove);
        if (c.env.length === 0) delete c.env;
        if (o.list) listEnv(inv, obj, c);
      }
    };
    if (o.list) {
      for (const t of sel.targets) mutate(structuredClone(t.obj!));
      return;
    }
    patchAll(inv, sel.targets, { dryRun: o.dryRun, local: o.local, printer: o.printer, failure: 'failed to patch env update to pod template', errors: [], mutate });
  },
});

/** env.SplitEnvironmentFromResources; undefined when a resource follows an env arg. */
function splitEnvironmentFromResources(args: string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = /^.+=/s.test(s) || s.endsWith('-');
    if (isEnv) envArgs.push(s);
    else if (envArgs.length === 0) resources.push(s);
    else return undefined;
  }
  return { resources, envArgs };
}

async function parseEnv(inv: Invocation, specs: string[]): Promise<{ env: EnvVar[]; remove: string[] }> {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const exists = new Set<string>();
  for (const s of specs) {
    if (s === '-') {
      for (let line of (await inv.ctx.stdin.readAll()).split('\n')) {
        const hash = line.indexOf('#');
        if (hash >= 0) line = line.slice(0, hash);
        const eq = line.indexOf('=');
        if (eq >= 0) env.push({ name: line.slice(0, eq), value: line.slice(eq + 1) });
      }
    } else if (s.includes('=')) {
      const name = s.slice(0, s.indexOf('='));
      if (!ENV_NAME.test(name)) throw new CmdError(`${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_MSG}`);
      exists.add(name);
      env.push({ name, value: s.slice(s.indexOf('=') + 1) });
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else throw new CmdError(`unknown environment variable: ${s}`);
  }
  for (const r of remove) if (exists.has(r)) throw new CmdError('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** --from configmap/NAME or secret/NAME: one valueFrom reference per key (keys sorted). */
async function fromSource(inv: Invocation, o: Options, from: string, keys: string[]): Promise<EnvVar[]> {
  const sel = await selectTargets(inv, [from], { fetch: true });
  if (sel.errors.length > 0) throw new AggregateError(sel.errors);
  const out: EnvVar[] = [];
  for (const t of sel.targets) {
    const obj = t.obj!;
    const ref = obj.kind === 'Secret' ? 'secretKeyRef' : obj.kind === 'ConfigMap' ? 'configMapKeyRef' : undefined;
    if (!ref) throw new CmdError('unsupported resource specified in --from');
    for (const key of Object.keys((obj.data as Record<string, string> | undefined) ?? {}).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      const name = key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
      if (name !== key) inv.stderr.write(`Warning: key ${key} transferred to ${name}\n`);
      out.push({ name, valueFrom: { [ref]: { key, name: obj.metadata.name! } } });
    }
  }
  void o;
  return out;
}

function noOverwrites(existing: EnvVar[], env: EnvVar[]): void {
  for (const e of env) {
    const cur = existing.find((x) => x.name === e.name);
    if (cur && cur.value !== e.value) throw new CmdError(`'${cur.name}' already has a value (${cur.value ?? ''}), and --overwrite is false`);
  }
}

/** set/helper.go updateEnv: replace in place, drop removed, append new. */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((x) => x.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

function listEnv(inv: Invocation, obj: KObject, c: Container): void {
  let text = `# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n`;
  for (const e of c.env ?? []) text += e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`;
  inv.stdout.write(text);
}

function refString(from: NonNullable<EnvVar['valueFrom']>): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const c = from.resourceFieldRef.containerName;
    return `resource field ${c ? `${c}/` : ''}${from.resourceFieldRef.resource}`;
  }
  return 'invalid valueFrom';
}
