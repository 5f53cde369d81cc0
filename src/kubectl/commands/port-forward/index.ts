// kubectl port-forward (pkg/cmd/portforward/portforward.go + client-go tools/portforward, kubectl
// 1.34): TYPE/NAME → one pod (a Service is not load-balanced: its targetPort is resolved to that
// pod's container port), the pod must be Running, then listeners on the learner's machine until
// Ctrl+C, `Handling connection for N` per connection, and `error: lost connection to pod` when
// the kubelet reports a failed connection.

import type { KObject, StreamHandle } from '../../../cluster/apiserver/types.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { attachablePod, getTarget } from '../../polymorphic/attachable.ts';
import { CORE, resourcePath } from '../../resource/rest.ts';
import { klogError } from './klog.ts';
import { parseAddresses, parsePorts, splitPort, type ForwardedPort } from './ports.ts';
import type { PortForwardEvent, PortForwardRequest } from './protocol.ts';

interface Options {
  pod: KObject;
  target: string;
  ports: string[];
}

type PortSpec = { name?: string; containerPort: number; protocol?: string };

export default defineCommand<Options>({
  name: 'port-forward',
  flags: [
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    { name: 'address', type: 'stringSlice', default: ['localhost'] },
  ],
  async complete(inv) {
    if (inv.args.length < 2) throw inv.usageError('TYPE/NAME and list of ports are required for port-forward');
    const obj = getTarget(inv, inv.args[0]);
    const pod = await attachablePod(inv, obj, inv.flags.duration('pod-running-timeout'));
    const args = inv.args.slice(1);
    const ports = obj.kind === 'Service' ? servicePorts(args, obj, pod) : podPorts(args, pod);
    const target = inv.args[0].includes('/') ? inv.args[0] : `pod/${inv.args[0]}`;
    return { pod, target, ports };
  },
  validate(o) {
    if (!o.pod.metadata.name) throw new CmdError('pod name or resource type/name must be specified');
    if (o.ports.length < 1) throw new CmdError('at least 1 PORT is required for port-forward');
  },
  async run(o, inv) {
    const pod = inv.rest().get<KObject>(resourcePath(CORE('pods'), inv.namespace, o.pod.metadata.name));
    if (pod.status?.phase !== 'Running') throw new CmdError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? ''}`);
    const addresses = parseAddresses(inv.flags.strings('address'));
    const ports = parsePorts(o.ports);
    return forward(inv, pod, o.target, addresses, ports);
  },
});

/** translateServicePortToTargetPort. */
function servicePorts(args: string[], svc: KObject, pod: KObject): string[] {
  const specs: { port: number; protocol?: string }[] = svc.spec?.ports ?? [];
  checkUDP(args, specs, (p) => p.port, (name) => servicePortByName(svc, name));
  return args.map((port) => {
    let [local, remote] = splitPort(port);
    let num = Number.parseInt(remote, 10);
    if (!/^[+-]?\d+$/.test(remote)) {
      num = servicePortByName(svc, remote);
      if (local === remote) local = String(num);
    }
    remote = String(containerPortByServicePort(svc, pod, num));
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

/** convertPodNamedPortToNumber. */
function podPorts(args: string[], pod: KObject): string[] {
  const all: PortSpec[] = (pod.spec?.containers ?? []).flatMap((c: { ports?: PortSpec[] }) => c.ports ?? []);
  checkUDP(args, all, (p) => p.containerPort, (name) => containerPortByName(pod, name));
  return args.map((port) => {
    const [local, remote] = splitPort(port);
    if (remote === '') throw new CmdError('remote port cannot be empty');
    const n = /^[+-]?\d+$/.test(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${n}` : n;
  });
}

function checkUDP<T extends { protocol?: string }>(args: string[], specs: T[], num: (p: T) => number, byName: (name: string) => number): void {
  const udp = new Set(specs.filter((p) => p.protocol === 'UDP').map(num));
  for (const p of specs) if ((p.protocol ?? 'TCP') === 'TCP') udp.delete(num(p));
  for (const port of args) {
    const [, remote] = splitPort(port);
    const n = /^[+-]?\d+$/.test(remote) ? Number(remote) : byName(remote);
    if (udp.has(n)) throw new CmdError(`UDP protocol is not supported for ${remote}`);
  }
}

