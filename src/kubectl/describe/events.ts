// Models describe.go's DescribeEvents: the table under every describer, sorted by lastTimestamp,
// ages from HumanDuration, repeats as `2m (x3 over 5m)`, source from source.component or the
// newer reportingController.

import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.ts';
import { since } from './time.ts';
import type { Json } from './types.ts';

// An unset lastTimestamp is Go's zero time: before every real one.
const time = (ts: string | undefined): number => (ts ? Date.parse(ts) : -62135596800000);

export function describeEvents(events: Json[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  // event.SortableEvents orders by LastTimestamp only; Go's sort of so few items is stable.
  const sorted = [...events].sort((a, b) => time(a.lastTimestamp) - time(b.lastTimestamp));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}
