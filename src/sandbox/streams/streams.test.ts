// kubectl logs / exec / run -it / port-forward against a whole Sandbox on the virtual clock, driven
// through laptop shells with the shell's MemoryTerminal. Expected texts come from kubectl 1.34's
// sources (pkg/cmd/{logs,exec,attach,run,portforward}, client-go tools/portforward) and the
// images' own output.

import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox.ts';
import { MemoryTerminal } from '../../shell/testing.ts';

function setup() {
  const sandbox = new Sandbox({ clock: 'virtual', seed: 1 });
  const shell = sandbox.laptopShell();
  const run = async (line: string, term = new MemoryTerminal([], { echo: false })) => {
    const code = await shell.runLine(line, term);
    sandbox.cluster.settle(60_000);
    return { code, out: term.output, term };
  };
  return { sandbox, shell, run };
}

describe('kubectl logs', () => {
  it('nginx start-up lines, then access lines after a curl', async () => {
    const { run } = setup();
    await run('kubectl create deployment web --image=nginx');
    await run('kubectl expose deployment web --port=80');
    await run('kubectl run tmp --image=nicolaka/netshoot -- sleep 3600');
    const r = await run('kubectl logs deploy/web');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\/docker-entrypoint\.sh: \/docker-entrypoint\.d\/ is not empty, will attempt to perform configuration\n/);
    expect(r.out).toMatch(/\[notice\] 1#1: start worker process 30\n$/);
    const c = await run('kubectl exec tmp -- curl -s web');
    expect(c.out).toContain('Welcome to nginx!');
    const after = await run('kubectl logs deploy/web --tail=1');
    expect(after.out).toMatch(/^10\.244\.\d+\.\d+ - - \[.*\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/[\d.]+" "-"\n$/);
  });

  it('errors: missing pod, bad container, usage', async () => {
    const { run } = setup();
    expect((await run('kubectl logs nope')).out).toBe('error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
    await run('kubectl run web --image=nginx');
    expect((await run('kubectl logs web -c x')).out).toBe('error: container x is not valid for pod web\n');
    expect((await run('kubectl logs')).out).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
  });
});

describe('kubectl exec', () => {
  it('runs a command; exit codes; missing binary', async () => {
    const { run } = setup();
    await run('kubectl run bb --image=busybox -- sleep 3600');
    expect((await run('kubectl exec bb -- hostname')).out).toBe('bb\n');
    const r = await run(`kubectl exec bb -- sh -c 'exit 3'`);
    expect(r.out).toBe('command terminated with exit code 3\n');
    expect(r.code).toBe(3);
    const m = await run('kubectl exec -it bb -- bash');
    expect(m.out).toContain('OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown');
    expect(m.out).toMatch(/command terminated with exit code 126\n$/);
    expect((await run('kubectl exec bb')).out).toBe('error: you must specify at least one command for the container\n');
  });

  it('interactive: a shell in the pod on the same terminal', async () => {
    const { run } = setup();
    await run('kubectl run bb --image=busybox -- sleep 3600');
    const term = new MemoryTerminal(['hostname', 'exit 2']);
    const r = await run('kubectl exec -it bb -- sh', term);
    expect(term.prompts).toEqual(['/ # ', '/ # ']);
    expect(r.out).toBe('/ # hostname\nbb\n/ # exit 2\ncommand terminated with exit code 2\n');
  });
});

describe('kubectl run --rm -it', () => {
  it('a netshoot shell that reaches a Service by name', async () => {
    const { run } = setup();
    await run('kubectl create deployment httpenv --image=bretfisher/httpenv');
    await run('kubectl expose deployment httpenv --port=8888');
    const term = new MemoryTerminal(['curl -s httpenv:8888 | grep -o HOSTNAME', 'exit']);
    const r = await run('kubectl run tmp-shell --rm -it --image=bretfisher/netshoot -- bash', term);
    expect(r.out).toBe(
      'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
        "If you don't see a command prompt, try pressing enter.\n" +
        'tmp-shell:~# curl -s httpenv:8888 | grep -o HOSTNAME\nHOSTNAME\ntmp-shell:~# exit\nexit\n' +
        "Session ended, resume using 'kubectl attach tmp-shell -c tmp-shell -i -t' command when the pod is running\n" +
        'pod "tmp-shell" deleted from default namespace\n',
    );
  });
});

describe('kubectl port-forward', () => {
  it('svc/NAME 8080:80 in the background, curl from a second terminal, Ctrl+C', async () => {
    const { sandbox, run } = setup();
    await run('kubectl create deployment web --image=nginx');
    await run('kubectl expose deployment web --port=80');
    const pfTerm = new MemoryTerminal([], { echo: false });
    const pf = sandbox.laptopShell().runLine('kubectl port-forward svc/web 8080:80', pfTerm);
    await new Promise((r) => setTimeout(r, 0));
    expect(pfTerm.output).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    const c = await run('curl -s localhost:8080');
    expect(c.out).toContain('Welcome to nginx!');
    expect(pfTerm.output).toMatch(/Handling connection for 8080\n$/);
    const busy = await run('kubectl port-forward deploy/web 8080:80');
    expect(busy.out).toBe(
      'Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\n' +
        'error: unable to listen on any of the requested ports: [{8080 80}]\n',
    );
    pfTerm.interrupt();
    expect(await pf).toBe(130);
    expect(sandbox.cluster.network.dataplane.forwards.size).toBe(0);
  });
});

describe('more streaming', () => {
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('logs -f streams new lines until Ctrl+C; ends when the pod goes', async () => {
    const { sandbox, run } = setup();
    await run('kubectl run web --image=nginx --port=80 --expose');
    await run('kubectl run tmp --image=nicolaka/netshoot -- sleep 3600');
    const t = new MemoryTerminal([], { echo: false });
    const f = sandbox.laptopShell().runLine('kubectl logs -f web --tail=0', t);
    await tick();
    expect(t.output).toBe('');
    await run('kubectl exec tmp -- curl -s web');
    expect(t.output).toMatch(/"GET \/ HTTP\/1\.1" 200 615 "-" "curl\/[\d.]+" "-"\n$/);
    t.interrupt();
    expect(await f).toBe(130);
    const t2 = new MemoryTerminal([], { echo: false });
    const f2 = sandbox.laptopShell().runLine('kubectl logs -f web --tail=1', t2);
    await tick();
    await run('kubectl delete pod web --wait=false');
    sandbox.cluster.settle(60_000);
    expect(await f2).toBe(0);
  });

  it('multi-container pods: Defaulted container notice, the annotation, -c', async () => {
    const { sandbox, run } = setup();
    sandbox.laptopFs.writeFile(
      '/home/learner/two.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  containers:\n  - name: a\n    image: nginx\n  - name: b\n    image: busybox\n    command: ["sleep", "3600"]\n',
    );
    await run('kubectl apply -f two.yaml');
    const r = await run('kubectl logs two --tail=1');
    expect(r.out).toMatch(/^Defaulted container "a" out of: a, b\n/);
    expect((await run('kubectl exec two -c b -- hostname')).out).toBe('two\n');
    expect((await run('kubectl exec two -- hostname')).out).toBe('Defaulted container "a" out of: a, b\ntwo\n');
    await run('kubectl annotate pod two kubectl.kubernetes.io/default-container=b');
    expect((await run('kubectl exec two -- hostname')).out).toBe('two\n');
    expect((await run('kubectl exec two -c zz -- hostname')).out).toBe('Error from server (BadRequest): container zz is not valid for pod two\n');
  });

  it('exec: -t without a terminal, a pod not yet running, Ctrl+C inside the shell', async () => {
    const { sandbox, run } = setup();
    await run('kubectl run bb --image=busybox -- sleep 3600');
    expect((await run('echo hi | kubectl exec -it bb -- cat')).out).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\nhi\n');
    const shell = sandbox.laptopShell();
    const t = new MemoryTerminal([], { echo: false });
    // No node matches: the Pod stays unscheduled.
    await shell.runLine(`kubectl run slow --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}'`, t);
    expect((await run('kubectl exec slow -- ls')).out).toBe('Error from server (BadRequest): pod slow does not have a host assigned\n');
    await shell.runLine('kubectl run slow2 --image=nginx', t);
    sandbox.cluster.clock.advance(1000);
    expect((await run('kubectl exec slow2 -- ls')).out).toBe('error: unable to upgrade connection: container not found ("slow2")\n');
    // cat waits for the terminal (a sleep would pass at once on the virtual clock).
    const term = new MemoryTerminal(['cat']);
    term.keepOpen = true;
    const ex = run('kubectl exec -it bb -- sh', term);
    await tick();
    term.interrupt();
    await tick();
    term.type('exit');
    const r = await ex;
    expect(r.out).toBe('/ # cat\n^C\n/ # exit\ncommand terminated with exit code 130\n');
  });

  it('port-forward: pod/NAME, :PORT, --address, not running, a connection after the pod is gone', async () => {
    const { sandbox, run } = setup();
    await run('kubectl run web --image=nginx');
    const t = new MemoryTerminal([], { echo: false });
    const pf = sandbox.laptopShell().runLine('kubectl port-forward web :80 --address 0.0.0.0', t);
    await tick();
    expect(t.output).toMatch(/^Forwarding from 0\.0\.0\.0:(\d+) -> 80\n$/);
    const port = Number(/:(\d+) ->/.exec(t.output)![1]);
    expect(port).toBeGreaterThanOrEqual(32768);
    expect((await run(`curl -s -o /dev/null -w '%{http_code}' localhost:${port}`)).out).toBe('200');
    await run('kubectl delete pod web --wait=false');
    sandbox.cluster.settle(60_000);
    await run(`curl -s localhost:${port}`);
    expect(await pf).toBe(1);
    expect(t.output).toMatch(
      /Handling connection for \d+\nE\d{4} \d\d:\d\d:\d\d\.\d{6}   52718 portforward\.go:424\] "Unhandled Error" err="an error occurred forwarding \d+ -> 80: error forwarding port 80 to pod [0-9a-f]{64}, uid : Error: No such container: [0-9a-f]{64}"\nerror: lost connection to pod\n$/,
    );
    await shellRun(sandbox, 'kubectl run slow --image=nginx');
    expect((await run('kubectl port-forward pod/slow 8080:80')).out).toBe('error: unable to forward port because pod is not running. Current status=Pending\n');
  });
});

async function shellRun(sandbox: Sandbox, line: string) {
  await sandbox.laptopShell().runLine(line, new MemoryTerminal([], { echo: false }));
}
