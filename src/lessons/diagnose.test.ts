import { beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox/sandbox.ts';
import { run } from '../shell/testing.ts';
import { R } from '../cluster/apiserver/resources.ts';
import { diagnoseService } from './diagnose.ts';

// One cluster with a healthy Service and one of each classic mistake.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = new Sandbox({ clock: 'virtual', seed: 1 });
  const shell = sandbox.laptopShell();
  for (const line of [
    'kubectl create deployment web --image=nginx --replicas=2',
    'kubectl expose deployment web --port=80',
    'kubectl create service clusterip webb --tcp=80:80', // selector app=webb: matches nothing
    'kubectl expose deployment web --name=wrongport --port=80 --target-port=8080',
    'kubectl create deployment bad --image=nosuchimage/xyz',
    'kubectl expose deployment bad --port=80',
    'kubectl expose deployment web --name=local --type=NodePort --port=80',
    'kubectl create namespace other',
  ]) {
    const r = await run(line, shell);
    expect(r.status, `${line}: ${r.output}`).toBe(0);
    sandbox.cluster.settle(60_000);
  }
  sandbox.cluster.kube.patch(R.services, 'default', 'local', { spec: { externalTrafficPolicy: 'Local' } });
  sandbox.cluster.settle(60_000);
});

const codes = (ns: string, name: string, caller = {}) => diagnoseService(sandbox.cluster, ns, name, caller).map((r) => r.code);

describe('diagnoseService', () => {
  it('finds nothing wrong with a healthy Service called from inside', () => {
    expect(diagnoseService(sandbox.cluster, 'default', 'web', { from: 'node' })).toEqual([]);
  });

  it('says when the Service does not exist, or lives in another namespace', () => {
    expect(codes('default', 'nope')).toEqual(['no-service']);
    expect(diagnoseService(sandbox.cluster, 'other', 'web')[0]).toMatchObject({ code: 'other-namespace', text: expect.stringContaining('web.default') });
  });

  it('explains a selector that matches no Pod, showing the labels that exist', () => {
    const [r] = diagnoseService(sandbox.cluster, 'default', 'webb');
    expect(r.code).toBe('selector-matches-nothing');
    expect(r.text).toContain('app=webb');
    expect(r.text).toContain('app=web');
  });

  it('explains a targetPort nothing listens on, naming the port that does', () => {
    const [r] = diagnoseService(sandbox.cluster, 'default', 'wrongport');
    expect(r.code).toBe('target-port-closed');
    expect(r.text).toContain('targetPort 8080');
    expect(r.text).toContain('listen on 80');
  });

  it('explains Pods that are not ready, with their status', () => {
    const [r] = diagnoseService(sandbox.cluster, 'default', 'bad');
    expect(r.code).toBe('pods-not-ready');
    expect(r.text).toMatch(/ImagePullBackOff|ErrImagePull/);
  });

  it('explains a ClusterIP called from outside', () => {
    expect(codes('default', 'web', { from: 'outside' })).toEqual(['clusterip-from-outside']);
  });

  it('explains a short name used from another namespace', () => {
    expect(codes('default', 'web', { from: 'pod', namespace: 'other', host: 'web' })).toEqual(['short-name-other-namespace']);
    expect(codes('default', 'web', { from: 'pod', namespace: 'other', host: 'web.default' })).toEqual([]);
  });

  it('explains externalTrafficPolicy Local on a node without an endpoint', () => {
    const pods = sandbox.cluster.kube.list(R.pods, { namespace: 'default', labelSelector: 'app=web' });
    const withPod = new Set(pods.map((p) => p.spec?.nodeName));
    const nodes = sandbox.cluster.kube.list(R.nodes).map((n) => n.metadata.name!);
    const empty = nodes.find((n) => !withPod.has(n))!;
    expect(codes('default', 'local', { from: 'outside', node: empty })).toEqual(['local-policy-no-endpoint']);
    expect(codes('default', 'local', { from: 'outside', node: [...withPod][0] })).toEqual([]);
  });
});
