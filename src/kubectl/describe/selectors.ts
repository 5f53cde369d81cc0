// labels.FormatLabels and metav1.FormatLabelSelector, as describe prints selectors.

import type { Json } from './types.ts';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort(byString);
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
}

/** LabelSelectorAsSelector(sel).String(): requirements sorted by key; '' for nil or empty. */
export function labelSelectorString(sel: Json): string {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries<string>(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort(byString).join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${vals})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${vals})`
          : e.operator === 'Exists'
            ? `${e.key}`
            : `!${e.key}`;
    reqs.push({ key: e.key, text });
  }
  // The internal selector sorts requirements by key (stable for equal keys).
  return reqs
    .sort((a, b) => byString(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: like labelSelectorString but `<none>` when empty. */
export function formatLabelSelector(sel: Json): string {
  return labelSelectorString(sel) || '<none>';
}
