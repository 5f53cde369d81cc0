// Models describe.go's describeReplicaSet. Pod counts come from the pods the ReplicaSet controls
// (getPodStatusForController: selector match and controller ownerReference with the RS's uid).

import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './maps.ts';
import { controlledBy } from './pod.ts';
import { describePodTemplate } from './pod-template.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.ts';
import { formatLabelSelector } from './selectors.ts';
import type { DescribeContext, Json } from './types.ts';

export interface ReplicaSetContext extends DescribeContext {
  /** Pods matching the ReplicaSet's selector; those it does not control are skipped here. */
  pods?: Json[];
  /** Set when listing pods failed: printed instead of the counts. */
  podsError?: string;
}

export function podStatusCounts(owner: Json, pods: Json[]): string {
  const n = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of pods) {
    const ref = (pod.metadata?.ownerReferences ?? []).find((r: Json) => r.controller === true);
    if (!ref || ref.uid !== owner.metadata?.uid) continue;
    const phase = pod.status?.phase as keyof typeof n;
    if (phase in n) n[phase]++;
  }
  return `${n.Running} Running / ${n.Pending} Waiting / ${n.Succeeded} Succeeded / ${n.Failed} Failed`;
}

export function describeConditions(w: PrefixWriter, conditions: Json[] | undefined): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

export function describeReplicaSet(rs: Json, ctx: ReplicaSetContext): string {
  return tabbedString((w) => {
    const meta = rs.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    const owner = controlledBy(rs);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    if (ctx.podsError !== undefined) w.write(LEVEL_0, `error in fetching pods: ${ctx.podsError}\n`);
    else w.write(LEVEL_0, `${podStatusCounts(rs, ctx.pods ?? [])}\n`);
    describePodTemplate(rs.spec?.template, w);
    describeConditions(w, rs.status?.conditions);
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
