// Models the "static/dynamic" split of KEP-3070 (ipallocator and portallocator
// calculateRangeOffset): the low band of a range is kept for explicit requests, dynamic
// allocation starts at a random point of the upper band and falls back to the low band only when
// the upper one is full.

import type { Random } from '../../random.ts';

/** min(max(lo, size/step), hi), or 0 when the range is too small to split. */
export function rangeOffset(size: number, lo: number, hi: number, step: number): number {
  if (size <= lo) return 0;
  const offset = Math.floor(size / step);
  if (offset < lo) return lo;
  if (offset > hi) return hi;
  return offset;
}

/**
 * Pick a free index in [0, size): a random start in the upper band [offset, size), scanning
 * forward with wrap-around inside the band, then the same in the lower band [0, offset).
 */
export function pickFree(size: number, offset: number, used: (i: number) => boolean, rng: Random): number | undefined {
  const scan = (from: number, to: number): number | undefined => {
    const n = to - from;
    if (n <= 0) return undefined;
    const start = rng.int(n);
    for (let k = 0; k < n; k++) {
      const i = from + ((start + k) % n);
      if (!used(i)) return i;
    }
    return undefined;
  };
  return scan(offset, size) ?? scan(0, offset);
}
