// The end of every `kubectl create <kind>` subcommand (CreateSubcommandOptions.Run and the
// per-kind copies of it): save-config, then POST unless --dry-run=client (where the namespace
// is written into the object only when -n was given), then print.

import type { Invocation } from '../../command.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import type { ResourceRef } from '../../resource/rest.ts';
import { addLastApplied, createObject, validationOf } from '../../resource/create.ts';
import { dryRunStrategy } from '../../flags/write.ts';
import { objectPrinter } from '../../printers/object-printer.ts';
import { ApiStatusError, CmdError } from '../../errors.ts';

export interface GeneratedObject {
  ref: ResourceRef;
  obj: KObject;
  /** `failed to create deployment: %v`: some subcommands wrap the server's error, some do not. */
  wrapError?: (message: string) => string;
}

/** Complete's part that can fail before the object is built: dry-run value and printer. */
export function prepare(inv: Invocation) {
  const dryRun = dryRunStrategy(inv);
  const printer = objectPrinter(inv, 'created', dryRun);
  return { dryRun, printer };
}

export function finishCreate(inv: Invocation, prepared: ReturnType<typeof prepare>, g: GeneratedObject): void {
  const { dryRun, printer } = prepared;
  let obj = g.obj;
  addLastApplied(obj, inv.flags.bool('save-config'));
  if (dryRun !== 'client') {
    try {
      obj = createObject(inv, g.ref, inv.namespace, obj, {
        dryRun,
        fieldManager: inv.flags.string('field-manager'),
        validation: validationOf(inv),
      });
    } catch (e) {
      if (g.wrapError && e instanceof ApiStatusError) throw new CmdError(g.wrapError(e.message));
      throw e;
    }
  } else if (inv.explicitNamespace && g.ref.namespaced) {
    obj.metadata.namespace = inv.namespace;
  }
  printer.print(obj, { typed: true });
}
