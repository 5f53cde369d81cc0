// Readiness probes against the simulated processes: a probe passes when the container's process
// listens on the probed port (from the image table, or a -listen/--port flag in its args);
// exec probes pass. The failure texts are the prober's (pkg/probe/http, pkg/probe/tcp).

import type { ContainerRun } from './status.ts';

interface Probe {
  httpGet?: { port: number | string; path?: string; scheme?: string; host?: string };
  tcpSocket?: { port: number | string; host?: string };
  grpc?: { port: number };
  exec?: unknown;
}

/** undefined when the probe passes, else the failure message. */
export function probeResult(probe: Probe | undefined, c: ContainerRun, podIP: string): string | undefined {
  if (!probe || probe.exec) return undefined;
  const raw = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
  const port = typeof raw === 'string' && !/^\d+$/.test(raw)
    ? (c.spec.ports ?? []).find((p: { name?: string }) => p.name === raw)?.containerPort
    : Number(raw);
  if (port === undefined) return `strconv.Atoi: parsing "${raw}": invalid syntax`;
  if (listens(c).has(port)) return undefined;
  const host = probe.httpGet?.host ?? probe.tcpSocket?.host ?? podIP;
  const dial = `dial tcp ${host}:${port}: connect: connection refused`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `Get "${scheme}://${host}:${port}${probe.httpGet.path ?? '/'}": ${dial}`;
  }
  return dial;
}

function listens(c: ContainerRun): Set<number> {
  const args = [...(c.spec.command ?? []), ...(c.spec.args ?? [])].join(' ');
  const ports = new Set<number>(c.info?.ports ?? []);
  const flag = /(?:-listen[= ][^:\s]*:|--?port[= ]|-p\s+|\bnc\s+-l[kp\s]*)(\d+)/.exec(args);
  if (flag) {
    // An explicit listen flag moves the server to that port.
    if (/-listen/.test(args)) ports.clear();
    ports.add(Number(flag[1]));
  }
  return ports;
}
