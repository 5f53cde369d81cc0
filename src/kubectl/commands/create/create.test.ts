// Expected texts come from real kubectl 1.34.5 (client-side: --dry-run=client, flag and argument
// errors) and from kubectl's sources (server-side messages).

import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness.ts';

describe('kubectl create deployment', () => {
  it('prints the object kubectl builds client-side', async () => {
    const s = sandbox();
    const r = await s.kubectl('create deployment nginx --image=nginx --dry-run=client -o yaml');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: nginx
  name: nginx
spec:
  replicas: 1
  selector:
    matchLabels:
      app: nginx
  strategy: {}
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
  });

  it('writes -o json in Go struct order', async () => {
    const s = sandbox();
    const r = await s.kubectl('create namespace x --dry-run=client -o json');
    expect(r.stdout).toBe('{\n    "kind": "Namespace",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "x"\n    },\n    "spec": {},\n    "status": {}\n}\n');
  });

  it('names, dry-run messages and argument errors', async () => {
    const s = sandbox();
    expect((await s.kubectl('create deployment nginx --image=nginx --dry-run=client')).stdout).toBe('deployment.apps/nginx created (dry run)\n');
    expect((await s.kubectl('create deployment nginx --image=nginx --dry-run=client -o name')).stdout).toBe('deployment.apps/nginx\n');
    expect((await s.kubectl('create deployment nginx --dry-run=client')).stderr).toBe('error: required flag(s) "image" not set\n');
    expect((await s.kubectl('create deployment --image=nginx')).stderr).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
    );
    expect((await s.kubectl('create deployment x --image=a --image=b -- sleep 1')).stderr).toBe('error: cannot specify multiple --image options and command\n');
    expect((await s.kubectl('create deployment x --image=nginx --dry-run=foo')).stderr).toBe(
      'error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n',
    );
    expect((await s.kubectl('create deployment x --image=nginx --dry-run=client -o wide')).stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
  });

  it('creates, then refuses a second one with the server error wrapped', async () => {
    const s = sandbox();
    expect(await s.kubectl('create deployment nginx --image=nginx')).toEqual({ code: 0, stdout: 'deployment.apps/nginx created\n', stderr: '' });
    const r = await s.kubectl('create deployment nginx --image=nginx');
    expect(r.stderr).toBe('error: failed to create deployment: deployments.apps "nginx" already exists\n');
    expect(r.code).toBe(1);
  });

  it('--save-config stores the Go-ordered JSON', async () => {
    const s = sandbox();
    const r = await s.kubectl('create deployment x --image=nginx --dry-run=client --save-config -o yaml');
    expect(r.stdout).toContain(
      `    kubectl.kubernetes.io/last-applied-configuration: |
      {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"x","labels":{"app":"x"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}
`,
    );
  });
});

