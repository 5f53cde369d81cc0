// pods/exec and pods/attach: what the API server checks (pkg/registry/core/pod/strategy.go
// streamLocation), what the kubelet refuses (a container that is not running), and then a
// process in the container — a shell of the Pod's image (Sandbox.podShell) running the command,
// its prompt and input carried over the stream (stream-terminal.ts).
// A command the image does not have fails as Docker (minikube's runtime) reports it: the OCI
// message on the output and exit code 126.

import { badRequest, StatusError } from '../../cluster/apiserver/errors.ts';
import type { ApiRequest, KObject, StreamHandle, StreamListener } from '../../cluster/apiserver/types.ts';
import { LogStore } from '../../cluster/logs.ts';
import { exitStatus, upgradeFailure } from '../../kubectl/commands/exec/protocol.ts';
import type { ShellSession } from '../../shell/index.ts';
import type { Sandbox } from '../sandbox.ts';
import { toolboxFor } from '../toolboxes.ts';
import { StreamTerminal } from './stream-terminal.ts';

interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
}

const CLOSED: StreamHandle = { write() {}, closeWrite() {}, close() {} };

/** Builtins of our shell that are shell-only in real life (no /bin/cd in an image). */
const SHELL_ONLY = new Set(['cd', 'export', 'unset', 'read', 'exit', 'break', 'continue', 'source', '.', 'jobs', 'fg', 'wait', 'history', 'type', 'help']);

/** streamLocation's checks, then the kubelet's: the container to run in, or a thrown Status. */
function containerFor(req: ApiRequest, pod: KObject): Container {
  const name = pod.metadata.name!;
  const containers: Container[] = pod.spec?.containers ?? [];
  const inits: Container[] = pod.spec?.initContainers ?? [];
  let cname = req.query?.container ?? '';
  if (!cname) {
    if (containers.length === 1) cname = containers[0].name;
    else if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    else {
      let msg = `a container name must be specified for pod ${name}, choose one of: [${containers.map((c) => c.name).join(' ')}]`;
      if (inits.length > 0) msg += ` or one of the init containers: [${inits.map((c) => c.name).join(' ')}]`;
      throw badRequest(msg);
    }
  } else if (![...containers, ...inits, ...(pod.spec?.ephemeralContainers ?? [])].some((c) => c.name === cname)) {
    throw badRequest(`container ${cname} is not valid for pod ${name}`);
  }
  if (!pod.spec?.nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  const st = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === cname);
  if (!st?.state?.running) throw new StatusError(upgradeFailure(`container not found ("${cname}")`));
  return [...containers, ...inits].find((c) => c.name === cname)!;
}

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function ociNotFound(bin: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${bin}": executable file not found in $PATH: unknown\r\n`;
}

/** How a process runs: a shell's REPL, a script line, or not at all (missing binary). */
type Plan = { kind: 'repl'; shell: ShellSession; announceExit: boolean } | { kind: 'line'; shell: ShellSession; line: string } | { kind: 'missing'; bin: string };

function plan(sandbox: Sandbox, pod: KObject, c: Container, argv: string[]): Plan {
  const box = toolboxFor(c.image);
  const bin = argv[0].split('/').pop()!;
  if (box.shells.includes(bin)) {
    const shell = sandbox.podShell(pod, c, bin)!;
    const rest = argv.slice(1).filter((a) => a !== '-i' && a !== '-l' && a !== '--login');
    if (rest[0] === '-c' && rest.length > 1) return { kind: 'line', shell, line: rest[1] };
    if (rest.length === 0) return { kind: 'repl', shell, announceExit: bin === 'bash' };
    return { kind: 'line', shell, line: `. ${rest.map(quote).join(' ')}` };
  }
  const shell = box.shells.length > 0 ? sandbox.podShell(pod, c, box.shells[0]) : undefined;
  if (!shell || !(shell.programs.has(bin) || (shell.builtins.has(bin) && !SHELL_ONLY.has(bin)))) return { kind: 'missing', bin: argv[0] };
  return { kind: 'line', shell, line: argv.map(quote).join(' ') };
}

/** Runs a plan on a stream terminal, then ends the stream with its exit status. */
function start(p: Plan, req: ApiRequest, listener: StreamListener, argv: string[], reportExit = true): StreamHandle {
  if (p.kind === 'missing') {
    listener.data(ociNotFound(p.bin), 'stdout');
    listener.end(exitStatus(126, argv));
    return CLOSED;
  }
  const term = new StreamTerminal(listener, req.query?.tty === 'true');
  if (req.query?.stdin !== 'true') term.closeWrite();
  void (async () => {
    let code: number;
    try {
      code = p.kind === 'repl' ? await p.shell.repl(term, { announceExit: p.announceExit }) : await p.shell.runLine(p.line, term);
    } catch (e) {
      term.write(`${String(e)}\n`);
      code = 1;
    }
    if (term.closed) return;
    term.close();
    // exec reports the exit code on its error channel; attach just ends with the process.
    listener.end(code === 0 || !reportExit ? undefined : exitStatus(code, argv));
  })();
  return {
    write: (data) => term.input(data),
    closeWrite: () => term.closeWrite(),
    close: () => term.close(),
  };
}

function failed(listener: StreamListener, e: unknown): StreamHandle {
  if (e instanceof StatusError) listener.end(e.status);
  else throw e;
  return CLOSED;
}

/** pods/exec: `command` comes in the body (PodExecOptions.command; query holds the rest). */
export function execHandler(sandbox: Sandbox) {
  return (req: ApiRequest, pod: KObject, listener: StreamListener): StreamHandle => {
    let c: Container;
    try {
      c = containerFor(req, pod);
    } catch (e) {
      return failed(listener, e);
    }
    const argv: string[] = (req.body as { command?: string[] } | undefined)?.command ?? [];
    if (argv.length === 0) return failed(listener, badRequest('you must specify at least one command for the container'));
    return start(plan(sandbox, pod, c, argv), req, listener, argv);
  };
}

/**
 * pods/attach: the container's main process. A shell image's (busybox `sh`, netshoot `zsh`, or
 * the command `kubectl run … -- bash` gave it) is an interactive shell; any other process (nginx)
 * shows its output — the container's log, from now on — until the client leaves.
 */
export function attachHandler(sandbox: Sandbox) {
  return (req: ApiRequest, pod: KObject, listener: StreamListener): StreamHandle => {
    let c: Container;
    try {
      c = containerFor(req, pod);
    } catch (e) {
      return failed(listener, e);
    }
    const box = toolboxFor(c.image);
    const argv = [...(c.command ?? []), ...(c.args ?? [])];
    const main = argv.length > 0 ? argv : box.cmd ? [box.cmd] : [];
    const bin = (main[0] ?? '').split('/').pop()!;
    if (main.length > 0 && box.shells.includes(bin)) return start(plan(sandbox, pod, c, main), req, listener, main, false);
    const restart = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === c.name)?.restartCount ?? 0;
    const key = LogStore.key(pod.metadata.namespace!, pod.metadata.name!, c.name, restart);
    const stop = sandbox.cluster.logs.follow(key, (l) => listener.data(l.text + '\n', 'stdout'));
    return { write() {}, closeWrite() {}, close: () => stop() };
  };
}
