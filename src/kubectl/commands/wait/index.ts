// kubectl wait (pkg/cmd/wait): for each object, check the condition, then watch it until the
// condition holds, the object is deleted (--for=delete), or --timeout (default 30s) runs out.
// Time passes through ctx.sleep, so the sandbox clock moves the cluster on while we wait.

import type { KObject, WatchEvent } from '../../../cluster/apiserver/types.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { AggregateError, ApiStatusError, CmdError } from '../../errors.ts';
import { parseResourceArgs } from '../../resource/builder.ts';
import type { ApiResource } from '../../resource/discovery.ts';
import { kindGroup } from '../../resource/mapper.ts';
import { resourcePath } from '../../resource/rest.ts';
import { manifestOptions, readManifests } from '../../resource/manifests.ts';
import { parseCondition, type Condition } from './conditions.ts';

const STEP_MS = 100;
const WEEK_MS = 168 * 3600 * 1000;

interface WaitOptions {
  condition: Condition;
  timeoutMs: number;
}

interface Target {
  mapping: ApiResource;
  namespace: string;
  name: string;
}

export default defineCommand<WaitOptions>({
  name: 'wait',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'field-selector', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'for', type: 'stringArray' },
    { name: 'local', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
    { name: 'recursive', shorthand: 'R', type: 'bool', default: true },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
    { name: 'timeout', type: 'duration', default: 30_000 },
  ],
  complete(inv) {
    const fors = inv.flags.strings('for');
    if (fors.length > 1) throw new CmdError('multiple --for conditions are not available in this sandbox');
    const condition = parseCondition(fors[0] ?? '');
    if (inv.args.length === 0 && inv.flags.strings('filename').length === 0)
      throw new CmdError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    const t = inv.flags.duration('timeout');
    return { condition, timeoutMs: t < 0 ? WEEK_MS : t };
  },
  async run(o, inv) {
    const targets = await findTargets(inv, o.condition.kind === 'delete');
    if (targets.length === 0 && o.condition.kind !== 'delete') throw new CmdError('no matching resources found');
    let waited = 0;
    for (const t of targets) {
      waited = await waitOne(inv, t, o, waited);
      inv.stdout.write(`${kindGroup(t.mapping)}/${t.name} condition met\n`);
    }
  },
});

async function findTargets(inv: Invocation, forDelete: boolean): Promise<Target[]> {
  const rest = inv.rest();
  const out: Target[] = [];
  const errors: Error[] = [];
  const all = inv.flags.bool('all');
  const selector = inv.flags.string('selector');
  const fieldSelector = inv.flags.string('field-selector');
  const allNs = inv.flags.bool('all-namespaces');
  if (inv.flags.strings('filename').length) {
    const read = await readManifests(inv, manifestOptions(inv, 'Ignore'));
    errors.push(...read.errors);
    for (const m of read.items) out.push({ mapping: m.mapping, namespace: m.namespace, name: String(m.object.metadata.name ?? '') });
  }
  for (const req of parseResourceArgs(inv.args, inv.mapper())) {
    if (req.names.length === 0) {
      if (!all && !selector && !fieldSelector) throw new CmdError(`resource(s) were provided, but no name was specified`);
      const q: Record<string, string> = {};
      if (selector) q.labelSelector = selector;
      if (fieldSelector) q.fieldSelector = fieldSelector;
      const list = rest.list<{ items?: KObject[] }>(req.mapping, allNs ? undefined : inv.namespace, q);
      for (const obj of list.items ?? []) out.push({ mapping: req.mapping, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '' });
      continue;
    }
    for (const name of req.names) {
      // The builder fetches each named object first; a missing one is an error, except that
      // --for=delete ignores NotFound (Result.IgnoreErrors): nothing to wait for, nothing printed.
      try {
        rest.getNamed(req.mapping, req.mapping.namespaced ? inv.namespace : undefined, name);
        out.push({ mapping: req.mapping, namespace: inv.namespace, name });
      } catch (e) {
        if (!(e instanceof ApiStatusError)) throw e;
        if (!(forDelete && e.reason === 'NotFound')) errors.push(e);
      }
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
  return out;
}

/** Waits for one object; returns the total time waited so far (the timeout spans all objects). */
async function waitOne(inv: Invocation, t: Target, o: WaitOptions, waited: number): Promise<number> {
  const rest = inv.rest();
  const path = resourcePath(t.mapping, t.mapping.namespaced ? t.namespace : undefined, t.name);
  const timeoutErr = () => new CmdError(`timed out waiting for the condition on ${t.mapping.name}/${t.name}`);
  let current: KObject | undefined;
  try {
    current = rest.get<KObject>(path);
  } catch (e) {
    if (!(e instanceof ApiStatusError && e.reason === 'NotFound')) throw e;
  }
  const c = o.condition;
  if (c.kind === 'delete' && !current) return waited;
  if (c.kind === 'create' && current) return waited;
  if (c.kind === 'check' && current && c.check(current)) return waited;
  if (o.timeoutMs === 0) {
    if (c.kind === 'check' && !current) throw new ApiStatusError(notFound(t));
    throw new CmdError(`condition not met for ${t.mapping.name}/${t.name}`);
  }
  if (c.kind === 'check' && !current) throw new ApiStatusError(notFound(t));
  const queue: WatchEvent[] = [];
  const handle = rest.watch(
    { method: 'GET', path: resourcePath(t.mapping, t.mapping.namespaced ? t.namespace : undefined), query: { watch: 'true', fieldSelector: `metadata.name=${t.name}` } },
    (e) => void queue.push(e),
  );
  try {
    for (;;) {
      while (queue.length) {
        const e = queue.shift()!;
        if (c.kind === 'delete' && e.type === 'DELETED') return waited;
        if (c.kind === 'create' && (e.type === 'ADDED' || e.type === 'MODIFIED')) return waited;
        if (c.kind === 'check' && (e.type === 'ADDED' || e.type === 'MODIFIED') && c.check(e.object)) return waited;
      }
      if (waited >= o.timeoutMs) throw timeoutErr();
      const step = Math.min(STEP_MS, o.timeoutMs - waited);
      await inv.ctx.sleep(step);
      waited += step;
    }
  } finally {
    handle.stop();
  }
}

function notFound(t: Target) {
  const r = t.mapping.group ? `${t.mapping.name}.${t.mapping.group}` : t.mapping.name;
  return {
    kind: 'Status' as const,
    apiVersion: 'v1' as const,
    metadata: {},
    status: 'Failure' as const,
    message: `${r} "${t.name}" not found`,
    reason: 'NotFound' as const,
    details: { name: t.name, group: t.mapping.group, kind: t.mapping.name },
    code: 404,
  };
}
