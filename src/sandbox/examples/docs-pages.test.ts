// The Services and networking pages of kubernetes.io, typed as written (commands copied from the
// pages, placeholders like <pod-name> filled the way a reader would), with the outcomes the
// pages describe. See docs/DOCS-COMPAT.md.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../cli/run.ts';

async function page(script: string) {
  const r = await runScript(script.replace(/^\n/, ''));
  const out = (cmd: string | RegExp) => {
    const e = r.entries.find((x) => (typeof cmd === 'string' ? x.command === cmd : cmd.test(x.command)));
    if (!e) throw new Error(`no command ${cmd} in:\n${r.transcript}`);
    return e;
  };
  return { ...r, out };
}

describe('the Services and networking docs, verbatim', () => {
  it('Use a Service to Access an Application in a Cluster', async () => {
    const p = await page(`
kubectl apply -f https://k8s.io/examples/service/access/hello-application.yaml
kubectl get deployments hello-world
kubectl expose deployment hello-world --type=NodePort --name=example-service
kubectl describe services example-service
kubectl get pods --selector="run=load-balancer-example" --output=wide
curl http://$(minikube ip):$(kubectl get svc example-service -o go-template='{{(index .spec.ports 0).nodePort}}')
`);
    expect(p.out(/^kubectl apply/).output).toBe('deployment.apps/hello-world created\n');
    expect(p.out('kubectl get deployments hello-world').output).toMatch(/hello-world\s+2\/2/);
    expect(p.out(/^kubectl describe/).output).toMatch(/Selector:\s+run=load-balancer-example\nType:\s+NodePort/);
    expect(p.out(/^kubectl get pods/).output.match(/Running/g)).toHaveLength(2);
    expect(p.out(/^curl/).output).toMatch(/^Hello, world!\nVersion: 2\.0\.0\nHostname: hello-world-/);
  });

  it('Exposing an External IP Address to Access an Application in a Cluster', async () => {
    const p = await page(`
kubectl apply -f https://k8s.io/examples/service/load-balancer-example.yaml
kubectl get deployments hello-world
kubectl expose deployment hello-world --type=LoadBalancer --name=my-service
kubectl get services my-service
curl http://$(kubectl get svc my-service -o go-template='{{(index .status.loadBalancer.ingress 0).ip}}'):8080
`);
    expect(p.out('kubectl get deployments hello-world').output).toMatch(/hello-world\s+5\/5/);
    expect(p.out('kubectl get services my-service').output).toMatch(/my-service\s+LoadBalancer\s+10\.\S+\s+192\.168\.49\.200\s+8080:3\d{4}\/TCP/);
    expect(p.out(/^curl/).output).toMatch(/^Hello, world!\nVersion: 2\.0\.0\n/);
  });

  it('Connect a Frontend to a Backend Using Services', async () => {
    const p = await page(`
kubectl apply -f https://k8s.io/examples/service/access/backend-deployment.yaml
kubectl describe deployment backend
kubectl apply -f https://k8s.io/examples/service/access/backend-service.yaml
kubectl apply -f https://k8s.io/examples/service/access/frontend-deployment.yaml
kubectl apply -f https://k8s.io/examples/service/access/frontend-service.yaml
kubectl get service frontend
EXTERNAL_IP=$(kubectl get service frontend -o go-template='{{range .status.loadBalancer.ingress}}{{.ip}}{{end}}')
curl http://\${EXTERNAL_IP} # replace this with the EXTERNAL-IP you saw earlier
kubectl delete services frontend hello
kubectl delete deployment frontend backend
`);
    expect(p.out(/describe deployment backend/).output).toMatch(/Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable/);
    expect(p.out(/frontend-deployment/).output).toBe('deployment.apps/frontend created\n');
    expect(p.out(/frontend-service/).output).toBe('service/frontend created\n');
    expect(p.out(/^curl/).output).toBe('{"message":"Hello"}\n');
    expect(p.out(/delete services/).exitCode).toBe(0);
  });

  it('Connecting Applications with Services', async () => {
    const p = await page(`
kubectl apply -f https://k8s.io/examples/service/networking/run-my-nginx.yaml
kubectl get pods -l run=my-nginx -o wide
kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs
kubectl expose deployment/my-nginx
kubectl get svc my-nginx
kubectl describe svc my-nginx
kubectl get endpointslices -l kubernetes.io/service-name=my-nginx
kubectl scale deployment my-nginx --replicas=0; kubectl scale deployment my-nginx --replicas=2;
kubectl get pods -l run=my-nginx -o wide
POD=$(kubectl get pods -l run=my-nginx -o go-template='{{range .items}}{{if not .metadata.deletionTimestamp}}{{.metadata.name}}{{"\\n"}}{{end}}{{end}}' | head -1)
kubectl exec $POD -- printenv | grep SERVICE
kubectl get services kube-dns --namespace=kube-system
`);
    expect(p.out(/custom-columns/).output).toMatch(/^POD_IP\n\[map\[ip:10\.244\.\d+\.\d+\]\]\n\[map\[ip:10\.244\.\d+\.\d+\]\]\n$/);
    expect(p.out('kubectl expose deployment/my-nginx').output).toBe('service/my-nginx exposed\n');
    expect(p.out('kubectl describe svc my-nginx').output).toMatch(/Endpoints:\s+10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80/);
    expect(p.out(/endpointslices/).output).toMatch(/my-nginx-\w{5}\s+IPv4\s+80\s+10\.244/);
    const env = p.out(/-- printenv \| grep/).output;
    expect(env).toMatch(/KUBERNETES_SERVICE_HOST=10\.96\.0\.1/);
    // The Pods recreated after the Service exists see it in their environment.
    expect(env).toMatch(/MY_NGINX_SERVICE_HOST=10\.\d+\.\d+\.\d+/);
    expect(p.out(/kube-dns/).output).toMatch(/kube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP/);
  });

  it('Using Source IP', async () => {
    const p = await page(`
kubectl create deployment source-ip-app --image=registry.k8s.io/echoserver:1.10
kubectl expose deployment source-ip-app --name=clusterip --port=80 --target-port=8080
kubectl get svc clusterip
kubectl expose deployment source-ip-app --name=nodeport --port=80 --target-port=8080 --type=NodePort
NODEPORT=$(kubectl get -o jsonpath="{.spec.ports[0].nodePort}" services nodeport)
NODES=$(kubectl get nodes -o jsonpath='{ $.items[*].status.addresses[?(@.type=="InternalIP")].address }')
for node in $NODES; do curl -s $node:$NODEPORT | grep -i client_address; done
`);
    expect(p.out(/^kubectl create deployment/).output).toBe('deployment.apps/source-ip-app created\n');
    // Through a NodePort with externalTrafficPolicy Cluster, the source is SNATed: the Pod sees a node-side address, not the laptop's.
    const lines = p.out(/^for node/).output.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^\s*client_address=(10\.244\.\d+\.\d+|192\.168\.49\.\d+)$/);
  });

  it('Debug Services: the hostnames Deployment answers with Pod names', async () => {
    const p = await page(`
kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname
kubectl scale deployment hostnames --replicas=3
kubectl get pods -l app=hostnames
kubectl get pods -l app=hostnames -o go-template='{{range .items}}{{.status.podIP}}{{"\\n"}}{{end}}'
kubectl expose deployment hostnames --port=80 --target-port=9376
kubectl get svc hostnames
ssh minikube curl -s $(kubectl get svc hostnames -o go-template='{{.spec.clusterIP}}'):80
`);
    expect(p.out(/get pods -l app=hostnames$/).output.match(/Running/g)).toHaveLength(3);
    expect(p.out(/go-template='\{\{range/).output).toMatch(/^(10\.244\.\d+\.\d+\n){3}$/);
    expect(p.out(/^kubectl expose/).output).toBe('service/hostnames exposed\n');
    expect(p.out(/^ssh/).output).toMatch(/^hostnames-[a-z0-9]+-[a-z0-9]{5}$/);
  });

  it('DNS debugging: the dnsutils Pod has nslookup', async () => {
    const p = await page(`
kubectl apply -f https://k8s.io/examples/admin/dns/dnsutils.yaml
kubectl get pods dnsutils
kubectl exec -i -t dnsutils -- nslookup kubernetes.default
`);
    expect(p.out('kubectl get pods dnsutils').output).toMatch(/dnsutils\s+1\/1\s+Running/);
    expect(p.out(/nslookup/).output).toMatch(/Name:\s+kubernetes\.default\.svc\.cluster\.local\nAddress: 10\.96\.0\.1/);
  });

  it('Use Port Forwarding to Access Applications in a Cluster (mongosh)', async () => {
    const p = await page(`
kubectl apply -f https://k8s.io/examples/application/mongodb/mongo-deployment.yaml
kubectl apply -f https://k8s.io/examples/application/mongodb/mongo-service.yaml
kubectl get service mongo
kubectl wait --for=condition=Available deployment/mongo --timeout=5m
POD=$(kubectl get pods -l app.kubernetes.io/name=mongo -o jsonpath='{.items[0].metadata.name}')
kubectl get pod $POD --template='{{(index (index .spec.containers 0).ports 0).containerPort}}{{"\\n"}}'
kubectl port-forward $POD 28015:27017 &
mongosh --port 28015
db.runCommand( { ping: 1 } )
exit
`);
    expect(p.out(/--template=/).output).toBe('27017\n');
    const m = p.out('mongosh --port 28015').output;
    expect(m).toMatch(/Connecting to:\t\tmongodb:\/\/127\.0\.0\.1:28015\/\?directConnection=true/);
    expect(m).toMatch(/Using MongoDB:\t\t4\.2\.24/);
    expect(p.transcript).toContain('{ ok: 1 }');
  });

  it('minikube service --url and friends', async () => {
    const p = await page(`
kubectl create deployment web --image=nginx
kubectl expose deployment web --type=NodePort --port=80
minikube service web --url
minikube ip -n minikube-m02
kubectl expose deployment web --name=web-internal --port=80
minikube service web-internal --url
`);
    expect(p.out('minikube service web --url').output).toMatch(/^http:\/\/192\.168\.49\.2:3\d{4}\n$/);
    expect(p.out('minikube ip -n minikube-m02').output).toBe('192.168.49.3\n');
    expect(p.out('minikube service web-internal --url').output).toMatch(/^😿  service default\/web-internal has no node port\n/);
  });
});
