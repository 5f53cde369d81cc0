// Models describe.go's describeDeployment.

import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './maps.ts';
import { describePodTemplate } from './pod-template.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';
import { describeConditions } from './replicaset.ts';
import { labelSelectorString } from './selectors.ts';
import { rfc1123z } from './time.ts';
import type { DescribeContext, Json } from './types.ts';

export interface DeploymentContext extends DescribeContext {
  /** From deploymentutil.GetAllReplicaSets: the RSs it owns whose template differs from its own. */
  oldRSs?: Json[];
  /** The owned RS whose template matches the Deployment's (ignoring pod-template-hash), if any. */
  newRS?: Json;
}

function replicaSetsByLabels(rss: Json[]): string {
  const list = rss.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
  return list || '<none>';
}

export function describeDeployment(d: Json, ctx: DeploymentContext): string {
  return tabbedString((w) => {
    const meta = d.metadata ?? {};
    const spec = d.spec ?? {};
    const status = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
        `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) {
      // (*IntOrString).String() of nil is `<nil>`.
      const s = (v: unknown): string => (v === undefined || v === null ? '<nil>' : String(v));
      w.write(LEVEL_0, `RollingUpdateStrategy:\t${s(ru.maxUnavailable)} max unavailable, ${s(ru.maxSurge)} max surge\n`);
    }
    describePodTemplate(spec.template, w);
    describeConditions(w, status.conditions);
    const oldRSs = ctx.oldRSs ?? [];
    const newRSs = ctx.newRS ? [ctx.newRS] : [];
    if (oldRSs.length || newRSs.length) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRSs)}\n`);
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
