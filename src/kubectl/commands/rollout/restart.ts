// kubectl rollout restart (rollout_restart.go + polymorphichelpers' defaultObjectRestarter): set
// kubectl.kubernetes.io/restartedAt on the pod template to the client's time (RFC 3339), which
// changes the template and so starts a new rollout.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { defineCommand } from '../../command.ts';
import { AggregateError, CmdError } from '../../errors.ts';
import { resourcePath } from '../../resource/rest.ts';
import { nowOf } from '../describe/index.ts';
import { threeWayMergePatch } from '../apply/three-way.ts';
import { FILENAME_FLAGS, nameOf, PRINT_FLAGS, requireResource, resolveTargets, resourceString } from './targets.ts';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** Go's time.Format(time.RFC3339) in UTC. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const rolloutRestart = defineCommand<void>({
  name: 'restart',
  flags: [...FILENAME_FLAGS, ...PRINT_FLAGS, { name: 'field-manager', type: 'string', default: 'kubectl-rollout' }, { name: 'selector', shorthand: 'l', type: 'string' }],
  complete: requireResource,
  async run(_o, inv) {
    const { targets, errors } = await resolveTargets(inv);
    for (const t of targets) {
      if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(t.mapping.kind) || t.mapping.group !== 'apps') {
        errors.push(new CmdError(`error: ${resourceString(t)} "${t.name}" restarting is not supported`));
        continue;
      }
      if (t.object.spec?.paused) {
        errors.push(new CmdError(`error: ${resourceString(t)} "${t.name}" can't restart paused deployment (run rollout resume first)`));
        continue;
      }
      const after = structuredClone(t.object) as KObject;
      after.spec.template.metadata ??= {};
      after.spec.template.metadata.annotations = { ...(after.spec.template.metadata.annotations ?? {}), [RESTARTED_AT]: rfc3339(nowOf(inv)) };
      const patch = threeWayMergePatch(t.object, after, t.object);
      if (Object.keys(patch).length === 0) {
        errors.push(
          new CmdError(`failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`),
        );
        continue;
      }
      try {
        inv.rest().request({
          method: 'PATCH',
          path: resourcePath(t.mapping, t.namespace, t.name),
          query: { fieldManager: inv.flags.string('field-manager') },
          headers: { 'content-type': 'application/strategic-merge-patch+json' },
          body: patch,
        });
      } catch (e) {
        errors.push(new CmdError(`failed to patch: ${(e as Error).message}`));
        continue;
      }
      inv.stdout.write(`${nameOf(t)} restarted\n`);
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors);
  },
});
