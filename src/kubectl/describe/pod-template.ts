// Models describe.go's DescribePodTemplate (Deployments, ReplicaSets): the pod spec without status.

import { describeContainers } from './containers.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './maps.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.ts';
import { describeTopologySpreadConstraints } from './topology.ts';
import { describeVolumes } from './volumes.ts';
import type { Json } from './types.ts';

export function describePodTemplate(template: Json, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? {};
  printLabelsMultiline(w, '  Labels', meta.labels);
  if (Object.keys(meta.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', meta.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
