// Timestamps as describe prints them. Objects carry RFC 3339 strings; Go formats metav1.Time with
// time.RFC1123Z in the client's local zone: the sandbox's zone is UTC, so the offset is +0000.
// An unset time is Go's zero time (Mon, 01 Jan 0001), which is what real describe shows for it.

import { humanDuration } from '../../cluster/apiserver/duration.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function parse(ts: string | null | undefined): number | undefined {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}

/** time.Time.Format(time.RFC1123Z): `Mon, 02 Jan 2006 15:04:05 -0700`. */
export function rfc1123z(ts: string | null | undefined): string {
  const ms = parse(ts);
  if (ms === undefined) return ZERO_TIME;
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCFullYear(), 4)} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
  );
}

/** translateTimestampSince: `<unknown>` for an unset time, else HumanDuration(now - t). */
export function since(ts: string | null | undefined, now: number): string {
  const ms = parse(ts);
  if (ms === undefined) return '<unknown>';
  return humanDuration(now - ms);
}
