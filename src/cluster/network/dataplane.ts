// Where a packet goes. Given a vantage point and a destination address:port, walk the path a real
// cluster would take — routing, the load balancer, kube-proxy's DNAT (and SNAT), the hop between
// nodes, the Pod's port — and return a Trace. Applications answer afterwards (apps/), on the
// connection the trace ends in.

import type { Clock } from '../clock.ts';
import type { ClusterConfig } from '../config.ts';
import type { Random } from '../random.ts';
import type { KObject } from '../apiserver/types.ts';
import { cidrContains, OUTSIDE_IP } from './addresses.ts';
import { EXTERNAL_HOSTS } from './dns.ts';
import { buildRules, usableEndpoints, type ProxyEndpoint, type ServicePortRule } from './proxy.ts';
import type { Hop, Trace, TraceResult, Vantage } from './trace.ts';
import { isFinished, nodeIP, type ClusterView } from './view.ts';

/** Is some container of this Pod listening on port/protocol? (The apps registry answers.) */
export type ListenCheck = (pod: KObject, port: number, protocol: string) => boolean;

/** A `kubectl port-forward` tunnel: a local port on a vantage point's loopback, to a Pod's port. */
export interface Forward {
  id: number;
  localPort: number;
  address: string; // 127.0.0.1, ::1 or 0.0.0.0 (--address)
  namespace: string;
  pod: string;
  podPort: number;
  /** What the learner named: pod/x, deployment/x or service/x. */
  target: string;
}

export interface ConnectOptions {
  protocol?: 'TCP' | 'UDP' | 'ICMP';
  tool?: string;
  /** The name the client asked for, when DNS was used. */
  host?: string;
}

const MAX_TRACES = 2000;
const EXCLUDE_FROM_LB = 'node.kubernetes.io/exclude-from-external-load-balancers';

export class Network {
  readonly traces: Trace[] = [];
  readonly forwards = new Map<number, Forward>();
  #listeners = new Set<(t: Trace) => void>();
  #rules: { version: string; rules: ServicePortRule[] } | undefined;
  #affinity = new Map<string, { ip: string; port: number; until: number }>();
  #nextId = 1;
  #nextForward = 1;

  constructor(
    readonly view: ClusterView,
    readonly config: ClusterConfig,
    private readonly rng: Random,
    private readonly clock: Clock,
    private readonly listening: ListenCheck,
  ) {}

