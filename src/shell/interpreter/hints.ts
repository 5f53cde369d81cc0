// The teaching hint after `bash: kubeclt: command not found`. The faithful line comes first; the
// hint is ours, on its own line, so it is never mistaken for bash's output.

/** Optimal string alignment distance: edits plus swaps of neighbours (`kubeclt` → `kubectl` is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** The closest known name, if close enough to be a typo: one edit for short names, two for longer. */
export function closestName(name: string, known: Iterable<string>): string | null {
  const limit = name.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const k of known) {
    if (k === name) continue;
    const dist = editDistance(name.toLowerCase(), k);
    if (dist < bestDistance || (dist === bestDistance && best !== null && k < best)) {
      best = k;
      bestDistance = dist;
    }
  }
  return bestDistance <= limit ? best : null;
}
