// kubectl rollout history (rollout_history.go + DeploymentHistoryViewer): the revisions of the
// Deployment's ReplicaSets with their change-cause, or one revision's pod template. The name
// printer writes `deployment.apps/web ` + the text as its "operation", hence the trailing space.

import { defineCommand } from '../../command.ts';
import { PlainPrefixWriter } from '../../describe/prefix-writer.ts';
import { describePodTemplate } from '../../describe/pod-template.ts';
import { tabwrite } from '../../describe/tabwriter.ts';
import { AggregateError, CmdError } from '../../errors.ts';
import { CHANGE_CAUSE, controlledReplicaSets, revisionOf } from './revisions.ts';
import { FILENAME_FLAGS, nameOf, PRINT_FLAGS, requireResource, resolveTargets } from './targets.ts';

export const rolloutHistory = defineCommand<{ revision: number }>({
  name: 'history',
  flags: [...FILENAME_FLAGS, ...PRINT_FLAGS, { name: 'revision', type: 'int' }, { name: 'selector', shorthand: 'l', type: 'string' }],
  complete(inv) {
    requireResource(inv);
    return { revision: inv.flags.int('revision') };
  },
  validate(o) {
    if (o.revision < 0) throw new CmdError(`revision must be a positive integer: ${o.revision}`);
  },
  async run(o, inv) {
    const { targets, errors } = await resolveTargets(inv);
    for (const t of targets) {
      if (t.mapping.kind !== 'Deployment' || t.mapping.group !== 'apps') {
        errors.push(new CmdError(`no history viewer has been implemented for ${t.mapping.group ? `${t.mapping.kind}.${t.mapping.group}` : t.mapping.kind}`));
        continue;
      }
      const byRevision = new Map<number, ReturnType<typeof controlledReplicaSets>[number]>();
      for (const rs of controlledReplicaSets(inv, t.object)) {
        const v = revisionOf(rs);
        if (v !== undefined) byRevision.set(v, rs);
      }
      let text: string;
      if (byRevision.size === 0) text = 'No rollout history found.';
      else if (o.revision > 0) {
        const rs = byRevision.get(o.revision);
        if (!rs) {
          errors.push(new CmdError('unable to find the specified revision'));
          continue;
        }
        const w = new PlainPrefixWriter();
        describePodTemplate(rs.spec?.template, w);
        text = w.toString();
      } else {
        const revisions = [...byRevision.keys()].sort((a, b) => a - b);
        let table = 'REVISION\tCHANGE-CAUSE\n';
        for (const r of revisions) table += `${r}\t${byRevision.get(r)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`;
        text = tabwrite(table);
      }
      const withRevision = o.revision > 0 ? `with revision #${o.revision}` : '';
      inv.stdout.write(`${nameOf(t)} ${withRevision}\n${text}\n`);
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors);
  },
});
