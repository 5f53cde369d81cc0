// Models describe.go's describeTopologySpreadConstraints.

import { LEVEL_0, type PrefixWriter } from './prefix-writer.ts';
import { formatLabelSelector } from './selectors.ts';
import type { Json } from './types.ts';

export function describeTopologySpreadConstraints(tscs: Json[] | undefined, w: PrefixWriter, space: string): void {
  if (!tscs?.length) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, s + '\n');
  });
}
