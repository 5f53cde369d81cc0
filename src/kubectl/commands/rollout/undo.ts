// kubectl rollout undo (rollout_undo.go + polymorphichelpers' DeploymentRollbacker): find the
// ReplicaSet of the wanted revision (the previous one by default) and replace the Deployment's
// template and annotations with its own by a JSON patch.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { defineCommand } from '../../command.ts';
import { AggregateError, CmdError } from '../../errors.ts';
import { resourcePath } from '../../resource/rest.ts';
import { describePodTemplate } from '../../describe/pod-template.ts';
import { TabbedWriter } from '../../describe/prefix-writer.ts';
import { semanticEqual } from '../../describe/deployment-replicasets.ts';
import { dryRunStrategy } from '../../flags/write.ts';
import { ANNOTATIONS_TO_SKIP, controlledReplicaSets, HASH_LABEL, revisionOf, templateWithoutHash } from './revisions.ts';
import { FILENAME_FLAGS, nameOf, PRINT_FLAGS, requireResource, resolveTargets } from './targets.ts';

/** deploymentRevision: the ReplicaSet for toRevision, or the second newest for 0. */
function findRevision(d: KObject, all: KObject[], toRevision: number): KObject {
  let latest: KObject | undefined;
  let latestRev = -1;
  let previous: KObject | undefined;
  let previousRev = -1;
  for (const rs of all) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRev < v) {
        previousRev = latestRev;
        previous = latest;
        latestRev = v;
        latest = rs;
      } else if (previousRev < v) {
        previousRev = v;
        previous = rs;
      }
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) throw new CmdError(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new CmdError(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous;
}

export const rolloutUndo = defineCommand<{ toRevision: number; dryRun: string }>({
  name: 'undo',
  flags: [
    ...FILENAME_FLAGS,
    ...PRINT_FLAGS,
    { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'to-revision', type: 'int' },
  ],
  complete(inv) {
    requireResource(inv);
    return { toRevision: inv.flags.int('to-revision'), dryRun: dryRunStrategy(inv) };
  },
  async run(o, inv) {
    const { targets, errors } = await resolveTargets(inv);
    const suffix = o.dryRun === 'client' ? ' (dry run)' : o.dryRun === 'server' ? ' (server dry run)' : '';
    for (const t of targets) {
      try {
        if (t.mapping.kind !== 'Deployment' || t.mapping.group !== 'apps')
          throw new CmdError(`no rollbacker has been implemented for ${t.mapping.group ? `${t.mapping.kind}.${t.mapping.group}` : t.mapping.kind}`);
        const d = t.object;
        if (d.spec?.paused)
          throw new CmdError(
            `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again`,
          );
        const rs = findRevision(d, controlledReplicaSets(inv, d), o.toRevision);
        const template = templateWithoutHash(rs.spec?.template);
        if (semanticEqual(template, templateWithoutHash(d.spec?.template))) {
          inv.stdout.write(`${nameOf(t)} skipped rollback (current template already matches revision ${revisionOf(rs)})\n`);
          continue;
        }
        if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL];
        const annotations: Record<string, string> = {};
        for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
        for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
        if (o.dryRun === 'client') {
          // The rollbacker answers a client dry run with the template it would restore.
          const w = new TabbedWriter();
          describePodTemplate(rs.spec?.template, w);
          inv.stdout.write(`${nameOf(t)} ${w.toString()}${suffix}\n`);
          continue;
        }
        {
          inv.rest().request({
            method: 'PATCH',
            path: resourcePath(t.mapping, t.namespace, t.name),
            query: o.dryRun === 'server' ? { dryRun: 'All' } : undefined,
            headers: { 'content-type': 'application/json-patch+json' },
            body: [
              { op: 'replace', path: '/spec/template', value: template },
              { op: 'replace', path: '/metadata/annotations', value: annotations },
            ],
          });
        }
        inv.stdout.write(`${nameOf(t)} rolled back${suffix}\n`);
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        errors.push(e);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors);
  },
});