describe('kubectl create service', () => {
  it('nodeport with two --tcp and --node-port', async () => {
    const s = sandbox();
    const r = await s.kubectl('create service nodeport web --tcp=80:8080 --tcp=443:https --node-port=30080 --dry-run=client -o yaml');
    expect(r.stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    nodePort: 30080
    port: 80
    protocol: TCP
    targetPort: 8080
  - name: 443-https
    nodePort: 30080
    port: 443
    protocol: TCP
    targetPort: https
  selector:
    app: web
  type: NodePort
status:
  loadBalancer: {}
`);
  });

  it('client-side errors', async () => {
    const s = sandbox();
    const err = async (line: string) => (await s.kubectl(line)).stderr;
    expect(await err('create service clusterip h --dry-run=client')).toBe('error: at least one tcp port specifier must be provided\n');
    expect(await err('create service externalname ex')).toBe('error: required flag(s) "external-name" not set\n');
    expect(await err('create service externalname ex --external-name=Bar_com')).toBe('error: invalid service external name Bar_com\n');
    expect(await err('create service loadbalancer lb --tcp=abc')).toBe('error: strconv.ParseUint: parsing "abc": invalid syntax\n');
    expect(await err('create service loadbalancer lb --tcp=80:0')).toBe('error: must be between 1 and 65535, inclusive\n');
    expect(await err('create service loadbalancer lb --tcp=80:Bad_Name')).toBe(
      'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n',
    );
  });

  it('creates a ClusterIP service', async () => {
    const s = sandbox();
    expect((await s.kubectl('create service clusterip web --tcp=80:8080')).stdout).toBe('service/web created\n');
  });
});

describe('kubectl create configmap / secret / ingress', () => {
  it('configmap from literals and files', async () => {
    const s = sandbox();
    s.fs.writeFile('/tmp/f.txt', 'hello\nworld\n');
    const r = await s.kubectl('create configmap cm --from-literal=a=b --from-literal=c=d=e --from-file=/tmp/f.txt --from-file=k2=/tmp/f.txt --dry-run=client -o yaml');
    expect(r.stdout).toBe(`apiVersion: v1
data:
  a: b
  c: d=e
  f.txt: |
    hello
    world
  k2: |
    hello
    world
kind: ConfigMap
metadata:
  name: cm
`);
    expect((await s.kubectl('create configmap cm --from-literal=a')).stderr).toBe('error: invalid literal source a, expected key=value\n');
    expect((await s.kubectl('create configmap cm --from-literal=a=1 --from-literal=a=2')).stderr).toBe(
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "cm"\n',
    );
    expect((await s.kubectl('create configmap cm --from-file=/tmp/nope')).stderr).toBe('error: error reading /tmp/nope: no such file or directory\n');
  });

  it('secret generic and tls', async () => {
    const s = sandbox();
    const r = await s.kubectl('create secret generic s --from-literal=user=admin --from-literal=pw=s3cr3t! --dry-run=client -o yaml');
    expect(r.stdout).toBe('apiVersion: v1\ndata:\n  pw: czNjcjN0IQ==\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n  name: s\n');
    const j = await s.kubectl('create secret generic s --type=Opaque --from-literal=a=b -o json --dry-run=client');
    expect(j.stdout).toBe(
      '{\n    "kind": "Secret",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "s"\n    },\n    "data": {\n        "a": "Yg=="\n    },\n    "type": "Opaque"\n}\n',
    );
    s.fs.writeFile('/tmp/f.txt', 'hello\n');
    expect((await s.kubectl('create secret tls t --cert=/tmp/f.txt --key=/tmp/f.txt')).stderr).toBe('error: tls: failed to find any PEM data in certificate input\n');
    expect((await s.kubectl('create secret tls t')).stderr).toBe('error: key and cert must be specified\n');
    expect((await s.kubectl('create secret tls t --cert=/tmp/nope --key=/tmp/f.txt')).stderr).toBe(
      'error: Cannot read file /tmp/nope, open /tmp/nope: no such file or directory\n',
    );
  });

  it('ingress rules, tls and default backend', async () => {
    const s = sandbox();
    const r = await s.kubectl([
      'create', 'ingress', 'simple', '--rule=foo.com/bar=svc1:8080,tls=my-cert', '--rule=/path*=svc2:http',
      '--class=nginx', '--default-backend=defsvc:80', '--annotation=a=b', '--dry-run=client', '-o', 'yaml',
    ]);
    expect(r.stdout).toBe(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  annotations:
    a: b
  name: simple
spec:
  defaultBackend:
    service:
      name: defsvc
      port:
        number: 80
  ingressClassName: nginx
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc1
            port:
              number: 8080
        path: /bar
        pathType: Exact
  - http:
      paths:
      - backend:
          service:
            name: svc2
            port:
              name: http
        path: /path
        pathType: Prefix
  tls:
  - hosts:
    - foo.com
    secretName: my-cert
status:
  loadBalancer: {}
`);
    expect((await s.kubectl('create ingress x --rule=foo')).stderr).toBe(
      'error: rule foo is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n',
    );
    expect((await s.kubectl('create ingress x --default-backend=svc')).stderr).toBe('error: default-backend should be in format servicename:serviceport\n');
  });
});

