// One run of a container probe, as pkg/kubelet/prober/prober.go runProbe does it: httpGet asks the
// simulated app (pkg/probe/http: GET with kube-probe's headers, 200–399 passes), tcpSocket and
// grpc pass when something listens on the port (pkg/probe/tcp), exec passes. The failure texts
// are the probers'. Without a network (unit tests of the kubelet alone) a probe passes when the
// image's process listens on the probed port.

import type { KObject } from '../apiserver/types.ts';
import type { HttpRequest } from '../network/apps/types.ts';
import type { NetworkService } from '../network/service.ts';
import { LogStore } from '../logs.ts';
import type { ContainerRun } from './status.ts';

export interface Probe {
  httpGet?: { port: number | string; path?: string; scheme?: string; host?: string; httpHeaders?: { name: string; value: string }[] };
  tcpSocket?: { port: number | string; host?: string };
  grpc?: { port: number };
  exec?: unknown;
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

export interface ProbeTarget {
  /** The pod as the kubelet sees it now (its containers' states, not the stored status). */
  pod: KObject;
  container: ContainerRun;
  podIP: string;
  /** The address the kubelet's connection comes from: the node's bridge on the pod network. */
  sourceIP: string;
  /** When the probe runs (a batch of steady-state probes runs some of them late). */
  now: number;
}

/**
 * probe.Result with its output; `error` is a probe that could not run (prober.go's err). A quiet
 * success left no trace anywhere (no log line): repeating it would change nothing.
 */
export type ProbeOutcome = { result: 'success'; quiet?: boolean } | { result: 'failure'; output: string } | { result: 'error'; error: string };

export type Prober = (probe: Probe, target: ProbeTarget) => ProbeOutcome;

/** The kubelet's user agent (pkg/probe/http/request.go userAgent: kube-probe/<major>.<minor>). */
export const PROBE_USER_AGENT = 'kube-probe/1.34';

/** The prober without a network: a probe passes when the image's process listens on the port. */
export const portProber: Prober = (probe, t) => {
  if (probe.exec) return { result: 'success', quiet: true };
  const port = probePort(probe, t.container);
  if (typeof port === 'string') return { result: 'error', error: port };
  return listens(t.container).has(port) ? { result: 'success', quiet: true } : { result: 'failure', output: refused(probe, t, port) };
};

/** The prober of a whole cluster: HTTP probes are answered by the simulated app itself. */
export function networkProber(network: NetworkService): Prober {
  // Client ports of the kubelet's connections; a counter, so probing does not use the cluster's
  // random source (that would shift every later random choice).
  let nextPort = 0;
  return (probe, t) => {
    if (probe.exec) return { result: 'success', quiet: true };
    const port = probePort(probe, t.container);
    if (typeof port === 'string') return { result: 'error', error: port };
    const l = network.listener(t.pod, port);
    if (!l) return { result: 'failure', output: refused(probe, t, port) };
    const get = probe.httpGet;
    // A process we have no HTTP model for is taken to answer its health checks.
    if (!get || !l.app?.http) return { result: 'success', quiet: true };
    const host = get.host || t.podIP;
    const req: HttpRequest = {
      method: 'GET',
      path: probePath(get.path),
      headers: probeHeaders(get, host, port),
      body: '',
      remoteAddr: t.sourceIP,
      remotePort: 32768 + (nextPort++ % 28232),
      localPort: port,
    };
    const base = network.appContext(t.pod, l.container);
    const key = logKey(t.pod, l.container.name);
    // The app logs the probe as the real one does (nginx: an access line with kube-probe's agent),
    // but the kubelet's probes are not the learner's traffic: no trace is recorded.
    let quiet = true;
    const log = (line: string) => {
      quiet = false;
      network.logs.append(key, line, t.now);
    };
    const res = l.app.http(req, { ...base, now: t.now, log });
    if (res.status >= 200 && res.status < 400) return { result: 'success', quiet };
    return { result: 'failure', output: `HTTP probe failed with statuscode: ${res.status}` };
  };
}

/** probe.ResolveContainerPort: a number, a named container port, or a number in a string. */
function probePort(probe: Probe, c: ContainerRun): number | string {
  const raw = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
  let port: number;
  if (typeof raw === 'string') {
    const named = (c.spec.ports ?? []).find((p: { name?: string }) => p.name === raw)?.containerPort;
    if (named !== undefined) port = named;
    else if (/^[+-]?\d+$/.test(raw)) port = Number(raw);
    else return `strconv.Atoi: parsing ${JSON.stringify(raw)}: invalid syntax`;
  } else port = Number(raw);
  return port > 0 && port < 65536 ? port : `invalid port number: ${port}`;
}

/** The dial error, and for HTTP the url.Error around it (`Get "http://…": dial tcp …`). */
function refused(probe: Probe, t: ProbeTarget, port: number): string {
  const host = probe.httpGet?.host || probe.tcpSocket?.host || t.podIP;
  const dial = `dial tcp ${host}:${port}: connect: connection refused`;
  if (!probe.httpGet) return dial;
  const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
  return `Get "${scheme}://${host}:${port}${probePath(probe.httpGet.path)}": ${dial}`;
}

/** net/url keeps an empty path empty in the URL, but the request line says `/`. */
function probePath(path: string | undefined): string {
  return !path ? '/' : path.startsWith('/') ? path : `/${path}`;
}

/**
 * The request's header lines in the order Go writes them: Host, User-Agent, the rest sorted by
 * name, then Connection: close (the prober's transport disables keep-alives and compression, so
 * no Accept-Encoding). httpHeaders may override Host, User-Agent and Accept (request.go).
 */
function probeHeaders(get: NonNullable<Probe['httpGet']>, host: string, port: number): [string, string][] {
  const canon = (n: string) => n.toLowerCase().replace(/(^|-)([a-z])/g, (_, d, ch) => d + ch.toUpperCase());
  const custom = new Map<string, string[]>();
  for (const h of get.httpHeaders ?? []) custom.set(canon(h.name), [...(custom.get(canon(h.name)) ?? []), h.value]);
  const hostHeader = custom.get('Host')?.[0] ?? `${host}:${port}`;
  const ua = custom.get('User-Agent')?.[0] ?? PROBE_USER_AGENT;
  if (!custom.has('Accept')) custom.set('Accept', ['*/*']);
  else if (custom.get('Accept')!.every((v) => v === '')) custom.delete('Accept');
  const lines: [string, string][] = [['Host', hostHeader], ['User-Agent', ua]];
  for (const name of [...custom.keys()].sort()) {
    if (name === 'Host' || name === 'User-Agent') continue;
    for (const v of custom.get(name)!) lines.push([name, v]);
  }
  lines.push(['Connection', 'close']);
  return lines;
}

function logKey(pod: KObject, container: string): string {
  const restarts = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container)?.restartCount ?? 0;
  return LogStore.key(pod.metadata.namespace!, pod.metadata.name!, container, restarts);
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
