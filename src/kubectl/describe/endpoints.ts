// Models describe.go's describeEndpoints (v1 Endpoints, deprecated since 1.33 but still served).

import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './maps.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer.ts';
import type { DescribeContext, Json } from './types.ts';

export function describeEndpoints(ep: Json, ctx: DescribeContext): string {
  return tabbedString((w) => {
    const meta = ep.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      const ready = (subset.addresses ?? []).map((a: Json) => a.ip).join(',');
      w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
      const notReady = (subset.notReadyAddresses ?? []).map((a: Json) => a.ip).join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      if (subset.ports?.length) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of subset.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port ?? 0}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
