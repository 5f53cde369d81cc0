// Small metadata helpers shared by the server and controllers.

import type { Random } from '../random.ts';

/** RFC 3339 with whole seconds, as metav1.Time marshals. */
export function timestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function parseTimestamp(ts: string | undefined): number | undefined {
  if (!ts) return undefined;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? undefined : t;
}

/** A version-4 UUID from the seeded source, so replays reproduce uids too. */
export function randomUid(rng: Random): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += rng.int(16).toString(16);
    return s;
  };
  const variant = '89ab'[rng.int(4)];
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
