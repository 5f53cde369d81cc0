// A request's path through the cluster, hop by hop. The shell prints its result, `curl -v` can
// show its hops, the traffic diagram animates it, and lesson checks read it.

export type VantageKind = 'outside' | 'node' | 'pod';

/** Where a connection starts: the learner's machine, a node, or a Pod. */
export interface Vantage {
  kind: VantageKind;
  /** Source address: the machine's, the node's InternalIP, or the Pod's IP. */
  ip: string;
  /** Node name for node and pod vantage points. */
  node?: string;
  /** For a pod: namespace/name. */
  pod?: { namespace: string; name: string };
}

export type HopKind =
  | 'dns' // name → address (with CNAME chain)
  | 'port-forward' // localhost tunnel through the API server to a pod
  | 'load-balancer' // external LB address → a node
  | 'node' // packet arrives at a node (NodePort, or a hop between nodes)
  | 'dnat' // kube-proxy rewrites the destination to an endpoint
  | 'snat' // masquerade: source becomes the node's address
  | 'ingress' // an Ingress controller matched a rule
  | 'pod'; // delivered to a Pod's port

export interface Hop {
  kind: HopKind;
  /** Short human text, e.g. "KUBE-SVC-… picked 10.244.1.5:80 (1 of 3)". */
  text: string;
  /** Address rewriting at this hop. */
  src?: string;
  dst?: string;
  node?: string;
  service?: { namespace: string; name: string; type: string; port?: string };
  pod?: { namespace: string; name: string; ip: string };
  rule?: string;
}

export type TraceResult =
  | { kind: 'connected'; pod: { namespace: string; name: string; ip: string; node: string }; port: number; clientIP: string }
  | { kind: 'external'; host: string; ip: string; port: number }
  /**
   * Nothing accepted the connection; or, with `accepted`, a proxy in front (kubectl port-forward's
   * listener) accepted it and then closed it without a byte because its far side failed.
   */
  | { kind: 'refused'; reason: string; accepted?: true }
  | { kind: 'timeout'; reason: string }
  | { kind: 'nxdomain'; name: string }
  | { kind: 'unreachable'; reason: string };

export interface Trace {
  id: number;
  /** Cluster time (ms since epoch). */
  at: number;
  from: Vantage;
  /** What the client asked for: a host name or address, and a port. */
  target: { host: string; port: number; protocol: 'TCP' | 'UDP' | 'ICMP' };
  /** The address connected to after DNS. */
  address?: string;
  hops: Hop[];
  result: TraceResult;
  /** A teaching explanation of why it failed, from the network's view (never printed instead of the real error). */
  why?: string;
  /** The program that made the request (curl, wget, nc, ping, …) and the HTTP status when known. */
  tool?: string;
  httpStatus?: number;
}
