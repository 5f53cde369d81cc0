// Models describe.go's formatEndpointSlices: the `Endpoints:` value of a Service port (and of an
// Ingress backend): ready addresses as host:port, the first three, then `+ N more...`.

import { joinHostPort } from './containers.ts';
import type { Json } from './types.ts';

const MAX = 3;

/** `ports` holds port names to include; undefined means every port. */
export function formatEndpointSlices(slices: Json[], ports: Set<string> | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const isReady = (ep: Json): boolean => ep.conditions?.ready === undefined || ep.conditions?.ready === null || ep.conditions.ready === true;
  for (const slice of slices) {
    const endpoints: Json[] = slice.endpoints ?? [];
    if (!slice.ports?.length) {
      // Headless Services may have no ports: bare addresses.
      for (const ep of endpoints) {
        if (list.length === MAX) more = true;
        if (!isReady(ep)) continue;
        if (!more) list.push(ep.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of slice.ports) {
      if (ports && !ports.has(port.name ?? '')) continue;
      for (const ep of endpoints) {
        if (list.length === MAX) more = true;
        if (!isReady(ep)) continue;
        if (!more) list.push(joinHostPort(ep.addresses[0], String(port.port ?? 0)));
        count++;
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - MAX} more...` : joined;
}
