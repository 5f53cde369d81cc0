// A request's path over the diagram's shapes: which box each hop of its trace visits, with the
// address rewriting to print there, then the reply back the same way. Pure, so it is tested in Node.

import type { Hop } from '../../cluster/network/trace.ts';
import type { TrafficRecord } from '../../worker/traffic.ts';
import type { ServiceKind } from './layout.ts';

export interface Step {
  /** The shape visited (a layout anchor id). */
  anchor: string;
  /** What happens here: "DNAT → 10.244.1.5:80", "SNAT 192.168.49.1 → 192.168.49.2" … */
  label: string;
  /** The index of the trace hop this step shows (-1 for the start, the reply, or the failure). */
  hop: number;
  reply?: boolean;
  /** The request stopped here. */
  failed?: boolean;
}

const ref = (x: { namespace: string; name: string }) => `${x.namespace}/${x.name}`;
const host = (addr?: string) => (addr ?? '').replace(/:\d+$/, '');

/** Where a request starts. */
export function startAnchor(r: TrafficRecord): string {
  if (r.from.kind === 'outside') return 'laptop';
  if (r.from.kind === 'pod' && r.from.pod) return `pod:${ref(r.from.pod)}`;
  return `node:${r.from.node ?? ''}`;
}

function hopSteps(h: Hop, i: number, r: TrafficRecord, start: string): Step[] {
  switch (h.kind) {
    case 'dns': {
      const answer = h.text.replace(/^DNS /, '');
      const alias = h.service?.type === 'ExternalName' ? [{ anchor: `ext:${ref(h.service)}`, label: 'CNAME → outside name', hop: i }] : [];
      // Pods ask CoreDNS; your machine and nodes ask their own resolver.
      if (r.from.kind !== 'pod') return [{ anchor: start, label: `resolver: ${answer}`, hop: i }, ...alias];
      return [{ anchor: 'dns', label: answer, hop: i }, ...alias, { anchor: start, label: 'answer received', hop: i }];
    }
    case 'port-forward':
      return [{ anchor: 'laptop', label: `localhost:${r.target.port} → tunnel via API server`, hop: i }];
    case 'load-balancer':
      return [
        { anchor: `lb:${host(h.dst)}`, label: `LB ${h.dst} → node ${h.node}`, hop: i },
        { anchor: `node:${h.node}`, label: `node ${h.node}`, hop: i },
      ];
    case 'node':
      return [{ anchor: `node:${h.node}`, label: `${h.node}${h.dst ? ' ← ' + h.dst : ''}`, hop: i }];
    case 'dnat':
      return [{ anchor: h.service ? `svc:${ref(h.service)}` : `node:${h.node}`, label: h.dst ? `DNAT → ${h.dst}` : h.text, hop: i }];
    case 'snat':
      return [{ anchor: '', label: `SNAT src → ${h.src}`, hop: i }];
    case 'ingress':
      return [{ anchor: 'ingress', label: h.rule ? `rule ${h.rule}${h.dst ? ' → ' + h.dst : ''}` : h.text.replace(/^ingress-nginx: /, ''), hop: i }];
    case 'pod':
      return [{ anchor: h.pod ? `pod:${ref(h.pod)}` : `node:${h.node}`, label: h.dst ? `Pod ${h.dst}` : h.text, hop: i }];
  }
}

/** The failure's words: "refused: Service has no endpoints", "HTTP 503" … */
export function outcome(r: TrafficRecord): string {
  const res = r.result;
  switch (res.kind) {
    case 'connected':
      return r.httpStatus ? `HTTP ${r.httpStatus}` : 'connected';
    case 'resolved':
      return res.addresses.length ? res.addresses.join(', ') : 'answered';
    case 'external':
      return `outside host ${res.host}`;
    case 'nxdomain':
      return `NXDOMAIN ${res.name}`;
    default:
      return `${res.kind}: ${res.reason}`;
  }
}

export function ok(r: TrafficRecord): boolean {
  return (r.result.kind === 'connected' || r.result.kind === 'resolved' || r.result.kind === 'external') && (!r.httpStatus || r.httpStatus < 500);
}

/**
 * The steps of a request and its reply. `has(anchor)` says which shapes are on screen: a hop at a
 * hidden shape (the Ingress controller's own Pod, a system Service) is folded into the nearest
 * visible one.
 */
export function pathOf(r: TrafficRecord, has: (anchor: string) => boolean): Step[] {
  const start = startAnchor(r);
  const fallback = (a: string): string => {
    if (!a || has(a)) return a;
    if (a.startsWith('pod:ingress-nginx/') || a.startsWith('svc:ingress-nginx/')) return has('ingress') ? 'ingress' : '';
    if (a.startsWith('pod:')) {
      const hopNode = r.hops.find((h) => h.pod && `pod:${ref(h.pod)}` === a)?.node ?? (a === start ? r.from.node : undefined);
      return hopNode && has(`node:${hopNode}`) ? `node:${hopNode}` : '';
    }
    return '';
  };
  const steps: Step[] = [{ anchor: fallback(start) || 'laptop', label: `${r.tool ?? 'request'} ${r.target.host}:${r.target.port}`, hop: -1 }];
  r.hops.forEach((h, i) => {
    for (const s of hopSteps(h, i, r, start)) {
      const anchor = fallback(s.anchor);
      const last = steps[steps.length - 1];
      // A hop at the same shape (SNAT on the node that did the DNAT) adds to that step's label.
      if (!anchor || anchor === last.anchor) last.label = last.hop === -1 && !anchor ? last.label : `${last.label} · ${s.label}`;
      else steps.push({ ...s, anchor });
    }
  });
  if (!ok(r)) {
    const last = steps[steps.length - 1];
    steps.push({ anchor: last.anchor, label: outcome(r), hop: -1, failed: true });
    return steps;
  }
  // The reply retraces the connection (conntrack undoes each rewrite on the way back); the DNS
  // exchange already came back on its own.
  let lastDns = 0;
  steps.forEach((s, i) => {
    if (s.hop >= 0 && r.hops[s.hop].kind === 'dns') lastDns = i;
  });
  const back = [steps[0], ...steps.slice(lastDns + 1, -1)].reverse();
  for (const [i, s] of back.entries()) {
    if (s.anchor === steps[steps.length - 1].anchor) continue;
    steps.push({ anchor: s.anchor, label: i === back.length - 1 ? `reply: ${outcome(r)}` : 'reply', hop: -1, reply: true });
  }
  return steps;
}

/** Requests that took the same path animate as one dot with a count. */
export function pathKey(steps: readonly Step[]): string {
  return steps.map((s) => (s.failed ? '!' : '') + s.anchor).join('>');
}

/** The colour family of a request: how it entered (a tunnel, an Ingress) or the Service type it used. */
export function recordKind(r: TrafficRecord): ServiceKind {
  if (r.hops.some((h) => h.kind === 'port-forward')) return 'PortForward';
  if (r.hops.some((h) => h.kind === 'ingress')) return 'Ingress';
  const t = r.serviceType;
  return t === 'NodePort' || t === 'LoadBalancer' || t === 'ExternalName' ? t : 'ClusterIP';
}
