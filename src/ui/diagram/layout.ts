// Where each shape of the traffic diagram goes: a pure function of the topology, the width and the
// Pods' slots. The learner's machine and the load balancers stand outside the cluster on the left;
// inside, Services form a column (in creation order) and nodes are regions holding their Pods in
// fixed slots, so a new Pod takes a free slot and nothing else moves.

import type { TopoIngress, TopoNode, TopoPod, TopoService, Topology } from '../../worker/topology.ts';

export interface Box {
  /** Anchor id: laptop, dns, ingress, lb:<ip>, ext:<ns>/<name>, svc:<ns>/<name>, node:<name>, pod:<ns>/<name>. */
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export type ServiceKind = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName' | 'Ingress' | 'PortForward';

export interface ServiceBox extends Box {
  service: TopoService;
  kind: ServiceKind;
  lines: string[];
}

export interface PodBox extends Box {
  pod: TopoPod;
  /** A small chip (many Pods): the name's last part only; the rest is in the label. */
  compact: boolean;
}

export interface NodeBox extends Box {
  node: TopoNode;
}

export interface LabelBox extends Box {
  title: string;
  lines: string[];
  kind: ServiceKind;
  /** The Service this box stands in front of or for. */
  service?: string;
}

export interface Edge {
  id: string;
  from: string;
  to: string;
  kind: ServiceKind;
  /** Drawn dashed: an endpoint not ready, a DNS alias, a tunnel. */
  dashed?: boolean;
}

export interface Layout {
  width: number;
  height: number;
  cluster: { x: number; y: number; w: number; h: number };
  laptop: LabelBox;
  dns: LabelBox;
  ingress?: LabelBox;
  balancers: LabelBox[];
  externals: LabelBox[];
  services: ServiceBox[];
  nodes: NodeBox[];
  pods: PodBox[];
  edges: Edge[];
  /** Every box by id, for edges and animation. */
  anchors: Map<string, Box>;
}

export const SIZES = {
  pad: 12,
  outsideW: 136,
  gap: 30,
  serviceW: 186,
  podW: 132,
  podH: 42,
  /** Chips, when there are more Pods than fit as boxes. */
  chipW: 74,
  chipH: 24,
  chipsFrom: 13,
  podGap: 8,
  nodeHead: 36,
  nodePad: 8,
  minNodeW: 164,
  line: 14,
  title: 22,
};

/** Namespaces of the cluster's own machinery, hidden unless asked for. */
export function isSystemNamespace(ns: string): boolean {
  return ns.startsWith('kube-') || ns === 'ingress-nginx' || ns === 'local-path-storage' || ns === 'metallb-system';
}

export const podKey = (p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`;

/**
 * Slots per node: a Pod keeps its slot while it lives; a new one takes the lowest free slot of
 * its node. Pure: the previous assignment in, the next one out.
 */
export function assignSlots(previous: ReadonlyMap<string, number>, pods: readonly TopoPod[]): Map<string, number> {
  const next = new Map<string, number>();
  const used = new Map<string, Set<number>>();
  const nodeOf = (p: TopoPod) => p.node ?? '';
  const taken = (node: string) => used.get(node) ?? used.set(node, new Set()).get(node)!;
  for (const p of pods) {
    const k = `${nodeOf(p)}|${podKey(p)}`;
    const slot = previous.get(k);
    if (slot !== undefined) {
      next.set(k, slot);
      taken(nodeOf(p)).add(slot);
    }
  }
  for (const p of pods) {
    const k = `${nodeOf(p)}|${podKey(p)}`;
    if (next.has(k)) continue;
    const t = taken(nodeOf(p));
    let slot = 0;
    while (t.has(slot)) slot++;
    t.add(slot);
    next.set(k, slot);
  }
  return next;
}

export function slotOf(slots: ReadonlyMap<string, number>, p: TopoPod): number {
  return slots.get(`${p.node ?? ''}|${podKey(p)}`) ?? 0;
}

export function serviceKind(s: TopoService): ServiceKind {
  return s.type === 'NodePort' || s.type === 'LoadBalancer' || s.type === 'ExternalName' ? s.type : 'ClusterIP';
}

function serviceLines(s: TopoService): string[] {
  const lines: string[] = [];
  if (s.type === 'ExternalName') lines.push(`→ ${s.externalName ?? ''}`);
  else lines.push(s.clusterIP === 'None' ? 'headless (no ClusterIP)' : `IP ${s.clusterIP ?? '…'}`);
  for (const p of s.ports.slice(0, 3)) {
    lines.push(`${p.port}${p.nodePort ? ':' + p.nodePort : ''}/${p.protocol} → ${p.targetPort}`);
  }
  if (s.ports.length > 3) lines.push(`+${s.ports.length - 3} ports`);
  const ext = [...s.loadBalancerIPs, ...s.externalIPs];
  if (ext.length) lines.push(`ext ${ext.join(', ')}`);
  else if (s.type === 'LoadBalancer') lines.push('ext <pending>');
  return lines;
}

function ingressLines(ingresses: readonly TopoIngress[]): string[] {
  const lines: string[] = [];
  for (const i of ingresses) for (const r of i.rules) lines.push(`${r.host ?? '*'}${r.pathType === 'default' ? ' (default)' : r.path} → ${r.service}:${r.port}`);
  return lines.length ? lines.slice(0, 8).concat(lines.length > 8 ? [`+${lines.length - 8} rules`] : []) : ['no rules'];
}

export interface LayoutInput {
  topology: Topology;
  slots: ReadonlyMap<string, number>;
  width: number;
  showSystem?: boolean;
  dnsIP?: string;
}

/** Which objects the diagram shows: the learner's, plus the Ingress controller when Ingresses exist. */
export function visible(t: Topology, showSystem = false): Topology {
  const ingressOn = t.ingresses.length > 0;
  const keep = (ns: string) => showSystem || !isSystemNamespace(ns);
  const keepSvc = (s: TopoService) => keep(s.namespace) && !(s.namespace === 'default' && s.name === 'kubernetes' && !showSystem);
  return {
    nodes: t.nodes,
    pods: t.pods.filter((p) => keep(p.namespace) || (ingressOn && p.namespace === 'ingress-nginx' && p.name.includes('controller'))),
    services: t.services.filter(keepSvc),
    ingresses: t.ingresses,
    forwards: t.forwards,
  };
}

export function layout({ topology, slots, width, showSystem, dnsIP = '10.96.0.10' }: LayoutInput): Layout {
  const S = SIZES;
  const t = visible(topology, showSystem);
  const anchors = new Map<string, Box>();
  const add = <B extends Box>(b: B): B => (anchors.set(b.id, b), b);
  const minWidth = S.pad * 2 + S.outsideW + S.gap + 10 + S.serviceW + S.gap + S.minNodeW + 10;
  const W = Math.max(width, minWidth);
  const outX = S.pad;
  const clusterX = outX + S.outsideW + S.gap;
  const clusterY = S.pad;
  const svcX = clusterX + 10;
  const nodesX = svcX + S.serviceW + S.gap;
  const nodesW = W - S.pad - 10 - nodesX;
  const top = clusterY + 26;

  // Services column: DNS, the Ingress controller, then Services in creation order.
  let y = top;
  const dns = add<LabelBox>({ id: 'dns', x: svcX, y, w: S.serviceW, h: S.title + S.line, title: 'CoreDNS (kube-dns)', lines: [`${dnsIP}:53`], kind: 'ClusterIP' });
  y += dns.h + S.podGap;
  let ingress: LabelBox | undefined;
  if (t.ingresses.length) {
    const lines = ingressLines(t.ingresses);
    ingress = add<LabelBox>({ id: 'ingress', x: svcX, y, w: S.serviceW, h: S.title + lines.length * S.line + 4, title: 'Ingress controller', lines, kind: 'Ingress' });
    y += ingress.h + S.podGap;
  }
  const services: ServiceBox[] = [];
  for (const s of t.services) {
    const lines = serviceLines(s);
    const b = add<ServiceBox>({ id: `svc:${s.namespace}/${s.name}`, x: svcX, y, w: S.serviceW, h: S.title + lines.length * S.line + 4, service: s, kind: serviceKind(s), lines });
    services.push(b);
    y += b.h + S.podGap;
  }
  const servicesBottom = y;

  // Nodes: as many side by side as fit, each with its Pods in a grid of slots.
  const perRow = Math.max(1, Math.min(t.nodes.length, Math.floor((nodesW + S.podGap) / (S.minNodeW + S.podGap))));
  const nodeW = (nodesW - (perRow - 1) * S.podGap) / perRow;
  const compact = t.pods.length >= S.chipsFrom;
  const [baseW, podH, podGap] = compact ? [S.chipW, S.chipH, 5] : [S.podW, S.podH, S.podGap];
  const podCols = Math.max(1, Math.floor((nodeW - 2 * S.nodePad + podGap) / (baseW + podGap)));
  const podW = Math.min(baseW + 40, (nodeW - 2 * S.nodePad - (podCols - 1) * podGap) / podCols);
  const podsByNode = new Map<string, TopoPod[]>();
  for (const p of t.pods) {
    const n = p.node ?? '';
    (podsByNode.get(n) ?? podsByNode.set(n, []).get(n)!).push(p);
  }
  const nodes: NodeBox[] = [];
  const pods: PodBox[] = [];
  let rowY = top;
  const unscheduled = podsByNode.get('') ?? [];
  const regions: { id: string; node?: TopoNode; pods: TopoPod[] }[] = t.nodes.map((n) => ({ id: n.name, node: n, pods: podsByNode.get(n.name) ?? [] }));
  if (unscheduled.length) regions.push({ id: '', pods: unscheduled });
  for (let i = 0; i < regions.length; i += perRow) {
    const row = regions.slice(i, i + perRow);
    let rowH = 0;
    row.forEach((r, j) => {
      const x = nodesX + j * (nodeW + S.podGap);
      const maxSlot = r.pods.reduce((m, p) => Math.max(m, slotOf(slots, p)), -1);
      const rows = Math.ceil((maxSlot + 1) / podCols);
      // An empty node is just its header.
      const h = rows ? S.nodeHead + rows * (podH + podGap) + S.nodePad - podGap + 4 : S.nodeHead;
      rowH = Math.max(rowH, h);
      const node = r.node ?? { name: 'unscheduled', ip: '', podCIDR: '', ready: false, controlPlane: false, created: '' };
      nodes.push(add<NodeBox>({ id: `node:${r.id || 'unscheduled'}`, x, y: rowY, w: nodeW, h, node }));
      for (const p of r.pods) {
        const slot = slotOf(slots, p);
        const col = slot % podCols;
        const prow = Math.floor(slot / podCols);
        pods.push(add<PodBox>({ id: `pod:${podKey(p)}`, x: x + S.nodePad + col * (podW + podGap), y: rowY + S.nodeHead + prow * (podH + podGap), w: podW, h: podH, pod: p, compact }));
      }
    });
    for (const n of nodes.slice(-row.length)) n.h = rowH;
    rowY += rowH + S.podGap;
  }
  const nodesBottom = rowY;

  // Outside: the learner's machine (with its port-forward ports), load balancers level with their
  // Service, and the names ExternalName Services alias.
  // One line per local port (port-forward listens on 127.0.0.1 and ::1 alike).
  const fwLines = [...new Map(t.forwards.map((f) => [f.localPort, `:${f.localPort} ⇢ ${f.pod}:${f.podPort}`])).values()];
  const laptop = add<LabelBox>({ id: 'laptop', x: outX, y: top, w: S.outsideW, h: S.title + Math.max(1, fwLines.length + 1) * S.line + 4, title: 'Your machine', lines: ['192.168.49.1', ...fwLines], kind: 'PortForward' });
  let outY = laptop.y + laptop.h + S.gap;
  const balancers: LabelBox[] = [];
  const externals: LabelBox[] = [];
  const edges: Edge[] = [];
  for (const b of services) {
    const s = b.service;
    const ips = [...s.loadBalancerIPs, ...s.externalIPs];
    if (s.type === 'LoadBalancer' || ips.length) {
      const by = Math.max(outY, b.y);
      const lb = add<LabelBox>({ id: `lb:${ips[0] ?? b.id}`, x: outX, y: by, w: S.outsideW, h: S.title + S.line + 4, title: s.type === 'LoadBalancer' ? 'Load balancer' : 'External IP', lines: [ips.length ? ips.join(', ') : '<pending>'], kind: 'LoadBalancer', service: podKey(s) });
      for (const ip of ips.slice(1)) anchors.set(`lb:${ip}`, lb);
      balancers.push(lb);
      edges.push({ id: `${lb.id}>${b.id}`, from: lb.id, to: b.id, kind: 'LoadBalancer' });
      outY = by + lb.h + S.podGap;
    }
    if (s.type === 'ExternalName') {
      const by = Math.max(outY, b.y);
      const ext = add<LabelBox>({ id: `ext:${podKey(s)}`, x: outX, y: by, w: S.outsideW, h: S.title + S.line + 4, title: 'Outside DNS name', lines: [s.externalName ?? ''], kind: 'ExternalName', service: podKey(s) });
      externals.push(ext);
      edges.push({ id: `${b.id}>${ext.id}`, from: b.id, to: ext.id, kind: 'ExternalName', dashed: true });
      outY = by + ext.h + S.podGap;
    }
  }
  // The Ingress controller's own load balancer (its Service lives in ingress-nginx, usually hidden).
  if (ingress && !balancers.some((b) => b.service === 'ingress-nginx/ingress-nginx-controller')) {
    const ctl = topology.services.find((s) => s.namespace === 'ingress-nginx' && s.type === 'LoadBalancer');
    const ips = ctl ? [...ctl.loadBalancerIPs, ...ctl.externalIPs] : t.ingresses.flatMap((i) => i.addresses);
    const by = Math.max(outY, ingress.y);
    const lb = add<LabelBox>({ id: `lb:${ips[0] ?? 'ingress'}`, x: outX, y: by, w: S.outsideW, h: S.title + S.line + 4, title: 'Load balancer', lines: [ips[0] ?? '<pending>'], kind: 'Ingress', service: 'ingress-nginx/ingress-nginx-controller' });
    balancers.push(lb);
    edges.push({ id: `${lb.id}>ingress`, from: lb.id, to: 'ingress', kind: 'Ingress' });
    outY = by + lb.h + S.podGap;
  }

  // Service → endpoints; Ingress → backends; tunnels.
  for (const b of services) {
    for (const e of b.service.endpoints) {
      if (!e.pod || !anchors.has(`pod:${e.pod}`)) continue;
      edges.push({ id: `${b.id}>${e.pod}`, from: b.id, to: `pod:${e.pod}`, kind: b.kind, dashed: !e.ready });
    }
  }
  if (ingress) {
    for (const i of t.ingresses)
      for (const r of i.rules) {
        const to = `svc:${i.namespace}/${r.service}`;
        if (anchors.has(to) && !edges.some((e) => e.from === 'ingress' && e.to === to)) edges.push({ id: `ingress>${to}`, from: 'ingress', to, kind: 'Ingress' });
      }
  }
  for (const f of t.forwards) {
    const to = `pod:${f.namespace}/${f.pod}`;
    if (anchors.has(to) && !edges.some((e) => e.from === 'laptop' && e.to === to)) edges.push({ id: `fw${f.id}`, from: 'laptop', to, kind: 'PortForward', dashed: true });
  }

  const height = Math.max(servicesBottom, nodesBottom, outY) + S.pad;
  return {
    width: W,
    height,
    cluster: { x: clusterX, y: clusterY, w: W - S.pad - clusterX, h: height - S.pad - clusterY },
    laptop,
    dns,
    ingress,
    balancers,
    externals,
    services,
    nodes,
    pods,
    edges,
    anchors,
  };
}
