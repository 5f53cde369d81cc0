import { describe, expect, it } from 'vitest';
import { serveCommand } from './index.ts';
import { tinyCluster } from './test-cluster.ts';

describe('serveCommand', () => {
  it('prints the URL and the KUBECONFIG line, serves until told to stop', async () => {
    let out = '';
    let stop!: () => void;
    const until = new Promise<void>((r) => (stop = r));
    const done = serveCommand(['--port', '0', '--seed', '3'], { out: (t) => (out += t), err: () => {}, until, makeCluster: () => tinyCluster() });
    while (!out.includes('KUBECONFIG')) await new Promise((r) => setTimeout(r, 10));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
    expect(out).toMatch(/export KUBECONFIG=\S+kubeconfig\n/);
    expect((await fetch(`${url}/api/v1/namespaces`)).status).toBe(200);
    stop();
    expect(await done).toBe(0);
  });

  it('rejects a bad flag with usage and exit code 2', async () => {
    let err = '';
    expect(await serveCommand(['--port', 'x'], { out: () => {}, err: (t) => (err += t), until: Promise.resolve() })).toBe(2);
    expect(err).toContain('invalid --port x');
    expect(err).toContain('Usage: kube-sandbox serve');
  });
});
