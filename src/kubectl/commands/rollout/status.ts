// kubectl rollout status (rollout_status.go): watch the object and print the status viewer's line
// on every ADDED/MODIFIED event until it reports done (or once with --watch=false). Time passes
// through ctx.sleep, so the sandbox's clock (virtual in tests and the CLI) moves the rollout on.

import type { KObject, WatchEvent } from '../../../cluster/apiserver/types.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { resourcePath } from '../../resource/rest.ts';
import { revisionOf } from './revisions.ts';
import { FILENAME_FLAGS, requireResource, resolveTargets, type Target } from './targets.ts';

/** A poll step small enough that each status change is seen as it happens. */
const STEP_MS = 100;

type Viewer = (obj: KObject, revision: number) => { status: string; done: boolean };

/** polymorphichelpers DeploymentStatusViewer.Status. */
export const deploymentStatus: Viewer = (d, revision) => {
  const name = d.metadata.name;
  if (revision > 0) {
    const rev = revisionOf(d);
    if (rev === undefined) throw new CmdError(`cannot get the revision of deployment "${name}": revision not found`);
    if (rev !== revision) throw new CmdError(`desired revision (${revision}) is different from the running revision (${rev})`);
  }
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') throw new CmdError(`deployment "${name}" exceeded its progress deadline`);
    const updated = st.updatedReplicas ?? 0;
    const replicas = d.spec?.replicas;
    if (replicas !== undefined && updated < replicas)
      return { status: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if ((st.replicas ?? 0) > updated)
      return { status: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((st.availableReplicas ?? 0) < updated)
      return { status: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    return { status: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { status: 'Waiting for deployment spec update to be observed...\n', done: false };
};

const VIEWERS: Record<string, Viewer> = { 'apps/Deployment': deploymentStatus };

export const rolloutStatus = defineCommand<{ revision: number; watch: boolean; timeoutMs: number }>({
  name: 'status',
  flags: [
    ...FILENAME_FLAGS,
    { name: 'revision', type: 'int' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'timeout', type: 'duration' },
    { name: 'watch', shorthand: 'w', type: 'bool', default: true },
  ],
  complete(inv) {
    requireResource(inv);
    return { revision: inv.flags.int('revision'), watch: inv.flags.bool('watch'), timeoutMs: inv.flags.duration('timeout') };
  },
  validate(o) {
    if (o.revision < 0) throw new CmdError(`revision must be a positive integer: ${o.revision}`);
  },
  async run(o, inv) {
    const { targets, errors } = await resolveTargets(inv);
    if (errors.length) throw errors[0];
    for (const t of targets) await watchOne(inv, t, o);
  },
});

async function watchOne(inv: Invocation, t: Target, o: { revision: number; watch: boolean; timeoutMs: number }): Promise<void> {
  const viewer = VIEWERS[`${t.mapping.group}/${t.mapping.kind}`];
  if (!viewer) throw new CmdError(`no status viewer has been implemented for ${t.mapping.group ? `${t.mapping.kind}.${t.mapping.group}` : t.mapping.kind}`);
  const queue: WatchEvent[] = [];
  const handle = inv.rest().watch(
    { method: 'GET', path: resourcePath(t.mapping, t.mapping.namespaced ? t.namespace : undefined), query: { watch: 'true', fieldSelector: `metadata.name=${t.name}` } },
    (e) => void queue.push(e),
  );
  let waited = 0;
  try {
    for (;;) {
      while (queue.length) {
        const e = queue.shift()!;
        if (e.type === 'DELETED') throw new CmdError('object has been deleted');
        if (e.type !== 'ADDED' && e.type !== 'MODIFIED') continue;
        const { status, done } = viewer(e.object, o.revision);
        inv.stdout.write(status);
        if (done || !o.watch) return;
      }
      if (o.timeoutMs > 0 && waited >= o.timeoutMs) throw new CmdError('timed out waiting for the condition');
      const step = o.timeoutMs > 0 ? Math.min(STEP_MS, o.timeoutMs - waited) : STEP_MS;
      await inv.ctx.sleep(step);
      waited += step;
    }
  } finally {
    handle.stop();
  }
}
