// Models describe.go's describeIngressClassV1.

import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './maps.ts';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.ts';
import type { DescribeContext, Json } from './types.ts';

export function describeIngressClass(ic: Json, ctx: DescribeContext): string {
  return tabbedString((w) => {
    const meta = ic.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
    const p = ic.spec?.parameters;
    if (p) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (p.apiGroup !== undefined && p.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${p.kind ?? ''}\n`);
      w.write(LEVEL_1, `Name:\t${p.name ?? ''}\n`);
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
