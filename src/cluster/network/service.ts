// The network as programs see it (curl, nslookup, ping, the Ingress controller): DNS, connections
// through the dataplane, and the app at the far end answering. Every request is recorded as a
// trace, which the diagram and lesson checks read.

import type { Clock } from '../clock.ts';
import type { ClusterConfig } from '../config.ts';
import type { Random } from '../random.ts';
import type { KObject } from '../apiserver/types.ts';
import { lookupImage, parseImage } from '../kubelet/images.ts';
import { LogStore } from '../logs.ts';
import { appForImage } from './apps/registry.ts';
import { containerEnv } from './apps/env.ts';
import type { App, AppContext, HttpRequest, HttpResponse } from './apps/types.ts';
import { Network } from './dataplane.ts';
import { resolve, type DnsAnswer } from './dns.ts';
import type { Trace, Vantage } from './trace.ts';
import type { ClusterView } from './view.ts';

export interface Listener {
  container: KObject['spec'];
  app?: App;
}

export class NetworkService {
  readonly dataplane: Network;

  constructor(
    readonly view: ClusterView,
    readonly config: ClusterConfig,
    readonly logs: LogStore,
    private readonly rng: Random,
    private readonly clock: Clock,
  ) {
    this.dataplane = new Network(view, config, rng, clock, (pod, port, protocol) => !!this.listener(pod, port, protocol));
  }

  #dnsListeners = new Set<(from: Vantage, answer: DnsAnswer) => void>();

  /** Every DNS answer (for the traffic view and lesson checks): lookups are part of a request's path. */
  onResolve(listener: (from: Vantage, answer: DnsAnswer) => void): () => void {
    this.#dnsListeners.add(listener);
    return () => this.#dnsListeners.delete(listener);
  }

  resolve(from: Vantage, name: string, type: 'A' | 'SRV' | 'ANY' = 'A', server?: string): DnsAnswer {
    const answer = resolve(this.view, this.config, from, name, type, server);
    for (const l of [...this.#dnsListeners]) l(from, answer);
    return answer;
  }

  /** The running container of a Pod that listens on port, with its app when it has one. */
  listener(pod: KObject, port: number, protocol = 'TCP'): { container: AppContext['container']; app?: App } | undefined {
    if (protocol === 'UDP') return undefined;
    for (const c of pod.spec?.containers ?? []) {
      const st = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === c.name);
      if (!st?.state?.running) continue;
      const app = appForImage(c.image);
      const env = containerEnv(this.view, pod, c);
      let ports: number[];
      if (app) ports = app.ports({ container: c, env });
      else {
        const ref = parseImage(c.image);
        ports = (ref && lookupImage(ref)?.ports) || [];
      }
      if (ports.includes(port)) return { container: c, app };
    }
    return undefined;
  }

  appContext(pod: KObject, container: AppContext['container']): AppContext {
    const key = LogStore.key(pod.metadata.namespace!, pod.metadata.name!, container.name, restartCount(pod, container.name));
    return {
      pod,
      container,
      env: containerEnv(this.view, pod, container),
      now: this.clock.now(),
      network: this,
      log: (line) => this.logs.append(key, line, this.clock.now()),
    };
  }

  /** An ephemeral client port, as the kernel would pick. */
  ephemeralPort(): number {
    return 32768 + this.rng.int(60999 - 32768);
  }

  /**
   * One HTTP exchange to address:port (already resolved). Returns the trace (recorded) and the
   * response, or the trace alone when the connection failed or nothing answered HTTP.
   */
  http(from: Vantage, address: string, port: number, req: Omit<HttpRequest, 'remoteAddr' | 'remotePort'>, opts: { host?: string; tool?: string } = {}): { trace: Trace; response?: HttpResponse; emptyReply?: boolean } {
    const trace = this.dataplane.connect(from, address, port, { host: opts.host, tool: opts.tool });
    if (trace.result.kind !== 'connected') return { trace: this.dataplane.record(trace) };
    return this.answer(trace, req);
  }

  /**
   * The HTTP exchange on a connection already made (trace not yet recorded): a TLS client checks
   * the certificate between connect() and this, on the same connection and so the same endpoint.
   */
  answer(trace: Trace, req: Omit<HttpRequest, 'remoteAddr' | 'remotePort'>): { trace: Trace; response?: HttpResponse; emptyReply?: boolean } {
    const r = trace.result;
    if (r.kind !== 'connected') return { trace: this.dataplane.record(trace) };
    const pod = this.view.pod(r.pod.namespace, r.pod.name);
    const l = pod && this.listener(pod, r.port);
    if (!pod || !l?.app?.http) {
      trace.why = `The process on ${r.pod.name}:${r.port} does not speak HTTP.`;
      return { trace: this.dataplane.record(trace), emptyReply: true };
    }
    const response = l.app.http({ ...req, remoteAddr: r.clientIP, remotePort: this.ephemeralPort(), localPort: r.port }, { ...this.appContext(pod, l.container), trace });
    trace.httpStatus = response.status;
    return { trace: this.dataplane.record(trace), response };
  }

  /** A raw TCP exchange (redis-cli, nc): bytes to the app, its reply back. */
  tcp(from: Vantage, address: string, port: number, data: string, opts: { host?: string; tool?: string } = {}): { trace: Trace; reply?: string } {
    const trace = this.dataplane.connect(from, address, port, { host: opts.host, tool: opts.tool });
    if (trace.result.kind !== 'connected') return { trace: this.dataplane.record(trace) };
    const r = trace.result;
    const pod = this.view.pod(r.pod.namespace, r.pod.name);
    const l = pod && this.listener(pod, r.port);
    const reply = pod && l?.app?.tcp ? l.app.tcp(data, this.appContext(pod, l.container)) : '';
    return { trace: this.dataplane.record(trace), reply };
  }

  /** ICMP echo: Pods and nodes answer; ClusterIPs do not (they are not on any interface). */
  ping(from: Vantage, address: string): Trace {
    return this.dataplane.record(this.dataplane.connect(from, address, 0, { protocol: 'ICMP', tool: 'ping' }));
  }
}

function restartCount(pod: KObject, container: string): number {
  return (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container)?.restartCount ?? 0;
}
