// set/helper.go CalculatePatches and the shared run loop of `set image` / `set env`: change a copy
// of each object, send the two-way strategic merge patch, print the result; objects that did not
// change are skipped silently, per-object failures are collected as kubectl collects them.

import type { Invocation } from '../../command.ts';
import { AggregateError, CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { resourcePath } from '../../resource/rest.ts';
import type { DryRun } from '../../flags/write.ts';
import type { ObjectPrinter } from '../../printers/object-printer.ts';
import type { Target } from '../../resource/targets.ts';
import { twoWayPatch } from '../edit/patch.ts';

export interface PatchRun {
  dryRun: DryRun;
  local: boolean;
  printer: ObjectPrinter;
  /** `failed to patch image update to pod template`. */
  failure: string;
  /** Change obj in place; throw to fail this object. */
  mutate(obj: KObject): void;
  /** Errors to report after all objects (kubectl's allErrs). */
  errors: Error[];
}

export function patchAll(inv: Invocation, targets: Target[], r: PatchRun): void {
  for (const t of targets) {
    const before = t.obj!;
    const after = structuredClone(before);
    try {
      r.mutate(after);
    } catch (e) {
      // `error: %s %v\n` with info.ObjectName(): resource/name.
      r.errors.push(new CmdError(`error: ${t.mapping.name}/${t.name} ${(e as Error).message}\n`));
      continue;
    }
    const patch = twoWayPatch(before, after);
    if (!patch || Object.keys(patch).length === 0) continue;
    if (r.local || r.dryRun === 'client') {
      r.printer.print(after);
      continue;
    }
    const query: Record<string, string> = { fieldManager: inv.flags.string('field-manager') };
    if (r.dryRun === 'server') query.dryRun = 'All';
    try {
      const res = inv.rest().request({
        method: 'PATCH',
        path: resourcePath(t.mapping, t.namespace || undefined, t.name),
        query,
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
        body: patch,
      });
      r.printer.print(res.body as KObject);
    } catch (e) {
      r.errors.push(new CmdError(`${r.failure}: ${(e as Error).message}`));
    }
  }
  if (r.errors.length > 0) throw new AggregateError(r.errors);
}
