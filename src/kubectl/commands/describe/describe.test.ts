// The describers' text is tested in src/kubectl/describe; here, the command around them
// (describe.go Run and DescribeMatchingResources): which objects, which extra data, separators, errors.
import { beforeAll, describe, expect, test } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness.ts';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, labels: {app: web}}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;

let e: Sandbox;
beforeAll(async () => {
  e = sandbox();
  e.write('/root/app.yaml', APP);
  await e.kubectl('apply -f app.yaml');
  e.cluster.settle();
});

const names = (out: string) => [...out.matchAll(/^Name:\s+(\S+)$/gm)].map((m) => m[1]);

describe('kubectl describe', () => {
  test('TYPE NAME and TYPE/NAME describe one object, with its events', async () => {
    const a = await e.kubectl('describe deployment web');
    const b = await e.kubectl('describe deployment/web');
    expect(a.code).toBe(0);
    expect(a).toEqual(b);
    expect(a.stdout).toMatch(/^Name:\s+web\nNamespace:\s+default\n/);
    expect(a.stdout).toMatch(/NewReplicaSet:\s+web-[a-z0-9]+ \(2\/2 replicas created\)/);
    expect(a.stdout).toMatch(/Normal {2}ScalingReplicaSet {2}.*Scaled up replica set web-[a-z0-9]+ from 0 to 2\n$/);
  });

  test('several objects are separated by a blank line (Fprintf "\\n\\n%s")', async () => {
    const r = await e.kubectl('describe svc web kubernetes');
    expect(names(r.stdout)).toEqual(['web', 'kubernetes']);
    expect(r.stdout).toContain('Events:                   <none>\n\n\nName:                     kubernetes\n');
  });

  test('TYPE alone describes every object in the namespace; -l filters; -A spans namespaces', async () => {
    expect(names((await e.kubectl('describe svc')).stdout)).toEqual(['kubernetes', 'web']);
    expect(names((await e.kubectl('describe svc -l app=web')).stdout)).toEqual(['web']);
    const all = await e.kubectl('describe svc -A');
    expect(names(all.stdout)).toContain('kube-dns');
    const none = await e.kubectl('describe svc -l app=nothing');
    expect(none).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  test('TYPE PREFIX describes the objects whose names start with it, each followed by a newline', async () => {
    const r = await e.kubectl('describe pods web');
    expect(r.code).toBe(0);
    const pods = names(r.stdout);
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}$/);
    // describer text ends with "\n", then DescribeMatchingResources adds "%s\n".
    expect(r.stdout.endsWith('\n\n')).toBe(true);
    expect(r.stdout.split('\n\nName:')).toHaveLength(2);
  });

  test('NotFound', async () => {
    expect(await e.kubectl('describe pod nope')).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n' });
    const r = await e.kubectl('describe svc web nope');
    expect(r.code).toBe(1);
    expect(names(r.stdout)).toEqual(['web']);
    expect(r.stderr).toBe('Error from server (NotFound): services "nope" not found\n');
  });

  test('--show-events=false leaves the Events section out', async () => {
    const r = await e.kubectl('describe deploy web --show-events=false');
    expect(r.stdout).not.toContain('Events:');
  });

  test('-f describes the objects a manifest names', async () => {
    const r = await e.kubectl('describe -f app.yaml');
    expect(names(r.stdout)).toEqual(['web', 'web']);
    expect(r.stdout).toContain('StrategyType:');
    expect(r.stdout).toContain('Endpoints:');
  });

  test('argument errors (recorded from kubectl 1.34)', async () => {
    expect((await e.kubectl('describe')).stderr).toBe(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect((await e.kubectl('describe pod/x y')).stderr).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    );
    expect((await e.kubectl('describe pod x -l a=b')).stderr).toBe('error: name cannot be provided when a selector is specified\n');
  });
});
