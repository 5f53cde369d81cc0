// The multi-line key=value blocks of describe.go: Labels, Annotations, Node-Selectors, Taints,
// Tolerations. The first entry shares the title's line, the rest are indented by a tab so the
// tabwriter lines them up under it.

import { LEVEL_0, type PrefixWriter } from './prefix-writer.ts';
import type { Json } from './types.ts';

const sortStrings = (xs: string[]): string[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** printLabelsMultilineWithIndent. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortStrings(Object.keys(labels ?? {}));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
/** Never shown: it is the whole object again. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** Byte length, as Go's len() on a string. */
const byteLen = (s: string): number => new TextEncoder().encode(s).length;

function shorten(s: string, max: number): string {
  const bytes = new TextEncoder().encode(s);
  return bytes.length > max ? new TextDecoder().decode(bytes.slice(0, max)) + '...' : s;
}

/** printAnnotationsMultiline: long or multi-line values go on their own lines, cut at 138 bytes. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortStrings(Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (byteLen(value) + byteLen(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** corev1.Taint.ToString: `key=value:Effect`, `key:Effect` without a value. */
export function taintString(t: Json): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printTaintsMultilineWithIndent: sorted by effect, then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Json[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints?.length) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Json): string => `${t.effect ?? ''},${t.key ?? ''}`;
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key. */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: Json[] | undefined,
  initialIndent = '',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  if (!tolerations?.length) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => {
    const ka = a.key ?? '';
    const kb = b.key ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    // `operator: Exists` with no key and no effect tolerates everything.
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, s + '\n');
  });
}
