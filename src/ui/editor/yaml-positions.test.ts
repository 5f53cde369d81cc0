import { describe, expect, it } from 'vitest';
import { fieldPath, problemSpans } from './yaml-positions.ts';

const FILE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
---
apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  type: Foo
  ports:
  - name: http
    port: 0
    targetPort: 80
`;

const line = (spans: { startLineNumber: number }[]) => spans.map((s) => s.startLineNumber);

describe('fieldPath', () => {
  it('splits dots and indexes, keeping bracketed map keys whole', () => {
    expect(fieldPath('spec.ports[0].port')).toEqual(['spec', 'ports', 0, 'port']);
    expect(fieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });
});

describe('problemSpans', () => {
  it('finds the field in the document of the named object', () => {
    const [span] = problemSpans(FILE, { kind: 'Service', name: 'web', field: 'spec.ports[0].port', message: '' });
    expect(span).toEqual({ startLineNumber: 16, startColumn: 5, endLineNumber: 16, endColumn: 12 });
    expect(line(problemSpans(FILE, { kind: 'Service', name: 'web', field: 'spec.type', message: '' }))).toEqual([13]);
    expect(line(problemSpans(FILE, { kind: 'Service', name: 'web', field: 'metadata.labels[app.kubernetes.io/name]', message: '' }))).toEqual([11]);
  });

  it('points a missing field at its nearest parent', () => {
    expect(line(problemSpans(FILE, { kind: 'Service', name: 'web', field: 'spec.selector', message: '' }))).toEqual([12]);
    expect(line(problemSpans(FILE, { kind: 'Deployment', name: 'web', field: 'spec.template', message: '' }))).toEqual([1]);
  });

  it('marks a YAML error line, and an unknown field only where it is', () => {
    expect(problemSpans(FILE, { line: 7, message: '' })).toEqual([{ startLineNumber: 7, startColumn: 1, endLineNumber: 7, endColumn: 14 }]);
    expect(line(problemSpans(FILE, { field: 'spec.type', message: '' }))).toEqual([13]);
    expect(problemSpans(FILE, { kind: 'Pod', name: 'web', field: 'spec', message: '' })).toEqual([]);
  });
});
