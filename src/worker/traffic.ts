// Every request the network carries, for the traffic diagram: the dataplane's traces, with the DNS
// lookup that preceded each one put in front as a `dns` hop, and lookups no connection followed
// (nslookup, dig, a curl whose name did not resolve) as requests of their own. Sent in batches, at
// most one per frame, so a burst of 100 curls is one message, not 100.

import type { DnsAnswer } from '../cluster/network/dns.ts';
import type { NetworkService } from '../cluster/network/service.ts';
import type { Hop, Trace, TraceResult, Vantage } from '../cluster/network/trace.ts';

export type TrafficResult = TraceResult | { kind: 'resolved'; addresses: string[] };

export interface TrafficRecord {
  /** The trace's id; DNS-only records count down from -1. */
  id: number;
  at: number;
  from: Vantage;
  target: Trace['target'];
  address?: string;
  hops: Hop[];
  result: TrafficResult;
  why?: string;
  tool?: string;
  httpStatus?: number;
  /** namespace/name of the first Service on the path (the log's filter), and its type. */
  service?: string;
  serviceType?: string;
  /** namespace/name of the Pod that answered. */
  endpoint?: string;
}

export interface TrafficBatch {
  records: TrafficRecord[];
  /** Records left out because the batch was too large (the oldest of it). */
  dropped: number;
}

export interface TrafficFeedOptions {
  /** How many recent records a new subscriber gets. */
  history?: number;
  /** The most records in one batch. */
  batchLimit?: number;
  /** Schedules the next flush (a frame from now in the worker; tests flush by hand). */
  schedule?: (flush: () => void) => void;
  /** The cluster's time (ms since epoch) for DNS-only records. */
  now?: () => number;
}

interface PendingLookup {
  from: Vantage;
  query: string;
  answer: DnsAnswer;
  /** Flushes this lookup has waited through without a connection claiming it. */
  age: number;
}

const isAddress = (s: string) => /^[\d.]+$/.test(s) || s.includes(':');
const bareName = (s: string) => s.toLowerCase().replace(/\.$/, '');

/** What the trace's hops say: the first Service and the answering Pod. */
function summarize(hops: Hop[], result: TrafficResult): Pick<TrafficRecord, 'service' | 'serviceType' | 'endpoint'> {
  const svc = hops.find((h) => h.service)?.service;
  return {
    service: svc ? `${svc.namespace}/${svc.name}` : undefined,
    serviceType: svc?.type,
    endpoint: result.kind === 'connected' && result.pod.namespace ? `${result.pod.namespace}/${result.pod.name}` : undefined,
  };
}

export class TrafficFeed {
  readonly #network: NetworkService;
  readonly #options: Required<TrafficFeedOptions>;
  readonly #listeners = new Set<(b: TrafficBatch) => void>();
  readonly #history: TrafficRecord[] = [];
  #queue: TrafficRecord[] = [];
  #pending: PendingLookup[] = [];
  #scheduled = false;
  #nextDnsId = -1;
  readonly #dispose: () => void;

