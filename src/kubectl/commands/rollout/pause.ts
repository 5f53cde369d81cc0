// kubectl rollout pause / resume (rollout_pause.go, rollout_resume.go): a strategic merge patch
// of spec.paused. Pausing a paused Deployment (resuming a running one) is an error.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { defineCommand, type Command } from '../../command.ts';
import { AggregateError, CmdError } from '../../errors.ts';
import { resourcePath } from '../../resource/rest.ts';
import { FILENAME_FLAGS, nameOf, PRINT_FLAGS, requireResource, resolveTargets, resourceString } from './targets.ts';

function pauser(name: 'pause' | 'resume'): Command {
  const paused = name === 'pause';
  const done = paused ? 'paused' : 'resumed';
  return defineCommand<void>({
    name,
    flags: [...FILENAME_FLAGS, ...PRINT_FLAGS, { name: 'field-manager', type: 'string', default: 'kubectl-rollout' }, { name: 'selector', shorthand: 'l', type: 'string' }],
    complete: requireResource,
    async run(_o, inv) {
      const { targets, errors } = await resolveTargets(inv);
      for (const t of targets) {
        if (t.mapping.kind !== 'Deployment' || t.mapping.group !== 'apps') {
          errors.push(new CmdError(`error: ${resourceString(t)} "${t.name}" ${paused ? 'pausing' : 'resuming'} is not supported`));
          continue;
        }
        // polymorphichelpers.defaultObjectPauser/Resumer refuse before any patch is computed.
        if (Boolean((t.object as KObject).spec?.paused) === paused) {
          errors.push(new CmdError(`error: ${resourceString(t)} "${t.name}" ${paused ? 'is already paused' : 'is not paused'}`));
          continue;
        }
        try {
          inv.rest().request({
            method: 'PATCH',
            path: resourcePath(t.mapping, t.namespace, t.name),
            query: { fieldManager: inv.flags.string('field-manager') },
            headers: { 'content-type': 'application/strategic-merge-patch+json' },
            // Resume sends paused: null (the field is omitted when false), which deletes it.
            body: { spec: { paused: paused ? true : null } },
          });
        } catch (e) {
          errors.push(new CmdError(`failed to patch: ${(e as Error).message}`));
          continue;
        }
        inv.stdout.write(`${nameOf(t)} ${done}\n`);
      }
      if (errors.length === 1) throw errors[0];
      if (errors.length > 1) throw new AggregateError(errors);
    },
  });
}

export const rolloutPause = pauser('pause');
export const rolloutResume = pauser('resume');
