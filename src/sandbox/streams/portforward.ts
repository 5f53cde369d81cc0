// pods/portforward: kubectl's listeners on the learner's machine (Network.addForward: the
// dataplane routes localhost:PORT from the laptop through them to the Pod), a `connection`
// event per connection the dataplane makes through them, and the kubelet's error for a
// connection that reaches nothing (the Pod gone, or no process on the port), after which the
// tunnel is dropped as client-go does. Docker's wording (minikube's runtime): socat's refusal.

import type { ApiRequest, KObject, StreamHandle, StreamListener } from '../../cluster/apiserver/types.ts';
import { R } from '../../cluster/apiserver/resources.ts';
import type { Forward } from '../../cluster/network/dataplane.ts';
import type { PortForwardEvent, PortForwardRequest } from '../../kubectl/commands/port-forward/protocol.ts';
import type { Sandbox } from '../sandbox.ts';

const IPV4_ANY = '0.0.0.0';
const IPV6_ANY = '::';

function family(address: string): 'tcp4' | 'tcp6' {
  return address.includes(':') ? 'tcp6' : 'tcp4';
}

/** Would a listener on address:port collide with an existing one (same family, same or wildcard address)? */
function inUse(forwards: Iterable<Forward>, address: string, port: number): boolean {
  for (const f of forwards) {
    if (f.localPort !== port || family(f.address) !== family(address)) continue;
    if (f.address === address || [IPV4_ANY, IPV6_ANY].includes(f.address) || [IPV4_ANY, IPV6_ANY].includes(address)) return true;
  }
  return false;
}

/** A stable 64-hex id for the pod's sandbox container, as docker names it. */
function sandboxId(pod: KObject): string {
  let h = 2166136261;
  let out = '';
  const seed = pod.metadata.uid ?? pod.metadata.name ?? '';
  while (out.length < 64) {
    for (const ch of seed + out.length) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

export function portForwardHandler(sandbox: Sandbox) {
  return (req: ApiRequest, pod: KObject, listener: StreamListener): StreamHandle => {
    const net = sandbox.cluster.network;
    const dp = net.dataplane;
    const body = req.body as PortForwardRequest;
    const emit = (e: PortForwardEvent) => listener.data(JSON.stringify(e), 'stdout');
    const mine: Forward[] = [];
    const target = req.query?.target ?? `pod/${pod.metadata.name}`;
    for (const p of body.ports) {
      let local = p.local;
      for (const address of body.addresses) {
        if (local === 0) {
          do local = net.ephemeralPort();
          while ([...dp.forwards.values()].some((f) => f.localPort === local));
        }
        if (inUse(dp.forwards.values(), address, local)) {
          const shown = family(address) === 'tcp6' ? `[${address}]:${local}` : `${address}:${local}`;
          emit({ type: 'listenError', address, local, remote: p.remote, message: `unable to create listener: Error listen ${family(address)} ${shown}: bind: address already in use` });
          continue;
        }
        mine.push(dp.addForward({ localPort: local, address, namespace: pod.metadata.namespace!, pod: pod.metadata.name!, podPort: p.remote, target }));
        emit({ type: 'listening', address, local, remote: p.remote });
      }
    }
    emit({ type: 'ready' });
    const seen = new Set<number>();
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      stopTraces();
      for (const f of mine) dp.removeForward(f.id);
    };
    const stopTraces = dp.onTrace((t) => {
      if (closed || t.from.kind !== 'outside' || t.hops[0]?.kind !== 'port-forward' || seen.has(t.id)) return;
      const fw = mine.find((f) => f.localPort === t.target.port);
      if (!fw) return;
      seen.add(t.id);
      emit({ type: 'connection', local: fw.localPort });
      if (t.result.kind !== 'refused') return;
      const id = sandboxId(pod);
      const gone = !sandbox.cluster.kube.list(R.pods).some((p) => p.metadata.uid === pod.metadata.uid);
      const stamp = new Date(sandbox.cluster.clock.now()).toISOString().replace('T', ' ').replace(/-/g, '/').slice(0, 19);
      const why = gone ? `Error: No such container: ${id}` : `exit status 1: ${stamp} socat[${4000 + (fw.podPort % 1000)}] E connect(5, AF=2 127.0.0.1:${fw.podPort}, 16): Connection refused`;
      emit({ type: 'error', local: fw.localPort, remote: fw.podPort, message: `error forwarding port ${fw.podPort} to pod ${id}, uid : ${why}`, at: sandbox.cluster.clock.now() });
      close();
      listener.end();
    });
    return { write() {}, closeWrite() {}, close };
  };
}