  constructor(network: NetworkService, options: TrafficFeedOptions = {}) {
    this.#network = network;
    this.#options = {
      history: options.history ?? 300,
      batchLimit: options.batchLimit ?? 500,
      schedule: options.schedule ?? ((f) => setTimeout(f, 16)),
      now: options.now ?? (() => Date.now()),
    };
    const stopTraces = network.dataplane.onTrace((t) => this.#trace(t));
    // DNS answers are not traces: the resolver every program asks (curl, nslookup, dig …) reports them.
    const stopDns = network.onResolve((from, answer) => {
      if (bareName(answer.query) !== 'localhost') this.#lookup(from, answer);
    });
    this.#dispose = () => {
      stopTraces();
      stopDns();
    };
  }

  /** Subscribe; the recent history arrives at once as one batch. */
  subscribe(listener: (b: TrafficBatch) => void): () => void {
    this.#listeners.add(listener);
    listener({ records: [...this.#history], dropped: 0 });
    return () => this.#listeners.delete(listener);
  }

  /** Send what is queued; lookups that waited a whole frame unclaimed become records. */
  flush(): void {
    this.#scheduled = false;
    const stale = this.#pending.filter((p) => p.age >= 1);
    this.#pending = this.#pending.filter((p) => p.age < 1);
    for (const p of this.#pending) p.age++;
    for (const p of stale) this.#push(this.#dnsRecord(p));
    if (this.#pending.length) this.#schedule();
    if (!this.#queue.length) return;
    const all = this.#queue;
    this.#queue = [];
    const limit = this.#options.batchLimit;
    const batch: TrafficBatch = { records: all.length > limit ? all.slice(-limit) : all, dropped: Math.max(0, all.length - limit) };
    for (const l of [...this.#listeners]) l(batch);
  }

  stop(): void {
    this.#dispose();
    this.#listeners.clear();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#options.schedule(() => this.flush());
  }

  #push(r: TrafficRecord): void {
    this.#history.push(r);
    if (this.#history.length > this.#options.history) this.#history.splice(0, this.#history.length - this.#options.history);
    this.#queue.push(r);
    this.#schedule();
  }

  #lookup(from: Vantage, answer: DnsAnswer): void {
    this.#pending.push({ from, query: bareName(answer.query), answer, age: 0 });
    this.#schedule();
  }

  #trace(t: Trace): void {
    const hops = [...t.hops];
    const host = bareName(t.target.host);
    if (!isAddress(host) && host !== 'localhost') {
      const i = this.#pending.findIndex((p) => p.from.ip === t.from.ip && p.query === host);
      if (i >= 0) hops.unshift(this.#dnsHop(this.#pending.splice(i, 1)[0]));
    }
    const result = t.result;
    this.#push({
      id: t.id,
      at: t.at,
      from: t.from,
      target: t.target,
      address: t.address,
      hops,
      result,
      why: t.why,
      tool: t.tool,
      httpStatus: t.httpStatus,
      ...summarize(hops, result),
    });
  }

  #dnsHop(p: PendingLookup): Hop {
    const a = p.answer;
    const chain = a.records.filter((r) => r.type === 'CNAME').map((r) => `CNAME ${bareName(r.data)}`);
    const addresses = a.records.filter((r) => r.type === 'A').map((r) => r.data);
    const answer = a.status === 'NXDOMAIN' ? 'NXDOMAIN' : [...chain, addresses.length ? addresses.join(', ') : a.records.map((r) => `${r.type} ${r.data}`).join(', ')].filter(Boolean).join(' → ');
    const fqdn = a.fqdn ? bareName(a.fqdn) : undefined;
    const svc = fqdn ? this.#serviceOf(fqdn) : undefined;
    return {
      kind: 'dns',
      text: `DNS ${p.query}${fqdn && fqdn !== p.query ? ` (${fqdn})` : ''} → ${answer}, asked ${a.server}`,
      src: p.from.ip,
      dst: `${a.server}:53`,
      node: p.from.node,
      service: svc,
    };
  }

  /** <svc>.<ns>.svc.<domain> → the Service, when it exists. */
  #serviceOf(fqdn: string): Hop['service'] {
    const domain = this.#network.config.clusterDomain;
    if (!fqdn.endsWith('.svc.' + domain)) return undefined;
    const [name, namespace] = fqdn.slice(0, -(domain.length + 5)).split('.');
    const svc = namespace ? this.#network.view.service(namespace, name) : undefined;
    return svc ? { namespace, name, type: svc.spec?.type ?? 'ClusterIP' } : undefined;
  }

  #dnsRecord(p: PendingLookup): TrafficRecord {
    const hops = [this.#dnsHop(p)];
    const addresses = p.answer.records.filter((r) => r.type === 'A').map((r) => r.data);
    const result: TrafficResult = p.answer.status === 'NXDOMAIN' ? { kind: 'nxdomain', name: p.query } : { kind: 'resolved', addresses };
    return {
      id: this.#nextDnsId--,
      at: this.#options.now(),
      from: p.from,
      target: { host: p.query, port: 53, protocol: 'UDP' },
      hops,
      result,
      tool: 'dns',
      ...summarize(hops, result),
    };
  }
}
