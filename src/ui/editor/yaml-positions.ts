// Where a problem sits in a YAML file: the API server names a field (`spec.ports[0].port`) of an
// object (`Service "web"`); this finds that object's document and walks the parsed YAML (the `yaml`
// package's Document nodes keep their source offsets) to the field. A field that is missing
// (`Required value`) points at its nearest present parent.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode, type Document } from 'yaml';
import type { ApplyProblem } from './apply-errors.ts';

/** 1-based lines and columns, end exclusive, as Monaco's markers take them. */
export interface Span {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** `spec.ports[0].port` → ['spec', 'ports', 0, 'port']; `labels[app.kubernetes.io/name]` keeps the key whole. */
export function fieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}

type Located = { range: [number, number] };

/** The deepest node along `path`: the key of the last pair found (or the item), and whether all of it was. */
function walk(doc: Document, path: (string | number)[]): { at?: Located; complete: boolean } {
  let node: unknown = doc.contents;
  let at: Located | undefined = node && (node as YamlNode).range ? { range: [(node as YamlNode).range![0], (node as YamlNode).range![1]] } : undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return { at, complete: false };
      const key = pair.key as YamlNode;
      const value = pair.value as YamlNode | null;
      // A scalar value is marked with its key (`port: 0`); a block value only by its key line.
      const end = value && isScalar(value) && value.range ? value.range[1] : key.range![1];
      at = { range: [key.range![0], end] };
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item?.range) return { at, complete: false };
      at = { range: [item.range[0], isScalar(item) ? item.range[1] : item.range[0] + 1] };
      node = item;
    } else return { at, complete: false };
  }
  return { at, complete: true };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Spans for a problem in `text`: one per matching document (usually one), or none. */
export function problemSpans(text: string, problem: ApplyProblem): Span[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines });
  const toSpan = ([start, end]: [number, number]): Span => {
    const a = lines.linePos(start);
    const b = lines.linePos(Math.max(start + 1, end));
    return { startLineNumber: a.line, startColumn: a.col, endLineNumber: b.line, endColumn: b.col };
  };
  if (problem.line !== undefined) {
    const lineText = text.split('\n')[problem.line - 1] ?? '';
    return [{ startLineNumber: problem.line, startColumn: 1, endLineNumber: problem.line, endColumn: Math.max(2, lineText.length + 1) }];
  }
  if (!Array.isArray(docs)) return [];
  const candidates = docs.filter((d) => {
    const meta = d.get('metadata') as { get?(k: string): unknown } | undefined;
    const kind = str(d.get('kind'));
    const name = meta && typeof meta.get === 'function' ? str(meta.get('name')) : undefined;
    return (problem.kind === undefined || kind === problem.kind) && (problem.name === undefined || name === problem.name);
  });
  const path = problem.field ? fieldPath(problem.field) : [];
  const spans: Span[] = [];
  for (const doc of candidates) {
    const { at, complete } = walk(doc, path);
    // A warning without an object (unknown field) belongs only where the field is.
    if (problem.kind === undefined && problem.name === undefined && !complete) continue;
    if (at) spans.push(toSpan(at.range));
  }
  return spans;
}