  /** kube-proxy's rule table for the current state (rebuilt when the store changes). */
  rules(): ServicePortRule[] {
    const v = this.view.version;
    if (this.#rules?.version !== v) this.#rules = { version: v, rules: buildRules(this.view) };
    return this.#rules.rules;
  }

  onTrace(listener: (t: Trace) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Record a finished trace (after the application answered, the tool may add httpStatus). */
  record(t: Trace): Trace {
    this.traces.push(t);
    if (this.traces.length > MAX_TRACES) this.traces.splice(0, this.traces.length - MAX_TRACES);
    for (const l of [...this.#listeners]) l(t);
    return t;
  }

  addForward(f: Omit<Forward, 'id'>): Forward {
    const fw = { ...f, id: this.#nextForward++ };
    this.forwards.set(fw.id, fw);
    return fw;
  }

  removeForward(id: number): void {
    this.forwards.delete(id);
  }

  /** Open a connection; the returned trace is not yet recorded (call record() when done). */
  connect(from: Vantage, address: string, port: number, opts: ConnectOptions = {}): Trace {
    const protocol = opts.protocol ?? 'TCP';
    const trace: Trace = {
      id: this.#nextId++,
      at: this.clock.now(),
      from,
      target: { host: opts.host ?? address, port, protocol },
      address,
      hops: [],
      result: { kind: 'timeout', reason: '' },
      tool: opts.tool,
    };
    trace.result = this.#route(from, address, port, protocol, trace.hops, trace);
    return trace;
  }

  #route(from: Vantage, dst: string, port: number, protocol: string, hops: Hop[], trace: Trace): TraceResult {
    const cfg = this.config;
    // Loopback: port-forward tunnels on the learner's machine; a Pod's own containers inside a Pod.
    if (dst === '127.0.0.1' || dst === 'localhost' || dst === '::1') {
      if (from.kind === 'outside') return this.#viaForward(from, port, hops, trace);
      if (from.kind === 'pod') {
        const pod = this.view.pod(from.pod!.namespace, from.pod!.name);
        if (pod && this.listening(pod, port, protocol)) return this.#deliver(pod, port, from.ip, hops, trace);
        return { kind: 'refused', reason: `nothing listens on port ${port} in this Pod` };
      }
      return { kind: 'refused', reason: `nothing listens on port ${port} on this node` };
    }
    if (EXTERNAL_HOSTS && Object.values(EXTERNAL_HOSTS).includes(dst)) {
      return { kind: 'external', host: dst, ip: dst, port };
    }
    // A ClusterIP: only nodes and Pods have kube-proxy's rules; from outside nothing routes there.
    if (cidrContains(cfg.serviceCIDR, dst)) {
      if (from.kind === 'outside') {
        trace.why = `${dst} is a ClusterIP: a virtual address that exists only inside the cluster (kube-proxy rules on each node). From your machine, use a NodePort, a LoadBalancer address, or kubectl port-forward.`;
        return { kind: 'timeout', reason: 'ClusterIP not routable from outside the cluster' };
      }
      if (protocol === 'ICMP') {
        // kube-proxy only rewrites the Service's ports; no interface owns a ClusterIP, so ICMP dies.
        trace.why = `${dst} is a ClusterIP: a virtual address kube-proxy rewrites for the Service's ports only. No machine owns it, so nothing answers ping — test a Service with curl instead.`;
        return { kind: 'timeout', reason: 'ClusterIPs do not answer ICMP' };
      }
      const rule = this.rules().find((r) => r.clusterIP === dst && r.port === port && r.protocol === protocolOf(protocol));
      if (!rule) {
        const any = this.rules().find((r) => r.clusterIP === dst);
        trace.why = any
          ? `Service ${any.namespace}/${any.service} does not expose port ${port}; kube-proxy has no rule for it, so the packet goes nowhere.`
          : `No Service has the address ${dst}.`;
        return { kind: 'timeout', reason: 'no Service port at this address' };
      }
      const node = from.node!;
      const local = rule.internalTrafficPolicy === 'Local';
      // Traffic not from a Pod is masqueraded (`! -s clusterCIDR`), which from a node changes nothing.
      return this.#dnat(rule, 'ClusterIP', from.ip, node, local, undefined, hops, trace);
    }
    // A Pod IP: routable from nodes and Pods (the CNI's routes), not from outside.
    const podCidrNode = cfg.nodes.find((n) => cidrContains(n.podCIDR, dst));
    if (podCidrNode) {
      if (from.kind === 'outside') {
        trace.why = `${dst} is a Pod IP: Pod addresses are routable only inside the cluster.`;
        return { kind: 'timeout', reason: 'Pod network not routable from outside the cluster' };
      }
      const pod = this.view.podByIP(dst);
      if (!pod) {
        trace.why = `No Pod has the address ${dst} (any more): Pod IPs change when Pods are replaced — that is why Services exist.`;
        return { kind: 'unreachable', reason: 'no Pod at this address' };
      }
      if (pod.spec?.nodeName !== from.node) hops.push({ kind: 'node', text: `routed to node ${pod.spec?.nodeName} (Pod CIDR ${podCidrNode.podCIDR})`, node: pod.spec?.nodeName, src: from.ip, dst });
      return this.#toPod(pod, port, protocol, from.ip, hops, trace);
    }
    // A node address: NodePorts (and the node's own services).
    const node = this.view.nodeByIP(dst);
    if (node) {
      const rule = this.rules().find((r) => r.nodePort === port && r.protocol === protocolOf(protocol));
      hops.push({ kind: 'node', text: `arrives at node ${node.metadata.name} (${dst}:${port})`, node: node.metadata.name, src: from.ip, dst: `${dst}:${port}` });
      const bound = protocol === 'ICMP' ? undefined : this.#hostPort(node.metadata.name!, dst, port, protocolOf(protocol));
      if (bound) {
        // The CNI portmap plugin's DNAT (CNI-HOSTPORT-DNAT): the node's port is the Pod's port.
        // It masquerades only hairpin traffic (a Pod reaching its own hostPort).
        const hairpin = from.kind === 'pod' && from.pod?.namespace === bound.pod.metadata.namespace && from.pod?.name === bound.pod.metadata.name;
        const src = hairpin ? dst : from.ip;
        hops.push({ kind: 'dnat', text: `hostPort: ${dst}:${port} → Pod ${bound.pod.metadata.name} ${bound.pod.status?.podIP}:${bound.containerPort}`, node: node.metadata.name, src, dst: `${bound.pod.status?.podIP}:${bound.containerPort}`, pod: podRef(bound.pod) });
        return this.#toPod(bound.pod, bound.containerPort, protocol, src, hops, trace);
      }
      if (!rule) {
        if (protocol === 'ICMP') return { kind: 'connected', pod: { namespace: '', name: node.metadata.name!, ip: dst, node: node.metadata.name! }, port: 0, clientIP: from.ip };
        trace.why = `No Service has NodePort ${port}; nothing listens on ${dst}:${port}.`;
        return { kind: 'refused', reason: 'no NodePort here' };
      }
      const ext = this.#externalPolicy(rule, from, from.kind === 'node' && from.node === node.metadata.name);
      return this.#dnat(rule, 'NodePort', from.ip, node.metadata.name!, ext.local, ext.snat, hops, trace);
    }
    // A load-balancer or external address of a Service.
    const lbRule = this.rules().find((r) => (r.loadBalancerIPs.includes(dst) || r.externalIPs.includes(dst)) && r.port === port && r.protocol === protocolOf(protocol));
    if (lbRule && from.kind !== 'outside' && from.node && !lbRule.proxyIPs.includes(dst)) {
      // kube-proxy captures a Service's load-balancer IPs (ipMode VIP) and external IPs on every
      // node: a Pod or node reaching one never leaves its node; the packet is DNATed right there.
      const ext = this.#externalPolicy(lbRule, from, from.kind === 'node');
      return this.#dnat(lbRule, 'LoadBalancer', from.ip, from.node, ext.local, ext.snat, hops, trace);
    }
    if (lbRule) {
      // Like the service controller (and MetalLB), the load balancer leaves out nodes labelled
      // node.kubernetes.io/exclude-from-external-load-balancers (kubeadm's control plane).
      const nodes = this.view
        .nodes()
        .filter((n) => n.metadata.labels?.[EXCLUDE_FROM_LB] === undefined)
        .map((n) => n.metadata.name!);
      if (!nodes.length) {
        trace.why = `Every node is labelled ${EXCLUDE_FROM_LB}: the load balancer at ${dst} has no backends.`;
        return { kind: 'timeout', reason: 'load balancer has no nodes' };
      }
      // The load balancer spreads connections over nodes; with Local it only uses nodes that
      // pass its health check (those with a ready endpoint).
      const candidates = lbRule.externalTrafficPolicy === 'Local' ? nodes.filter((n) => lbRule.endpoints.some((e) => e.node === n && e.ready)) : nodes;
      const target = candidates.length ? candidates[this.rng.int(candidates.length)] : nodes[this.rng.int(nodes.length)];
      hops.push({ kind: 'load-balancer', text: `load balancer ${dst}:${port} → node ${target}`, src: from.ip, dst: `${dst}:${port}`, node: target, service: svcRef(lbRule) });
      const ext = this.#externalPolicy(lbRule, from, false);
      return this.#dnat(lbRule, 'LoadBalancer', from.ip, target, ext.local, ext.snat, hops, trace);
    }
    if (this.rules().some((r) => r.loadBalancerIPs.includes(dst) || r.externalIPs.includes(dst))) {
      trace.why = `The load balancer at ${dst} has no listener on port ${port}.`;
      return { kind: 'timeout', reason: 'no listener on the load balancer' };
    }
    trace.why = `Nothing in the sandbox has the address ${dst}.`;
    return { kind: 'timeout', reason: 'no route to host' };
  }

  /** A running Pod on `node` whose container port is published as hostPort `port` (hostIP empty or dst). */
  #hostPort(node: string, dst: string, port: number, protocol: string): { pod: KObject; containerPort: number } | undefined {
    for (const pod of this.view.pods()) {
      if (pod.spec?.nodeName !== node || isFinished(pod)) continue;
      for (const c of pod.spec?.containers ?? []) {
        for (const p of (c.ports ?? []) as { hostPort?: number; containerPort: number; protocol?: string; hostIP?: string }[]) {
          if (p.hostPort === port && (p.protocol ?? 'TCP') === protocol && (!p.hostIP || p.hostIP === dst || p.hostIP === '0.0.0.0')) return { pod, containerPort: p.containerPort };
        }
      }
    }
    return undefined;
  }

  /**
   * kube-proxy's KUBE-EXT chain for traffic to a NodePort, load-balancer or external IP: with
   * policy Cluster everything is masqueraded; with Local, Pod traffic ("pod traffic for … external
   * destinations", any Pod of the cluster CIDR) and the node's own traffic (src-type LOCAL, which
   * is also masqueraded) go to the Cluster chain, and only the rest keeps the client's address and
   * needs a local endpoint.
   */
  #externalPolicy(rule: ServicePortRule, from: Vantage, srcTypeLocal: boolean): { local: boolean; snat?: string } {
    if (rule.externalTrafficPolicy !== 'Local') return { local: false, snat: 'externalTrafficPolicy: Cluster' };
    if (srcTypeLocal) return { local: false, snat: 'traffic from the node itself' };
    if (this.#isPodSource(from.ip)) return { local: false };
    return { local: true };
  }

  #isPodSource(ip: string): boolean {
    return this.config.nodes.some((n) => cidrContains(n.podCIDR, ip));
  }

  /** kube-proxy on `node` DNATs to an endpoint of the rule, masquerading when `snat` says why. */
  #dnat(rule: ServicePortRule, via: string, clientIP: string, node: string, local: boolean, snat: string | undefined, hops: Hop[], trace: Trace): TraceResult {
    const eps = usableEndpoints(rule, local, node);
    const svc = svcRef(rule);
    if (!eps.length) {
      if (!rule.endpoints.length) {
        trace.why = `Service ${rule.namespace}/${rule.service} has no endpoints: its selector matches no ready Pod, so kube-proxy rejects the connection.`;
        hops.push({ kind: 'dnat', text: `${rule.chain}: no endpoints → REJECT`, node, service: svc, rule: rule.chain });
        return { kind: 'refused', reason: 'Service has no endpoints' };
      }
      if (local) {
        trace.why =
          via === 'ClusterIP'
            ? `internalTrafficPolicy: Local and no ready endpoint of ${rule.namespace}/${rule.service} on node ${node}: the packet is dropped.`
            : `externalTrafficPolicy: Local and no ready endpoint of ${rule.namespace}/${rule.service} on node ${node}: the packet is dropped.`;
        hops.push({ kind: 'dnat', text: `${rule.chain}: no local endpoint on ${node} → DROP`, node, service: svc, rule: rule.chain });
        return { kind: 'timeout', reason: 'no local endpoint' };
      }
      trace.why = `Service ${rule.namespace}/${rule.service} has endpoints, but none is ready.`;
      hops.push({ kind: 'dnat', text: `${rule.chain}: no ready endpoints → REJECT`, node, service: svc, rule: rule.chain });
      return { kind: 'refused', reason: 'no ready endpoints' };
    }
    const ep = this.#pick(rule, eps, clientIP);
    hops.push({
      kind: 'dnat',
      text: `kube-proxy on ${node}: ${via} ${rule.namespace}/${rule.service}:${rule.portName || rule.port} → ${ep.ip}:${ep.port} (1 of ${eps.length}${rule.affinity.clientIP ? ', ClientIP affinity' : ''})`,
      node,
      dst: `${ep.ip}:${ep.port}`,
      service: svc,
      rule: rule.chain,
      pod: ep.pod ? { ...ep.pod, ip: ep.ip } : undefined,
    });
    let src = clientIP;
    // KUBE-SEP: an endpoint reached by itself is masqueraded too (hairpin), or its reply would
    // skip the DNAT.
    const why = snat ?? (ep.ip === clientIP ? 'hairpin: the Pod reached itself through the Service' : undefined);
    if (why) {
      // Masquerade: the reply must come back through this node.
      const n = this.view.nodes().find((x) => x.metadata.name === node);
      src = n ? nodeIP(n) : clientIP;
      if (src !== clientIP) hops.push({ kind: 'snat', text: `SNAT ${clientIP} → ${src} (${why})`, node, src });
    }
    if (ep.node && ep.node !== node) hops.push({ kind: 'node', text: `forwarded from ${node} to node ${ep.node}`, node: ep.node, src, dst: `${ep.ip}:${ep.port}` });
    const pod = ep.pod ? this.view.pod(ep.pod.namespace, ep.pod.name) : this.view.podByIP(ep.ip);
    if (!pod) return { kind: 'refused', reason: 'endpoint has no Pod' };
    return this.#toPod(pod, ep.port, rule.protocol, src, hops, trace);
  }

  /** iptables mode: uniformly random; ClientIP affinity sticks for timeoutSeconds. */
  #pick(rule: ServicePortRule, eps: ProxyEndpoint[], clientIP: string): ProxyEndpoint {
    const now = this.clock.now();
    if (rule.affinity.clientIP) {
      const key = rule.chain + '|' + clientIP;
      const prev = this.#affinity.get(key);
      const still = prev && prev.until > now ? eps.find((e) => e.ip === prev.ip && e.port === prev.port) : undefined;
      const ep = still ?? eps[this.rng.int(eps.length)];
      this.#affinity.set(key, { ip: ep.ip, port: ep.port, until: now + rule.affinity.timeoutSeconds * 1000 });
      return ep;
    }
    return eps[this.rng.int(eps.length)];
  }

