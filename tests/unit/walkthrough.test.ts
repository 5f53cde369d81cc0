// The classic "exposing containers" walkthrough, typed into the headless CLI's run mode exactly as
// a learner would type it (issue: traffic through every Service type).
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/cli/run.ts';

const LB = "$(kubectl get svc httpenv -o jsonpath='{.status.loadBalancer.ingress[0].ip}')";

const SCRIPT = `kubectl create deployment nginx --image=nginx
kubectl create deployment httpenv --image=bretfisher/httpenv
kubectl expose deployment/nginx --port 80
kubectl expose deployment/httpenv --port 8888 --type LoadBalancer
kubectl get services
curl -s ${LB}:8888 | grep -o '"HOSTNAME":"httpenv-[^"]*"'
kubectl run tmp-shell --rm -it --image bretfisher/netshoot -- bash
curl -s httpenv:8888 | grep -o '"HOSTNAME":"httpenv-[^"]*"'
curl -s nginx | grep title
exit
kubectl port-forward deployment/httpenv 8080:8888 &
curl -s localhost:8080 | grep -c HOSTNAME
kill %%
kubectl port-forward service/httpenv 8080:8888 &
curl -s localhost:8080 | grep -c HOSTNAME
kill %%
kubectl scale deployment httpenv --replicas 3
for i in $(seq 30); do curl -s ${LB}:8888 | grep -o '"HOSTNAME":"[^"]*"'; done | sort | uniq | wc -l
curl -sS --max-time 2 $(kubectl get svc nginx -o jsonpath='{.spec.clusterIP}')`;

describe('the exposing-containers walkthrough in the CLI', () => {
  it('reaches httpenv through the LoadBalancer, from a netshoot shell, and through both port-forward forms', async () => {
    const r = await runScript(SCRIPT, { seed: 3 });
    const out = (cmd: string) => r.entries.find((e) => e.command.startsWith(cmd))!;
    expect(out('kubectl get services').output).toMatch(/^httpenv\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+192\.168\.49\.\d+\s+8888:3\d{4}\/TCP/m);
    expect(out(`curl -s ${LB}`).output).toMatch(/^"HOSTNAME":"httpenv-[a-z0-9]+-[a-z0-9]{5}"\n$/);
    // Inside the Pod, the Service's short name resolves through the Pod's search path.
    expect(r.transcript).toContain("tmp-shell:~# curl -s httpenv:8888 | grep -o '\"HOSTNAME\":\"httpenv-[^\"]*\"'\n\"HOSTNAME\":\"httpenv-");
    expect(r.transcript).toContain('<title>Welcome to nginx!</title>');
    expect(r.transcript).toContain('pod "tmp-shell" deleted from default namespace');
    const forwards = r.entries.filter((e) => e.command.startsWith('curl -s localhost:8080'));
    expect(forwards.map((e) => e.output)).toEqual(['Handling connection for 8080\n1\n', 'Handling connection for 8080\n1\n']);
    // Thirty requests through the load balancer reach all three replicas (uniform random choice).
    expect(out('for i in').output.trim()).toBe('3');
    // A ClusterIP does not answer from outside the cluster: curl times out, then the marked hint.
    const last = r.entries.at(-1)!;
    expect(last.exitCode).toBe(28);
    expect(last.output).toMatch(/^curl: \(28\) Connection timed out after 200\d milliseconds\n(\x1b\[2m)?hint: /);
  });
});