function servicePortByName(svc: KObject, name: string): number {
  const p = (svc.spec?.ports ?? []).find((x: { name?: string }) => x.name === name);
  if (!p) throw new CmdError(`Service '${svc.metadata.name}' does not have a named port '${name}'`);
  return p.port;
}

function containerPortByServicePort(svc: KObject, pod: KObject, port: number): number {
  for (const sp of svc.spec?.ports ?? []) {
    if (sp.port !== port) continue;
    if (svc.spec?.clusterIP === 'None') return port;
    const tp = sp.targetPort;
    if (tp === undefined || typeof tp === 'number') return tp ? tp : sp.port;
    if (/^\d+$/.test(String(tp))) return Number(tp);
    return containerPortByName(pod, String(tp));
  }
  throw new CmdError(`Service ${svc.metadata.name} does not have a service port ${port}`);
}

function containerPortByName(pod: KObject, name: string): number {
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])])
    for (const p of (c.ports ?? []) as PortSpec[]) if (p.name === name) return p.containerPort;
  throw new CmdError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** ForwardPorts: listen, report, then wait for Ctrl+C or a lost connection. */
function forward(inv: Invocation, pod: KObject, target: string, addresses: { address: string; failureMode: 'all' | 'any' }[], ports: ForwardedPort[]): Promise<number> {
  const body: PortForwardRequest = { ports: ports.map((p) => ({ local: p.local, remote: p.remote })), addresses: addresses.map((a) => a.address) };
  return new Promise<number>((resolve, reject) => {
    // Per port: the listeners' errors and successes by failure mode (listenOnPort).
    const results = ports.map(() => ({ errors: [] as string[], fail: { all: 0, any: 0 }, ok: { all: 0, any: 0 } }));
    const modeOf = (address: string) => addresses.find((a) => a.address === address)?.failureMode ?? 'any';
    const indexOf = (remote: number, local: number) => {
      const i = ports.findIndex((p) => p.remote === remote && (p.local === local || p.local === 0));
      if (i >= 0 && ports[i].local === 0) ports[i].local = local;
      return i;
    };
    let finished = false;
    const finish = (f: () => void) => {
      if (finished) return;
      finished = true;
      inv.signal.removeEventListener('abort', onAbort);
      handle?.close();
      f();
    };
    const onAbort = () => finish(() => resolve(130));
    const onEvent = (e: PortForwardEvent) => {
      switch (e.type) {
        case 'listening': {
          const i = indexOf(e.remote, e.local);
          results[i].ok[modeOf(e.address)]++;
          inv.stdout.write(`Forwarding from ${hostPort(e.address, e.local)} -> ${e.remote}\n`);
          return;
        }
        case 'listenError': {
          const i = indexOf(e.remote, e.local);
          results[i].errors.push(e.message);
          results[i].fail[modeOf(e.address)]++;
          return;
        }
        case 'ready': {
          let success = false;
          results.forEach((r, i) => {
            const failed = (r.ok.all === 0 && r.fail.all > 0) || r.fail.any > 0;
            if (failed) inv.stderr.write(`Unable to listen on port ${ports[i].local}: Listeners failed to create with the following errors: [${r.errors.join(' ')}]\n`);
            else success = true;
          });
          if (!success) finish(() => reject(new CmdError(`unable to listen on any of the requested ports: [${ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`)));
          return;
        }
        case 'connection':
          inv.stdout.write(`Handling connection for ${e.local}\n`);
          return;
        case 'error':
          inv.stderr.write(klogError(e.at, `an error occurred forwarding ${e.local} -> ${e.remote}: ${e.message}`));
          return;
      }
    };
    let handle: StreamHandle | undefined;
    handle = inv.client().stream(
      { method: 'POST', path: `${resourcePath(CORE('pods'), pod.metadata.namespace, pod.metadata.name)}/portforward`, query: { target }, body },
      {
        data: (chunk) => {
          if (!finished) onEvent(JSON.parse(chunk) as PortForwardEvent);
        },
        end: (status) => finish(() => reject(status && status.status === 'Failure' ? new CmdError(`error upgrading connection: ${status.message ?? ''}`) : new CmdError('lost connection to pod'))),
      },
    );
    if (finished) return handle.close();
    if (inv.signal.aborted) return onAbort();
    inv.signal.addEventListener('abort', onAbort, { once: true });
  });
}