  #toPod(pod: KObject, port: number, protocol: string, clientIP: string, hops: Hop[], trace: Trace): TraceResult {
    if (pod.metadata.deletionTimestamp && isFinished(pod)) return { kind: 'refused', reason: 'Pod is gone' };
    if (pod.status?.phase !== 'Running') {
      trace.why = `Pod ${pod.metadata.name} is ${pod.status?.phase ?? 'Pending'}: its containers are not running.`;
      return { kind: 'refused', reason: 'Pod not running' };
    }
    if (protocol === 'ICMP') return this.#deliver(pod, 0, clientIP, hops, trace);
    if (!this.listening(pod, port, protocol)) {
      trace.why = `Nothing in Pod ${pod.metadata.name} listens on port ${port}: check the Service's targetPort against the container's port.`;
      hops.push({ kind: 'pod', text: `Pod ${pod.metadata.name} (${pod.status?.podIP}:${port}): port closed → RST`, pod: podRef(pod), node: pod.spec?.nodeName });
      return { kind: 'refused', reason: 'port closed in Pod' };
    }
    return this.#deliver(pod, port, clientIP, hops, trace);
  }

  #deliver(pod: KObject, port: number, clientIP: string, hops: Hop[], _trace: Trace): TraceResult {
    hops.push({ kind: 'pod', text: `Pod ${pod.metadata.name} on ${pod.spec?.nodeName} answers on ${pod.status?.podIP}:${port}`, pod: podRef(pod), node: pod.spec?.nodeName, src: clientIP, dst: `${pod.status?.podIP}:${port}` });
    return { kind: 'connected', pod: { namespace: pod.metadata.namespace!, name: pod.metadata.name!, ip: pod.status?.podIP, node: pod.spec?.nodeName }, port, clientIP };
  }

  #viaForward(from: Vantage, port: number, hops: Hop[], trace: Trace): TraceResult {
    const fw = [...this.forwards.values()].find((f) => f.localPort === port);
    if (!fw) return { kind: 'refused', reason: `nothing listens on localhost:${port}` };
    const pod = this.view.pod(fw.namespace, fw.pod);
    hops.push({ kind: 'port-forward', text: `kubectl port-forward ${fw.target}: localhost:${port} → API server → Pod ${fw.pod}:${fw.podPort}`, src: from.ip, dst: `${fw.pod}:${fw.podPort}`, rule: fw.target });
    // kubectl's listener has already accepted the client; when the kubelet cannot reach the far
    // end, kubectl closes that connection without a reply (curl: "Empty reply from server").
    if (!pod) {
      trace.why = `Pod ${fw.pod} is gone: kubectl port-forward still listens on localhost:${port}, but its tunnel leads nowhere and it drops each connection. Start kubectl port-forward again (against a Service or Deployment it picks a current Pod).`;
      return { kind: 'refused', reason: 'forwarded Pod is gone', accepted: true };
    }
    // The tunnel ends inside the Pod's network namespace: the app sees a connection from localhost.
    if (!this.listening(pod, fw.podPort, 'TCP')) {
      trace.why = `Nothing in Pod ${fw.pod} listens on port ${fw.podPort}: kubectl port-forward accepted the connection, then closed it.`;
      return { kind: 'refused', reason: 'port closed in Pod', accepted: true };
    }
    return this.#deliver(pod, fw.podPort, '127.0.0.1', hops, trace);
  }
}

function protocolOf(p: string): string {
  return p === 'UDP' ? 'UDP' : 'TCP';
}

function svcRef(r: ServicePortRule) {
  return { namespace: r.namespace, name: r.service, type: r.type, port: r.portName || String(r.port) };
}

function podRef(p: KObject) {
  return { namespace: p.metadata.namespace!, name: p.metadata.name!, ip: p.status?.podIP ?? '' };
}

export { OUTSIDE_IP };
