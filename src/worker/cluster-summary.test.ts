import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../cluster/apiserver/client.ts';
import { sameSummary, summarize } from './cluster-summary.ts';

const node = (name: string, ready: string) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  status: { conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: ready }] },
});
const pod = (name: string, phase: string, deleting = false, namespace = 'default') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  status: { phase },
});

function fakeApi(bodies: Record<string, unknown>): ApiClient {
  return {
    request: (req) => (req.path in bodies ? { status: 200, body: bodies[req.path] } : { status: 404, body: {} }),
    watch: () => ({ stop() {} }),
    stream: () => ({ write() {}, closeWrite() {}, close() {} }),
  };
}

describe('summarize', () => {
  it('counts Ready nodes and the learner\'s Running pods that are not terminating', () => {
    const api = fakeApi({
      '/api/v1/nodes': { items: [node('a', 'True'), node('b', 'False'), node('c', 'True')] },
      '/api/v1/pods': { items: [pod('p1', 'Running'), pod('p2', 'Pending'), pod('p3', 'Running', true), pod('dns', 'Running', false, 'kube-system'), pod('ingress', 'Running', false, 'ingress-nginx')] },
    });
    expect(summarize(api)).toEqual({ nodes: 3, nodesReady: 2, pods: 3, podsRunning: 1, systemPods: 2 });
  });

  it('reads an API that answers with an error as an empty cluster', () => {
    expect(summarize(fakeApi({}))).toEqual({ nodes: 0, nodesReady: 0, pods: 0, podsRunning: 0, systemPods: 0 });
  });

  it('compares summaries', () => {
    const s = { nodes: 1, nodesReady: 1, pods: 0, podsRunning: 0, systemPods: 0 };
    expect(sameSummary(undefined, s)).toBe(false);
    expect(sameSummary({ ...s }, s)).toBe(true);
    expect(sameSummary({ ...s, pods: 1 }, s)).toBe(false);
  });
});
