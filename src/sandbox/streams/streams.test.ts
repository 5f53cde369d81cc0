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