describe('kubectl create -f', () => {
  it('creates every document, errors name the file', async () => {
    const s = sandbox();
    s.fs.writeFile('/root/m.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers: [{name: d, image: nginx}]\n');
    expect(await s.kubectl('create -f m.yaml')).toEqual({ code: 0, stdout: 'pod/a created\ndeployment.apps/d created\n', stderr: '' });
    const again = await s.kubectl('create -f m.yaml');
    expect(again.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "m.yaml": pods "a" already exists\nError from server (AlreadyExists): error when creating "m.yaml": deployments.apps "d" already exists\n',
    );
    expect((await s.kubectl('create')).stderr).toBe('error: must specify one of -f and -k\n');
    expect((await s.kubectl('create -f nope.yaml')).stderr).toBe('error: the path "nope.yaml" does not exist\n');
  });

  it('reads stdin with -f -', async () => {
    const s = sandbox();
    const r = await s.kubectl('create -f - --dry-run=client', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n');
    expect(r.stdout).toBe('namespace/team created (dry run)\n');
  });
});

describe('kubectl create serviceaccount and secret docker-registry', () => {
  it('build what real kubectl 1.34 builds', async () => {
    const s = sandbox();
    expect((await s.kubectl('create sa robot2 --dry-run=client -o yaml')).stdout).toBe('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot2\n');
    expect((await s.kubectl('create sa robot3 -n kube-system --dry-run=client -o json')).stdout).toBe(
      '{\n    "kind": "ServiceAccount",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "robot3",\n        "namespace": "kube-system"\n    }\n}\n',
    );
    const r = await s.kubectl('create secret docker-registry reg --docker-server=r.example.com --docker-username=u --docker-password=p --dry-run=client -o yaml');
    expect(r.stdout).toBe(
      'apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJyLmV4YW1wbGUuY29tIjp7InVzZXJuYW1lIjoidSIsInBhc3N3b3JkIjoicCIsImF1dGgiOiJkVHB3In19fQ==\nkind: Secret\nmetadata:\n  name: reg\ntype: kubernetes.io/dockerconfigjson\n',
    );
  });
  it('docker-registry needs a username, password and server, or --from-file', async () => {
    const s = sandbox();
    expect((await s.kubectl('create secret docker-registry reg --docker-username=u')).stderr).toBe(
      'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
    );
  });
});

describe('kubectl create -o (the framework printers)', () => {
  it('jsonpath, --template and go-template print the object; other formats are refused (kubectl 1.34.5)', async () => {
    const s = sandbox();
    expect(await s.kubectl(['create', 'ns', 'x', '--dry-run=client', '-o', 'jsonpath={.metadata.name}'])).toEqual({ code: 0, stdout: 'x', stderr: '' });
    expect((await s.kubectl(['create', 'deployment', 'd', '--image=nginx', '--port=80', '--dry-run=client', '-o', 'jsonpath={.spec.template.spec.containers[0]}'])).stdout).toBe(
      '{"image":"nginx","name":"nginx","ports":[{"containerPort":80}],"resources":{}}',
    );
    expect((await s.kubectl(['create', 'deployment', 'd', '--image=nginx', '--dry-run=client', '--template={{.metadata.name}}'])).stdout).toBe('d');
    const allowed = 'allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n';
    expect((await s.kubectl('create ns x --dry-run=client -o custom-columns=A:.a')).stderr).toBe(`error: unable to match a printer suitable for the output format "custom-columns=A:.a", ${allowed}`);
    expect((await s.kubectl('create ns x --dry-run=client -o foo')).stderr).toBe(`error: unable to match a printer suitable for the output format "foo", ${allowed}`);
  });
});
