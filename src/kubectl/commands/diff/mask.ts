// kubectl diff's Masker (pkg/cmd/diff/diff.go): a v1 Secret's `data` values never reach the
// screen. Every value becomes `***`; a key whose value changes becomes `*** (before)` on the live
// side and `*** (after)` on the merged side, so the diff still shows that it changed.

import type { KObject } from '../../../cluster/apiserver/types.ts';

const MASK = '***';
const BEFORE = '*** (before)';
const AFTER = '*** (after)';

type Data = Record<string, unknown>;

function dataOf(obj: KObject | undefined): Data | undefined {
  const d = obj?.data;
  return d && typeof d === 'object' && !Array.isArray(d) ? { ...(d as Data) } : undefined;
}

/** Masked copies of the two sides (either may be absent). */
export function maskSecrets(from: KObject | undefined, to: KObject | undefined): [KObject | undefined, KObject | undefined] {
  const f = dataOf(from);
  const t = dataOf(to);
  for (const k of Object.keys(f ?? {})) {
    if (t && Object.hasOwn(t, k)) {
      if (f![k] !== t[k]) {
        f![k] = BEFORE;
        t[k] = AFTER;
        continue;
      }
      t[k] = MASK;
    }
    f![k] = MASK;
  }
  for (const k of Object.keys(t ?? {})) if (!f || !Object.hasOwn(f, k)) t![k] = MASK;
  return [from && f ? { ...from, data: f } : from, to && t ? { ...to, data: t } : to];
}
