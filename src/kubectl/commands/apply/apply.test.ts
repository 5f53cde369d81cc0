// Expected texts: client-side errors recorded from real kubectl 1.34.5 (`kubectl apply -f F
// --dry-run=client` against an unreachable server); server-side wording from kubectl's apply.go
// (created/configured/unchanged, the missing-annotation warning) and apply util (annotation format).
import { describe, expect, test } from 'vitest';
import apply from './index.ts';
import { testEnv } from './test-env.ts';

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

function env() {
  return testEnv([apply]);
}

describe('kubectl apply', () => {
  test('created, unchanged, configured', async () => {
    const e = env();
    e.write('/root/svc.yaml', SVC);
    expect(await e.kubectl('apply -f svc.yaml')).toEqual({ code: 0, stdout: 'service/web created\n', stderr: '' });
    expect(await e.kubectl('apply -f svc.yaml')).toEqual({ code: 0, stdout: 'service/web unchanged\n', stderr: '' });
    e.write('/root/svc.yaml', SVC.replace('8080', '9090'));
    expect(await e.kubectl('apply -f /root/svc.yaml')).toEqual({ code: 0, stdout: 'service/web configured\n', stderr: '' });
  });

  test('writes the last-applied annotation as kubectl does (sorted compact JSON, annotations {}, namespace, newline)', async () => {
    const e = env();
    e.write('/root/svc.yaml', SVC);
    await e.kubectl('apply -f svc.yaml');
    const svc = await getObj(e, '/api/v1/namespaces/default/services/web');
    expect(svc.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"web"}}}\n',
    );
  });

  test('a field removed from the file since the last apply is removed; fields set by others stay', async () => {
    const e = env();
    e.write('/root/d.yaml', DEPLOY);
    await e.kubectl('apply -f d.yaml');
    // Someone else labels the deployment: apply must not remove what it never set.
    e.cluster.api.request({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/default/deployments/web',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { metadata: { labels: { team: 'a' } } },
    });
    e.write('/root/d.yaml', DEPLOY.replace('  replicas: 2\n', '').replace('nginx:1.27', 'nginx:1.28'));
    expect((await e.kubectl('apply -f d.yaml')).stdout).toBe('deployment.apps/web configured\n');
    const d = await getObj(e, '/apis/apps/v1/namespaces/default/deployments/web');
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.28');
    expect(d.metadata.labels).toEqual({ team: 'a' });
    expect(d.spec.replicas).toBe(1); // replicas dropped from the file: deleted, then defaulted again
  });

  test('an object created without apply gets the warning, then is patched', async () => {
    const e = env();
    e.cluster.api.request({ method: 'POST', path: '/api/v1/namespaces/default/services', body: JSON.parse(JSON.stringify(yamlSvc())) });
    e.write('/root/svc.yaml', SVC);
    const r = await e.kubectl('apply -f svc.yaml');
    expect(r.stderr).toBe(
      "Warning: resource services/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
    );
    expect(r.stdout).toBe('service/web configured\n');
  });

  test('multi-document YAML, kind: List, JSON and KYAML flow style', async () => {
    const e = env();
    e.write('/root/all.yaml', `${SVC}---\n${DEPLOY}`);
    expect((await e.kubectl('apply -f all.yaml')).stdout).toBe('service/web created\ndeployment.apps/web created\n');
    e.write(
      '/root/list.json',
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { x: '1' } }] }),
    );
    expect((await e.kubectl('apply -f list.json')).stdout).toBe('configmap/a created\n');
    e.write(
      '/root/k.yaml',
      `{\n  apiVersion: "v1",\n  kind: "ConfigMap",\n  metadata: {\n    name: "kyaml",\n  },\n  data: {\n    key: "value",\n  },\n}\n`,
    );
    expect((await e.kubectl('apply -f k.yaml')).stdout).toBe('configmap/kyaml created\n');
  });

  test('stdin and directories', async () => {
    const e = env();
    expect((await e.kubectl('apply -f -', SVC)).stdout).toBe('service/web created\n');
    e.fs.mkdir('/root/m');
    e.write('/root/m/b.yaml', DEPLOY);
    e.write('/root/m/a.yml', SVC.replace('name: web', 'name: api'));
    e.write('/root/m/notes.txt', 'not a manifest');
    expect((await e.kubectl('apply -f m')).stdout).toBe('service/api created\ndeployment.apps/web created\n');
  });

  test('dry runs', async () => {
    const e = env();
    e.write('/root/svc.yaml', SVC);
    expect((await e.kubectl('apply -f svc.yaml --dry-run=client')).stdout).toBe('service/web created (dry run)\n');
    expect((await e.kubectl('apply -f svc.yaml --dry-run=server')).stdout).toBe('service/web created (server dry run)\n');
    expect((await e.kubectl('get svc web')).code).toBe(1);
    await e.kubectl('apply -f svc.yaml');
    expect((await e.kubectl('apply -f svc.yaml --dry-run=client')).stdout).toBe('service/web configured (dry run)\n');
    expect((await e.kubectl('apply -f svc.yaml -o name')).stdout).toBe('service/web\n');
  });

  test('namespace from the file, -n, and a mismatch', async () => {
    const e = env();
    e.cluster.api.request({ method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: 'a' } } });
    e.write('/root/svc.yaml', SVC.replace('  name: web\n', '  name: web\n  namespace: a\n'));
    const r = await e.kubectl('apply -f svc.yaml -n b');
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: the namespace from the provided object "a" does not match the namespace "b". You must pass '--namespace=a' to perform this operation.\n`,
    });
    expect((await e.kubectl('apply -f svc.yaml')).stdout).toBe('service/web created\n');
    expect((await e.kubectl('get svc web -n a -o name')).stdout).toBe('service/web\n');
  });

  test('one failing document does not stop the others', async () => {
    const e = env();
    e.write('/root/x.yaml', `${SVC}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports:\n  - port: 0\n---\n${DEPLOY}`);
    const r = await e.kubectl('apply -f x.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('service/web created\ndeployment.apps/web created\n');
    expect(r.stderr).toMatch(/^The Service "bad" is invalid: /);
  });

  test('server errors name the file when there are several', async () => {
    const e = env();
    e.write('/root/x.yaml', `apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad_Name\n---\napiVersion: v1\nkind: Nope\nmetadata:\n  name: nope\n`);
    const r = await e.kubectl('apply -f x.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('resource mapping not found for name: "nope" namespace: "" from "x.yaml": no matches for kind "Nope" in version "v1"');
    expect(r.stderr.split('\n')[1]).toBe('ensure CRDs are installed first');
    expect(r.stderr.split('\n')[2]).toMatch(/^Error from server \(Invalid\): error when creating "x.yaml": Service "Bad_Name" is invalid: /);
  });
});

describe('kubectl apply: client-side errors (recorded from kubectl 1.34)', () => {
  const cases: Array<[string, string, string]> = [
    ['nokind.yaml', 'metadata:\n  name: x\n', 'error: error validating "nokind.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false'],
    ['nokind2.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n', 'error: error validating "nokind2.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false'],
    ['noapi.yaml', 'kind: Pod\nmetadata:\n  name: x\n', 'error: error validating "noapi.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false'],
    ['badindent.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: a\n', 'error: error parsing badindent.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context'],
    ['tab.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n', 'error: error parsing tab.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token'],
    ['quote.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x\n', 'error: error parsing quote.yaml: error converting YAML to JSON: yaml: line 5: found unexpected end of stream'],
    ['sq.yaml', "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'x\n", 'error: error parsing sq.yaml: error converting YAML to JSON: yaml: line 5: found unexpected end of stream'],
    ['mapval.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec: foo: bar\n', 'error: error parsing mapval.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context'],
    ['ind2.yaml', 'apiVersion: v1\nkind: Pod\n metadata:\n  name: x\n', 'error: error parsing ind2.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context'],
    ['list.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: b\n   - name: c\n', 'error: error parsing list.yaml: error converting YAML to JSON: yaml: line 6: did not find expected key'],
    ['list2.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n  image: b\n  - name: c\n', 'error: error parsing list2.yaml: error converting YAML to JSON: yaml: line 6: did not find expected key'],
    ['list3.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n  - name: c\n', 'error: error parsing list3.yaml: error converting YAML to JSON: yaml: line 5: did not find expected key'],
    ['ind3.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: b\n    ports:\n    - containerPort: 80\n     protocol: TCP\n', 'error: error parsing ind3.yaml: error converting YAML to JSON: yaml: line 10: did not find expected key'],
    ['flow.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n', "error: error parsing flow.yaml: error converting YAML to JSON: yaml: line 3: did not find expected ',' or '}'"],
    ['fs.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    app: [a\n', "error: error parsing fs.yaml: error converting YAML to JSON: yaml: line 6: did not find expected ',' or ']'"],
    ['bad2.json', '{"apiVersion": "v1", "kind": "Pod" "metadata": {}}\n', `error: error parsing bad2.json: json: offset 36: invalid character '"' after object key:value pair`],
    ['empty.yaml', '', 'error: no objects passed to apply'],
  ];
  for (const [file, text, want] of cases) {
    test(file, async () => {
      const e = env();
      e.write(`/root/${file}`, text);
      expect(await e.kubectl(`apply -f ${file} --dry-run=client`)).toEqual({ code: 1, stdout: '', stderr: want + '\n' });
    });
  }

  test('a parse error in a later document is counted from that document', async () => {
    const e = env();
    e.write('/root/two.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  x: "y\n');
    const r = await e.kubectl('apply -f two.yaml --validate=false');
    expect(r.stdout).toBe('configmap/a created\n');
    expect(r.stderr).toBe('error: error parsing two.yaml: error converting YAML to JSON: yaml: line 6: found unexpected end of stream\n');
  });

  test('flag and path errors', async () => {
    const e = env();
    expect((await e.kubectl('apply')).stderr).toBe('error: must specify one of -f and -k\n');
    expect((await e.kubectl('apply -f nope')).stderr).toBe('error: the path "nope" does not exist\n');
    e.fs.mkdir('/root/emptydir');
    expect((await e.kubectl('apply -f emptydir')).stderr).toBe('error: error reading [emptydir]: recognized file extensions are [.json .yaml .yml]\n');
    expect((await e.kubectl('apply -f x.yaml --validate=foo')).stderr).toBe(
      'error: invalid - validate option "foo"; must be one of: strict (or true), warn, ignore (or false)\n',
    );
    expect((await e.kubectl('apply -f x.yaml --dry-run=foo')).stderr).toBe('error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n');
    expect((await e.kubectl('apply -f x.yaml foo')).stderr).toBe("error: Unexpected args: [foo]\nSee 'kubectl apply -h' for help and examples\n");
    e.write('/root/nokind.yaml', 'metadata:\n  name: x\n');
    expect((await e.kubectl('apply -f nokind.yaml --validate=false')).stderr).toBe(
      `error: unable to decode "nokind.yaml": Object 'Kind' is missing in '{"metadata":{"name":"x"}}'\n`,
    );
  });
});

function yamlSvc() {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } };
}

async function getObj(e: ReturnType<typeof env>, path: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return e.cluster.api.request({ method: 'GET', path }).body as any;
}
