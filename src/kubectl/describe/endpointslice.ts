// Models describe.go's describeEndpointSliceV1.

import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './maps.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefix-writer.ts';
import type { DescribeContext, Json } from './types.ts';

const isSet = (v: unknown): boolean => v !== undefined && v !== null;

export function describeEndpointSlice(eps: Json, ctx: DescribeContext): string {
  return tabbedString((w) => {
    const meta = eps.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ''}\n`);
    if (!eps.ports?.length) {
      w.write(LEVEL_0, 'Ports: <unset>\n');
    } else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of eps.ports) {
        w.write(LEVEL_1, `${p.name || '<unset>'}\t${isSet(p.port) ? p.port : '<unset>'}\t${p.protocol ?? ''}\n`);
      }
    }
    if (!eps.endpoints?.length) {
      w.write(LEVEL_0, 'Endpoints: <none>\n');
    } else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const ep of eps.endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${(ep.addresses ?? []).join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        w.write(LEVEL_3, `Ready:\t${isSet(ep.conditions?.ready) ? String(ep.conditions.ready) : '<unset>'}\n`);
        w.write(LEVEL_2, `Hostname:\t${isSet(ep.hostname) ? ep.hostname : '<unset>'}\n`);
        if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind ?? ''}/${ep.targetRef.name ?? ''}\n`);
        w.write(LEVEL_2, `NodeName:\t${isSet(ep.nodeName) ? ep.nodeName : '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${isSet(ep.zone) ? ep.zone : '<unset>'}\n`);
      }
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
