// Per-kind answers for the verbs (kubectl pkg/polymorphichelpers): can a kind be exposed, which
// selector, ports and protocols a Service for it gets. Registered per kind, so a new kind is
// one table row, not a case in every verb.

import type { KObject } from '../../cluster/apiserver/types.ts';
import { CmdError } from '../errors.ts';

interface KindHelpers {
  /** mapBasedSelectorForObject: `key=value,...`, or an error text. */
  selector(o: KObject): string;
  /** The pod spec whose container ports and protocols are used (absent for Services). */
  podSpec?(o: KObject): PodSpecLike | undefined;
}

interface PodSpecLike {
  containers?: Array<{ ports?: Array<{ containerPort: number; protocol?: string }> }>;
}

type Sel = { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;

/** The workload rule of apps/v1: matchLabels required, matchExpressions refused. */
function appsSelector(what: string) {
  return (o: KObject): string => {
    const sel = o.spec?.selector as Sel;
    if (!sel || !sel.matchLabels || Object.keys(sel.matchLabels).length === 0)
      throw new CmdError(`invalid ${what}: no selectors, therefore cannot be exposed`);
    if (sel.matchExpressions && sel.matchExpressions.length > 0)
      throw new CmdError(`couldn't convert expressions - "${goExpressions(sel.matchExpressions)}" to map-based selector format`);
    return makeLabels(sel.matchLabels);
  };
}

const HELPERS: Record<string, KindHelpers> = {
  '/ReplicationController': { selector: (o) => makeLabels(o.spec?.selector ?? {}), podSpec: (o) => o.spec?.template?.spec },
  '/Pod': {
    selector(o) {
      const labels = o.metadata.labels ?? {};
      if (Object.keys(labels).length === 0) throw new CmdError('the pod has no labels and cannot be exposed');
      return makeLabels(labels);
    },
    podSpec: (o) => o.spec,
  },
  '/Service': {
    selector(o) {
      if (o.spec?.selector == null) throw new CmdError('the service has no pod selector set');
      return makeLabels(o.spec.selector);
    },
  },
  'apps/Deployment': { selector: appsSelector('deployment'), podSpec: (o) => o.spec?.template?.spec },
  'apps/ReplicaSet': { selector: appsSelector('replicaset'), podSpec: (o) => o.spec?.template?.spec },
};

function keyOf(o: KObject): string {
  const gv = o.apiVersion ?? '';
  return `${gv.includes('/') ? gv.split('/')[0] : ''}/${o.kind}`;
}

/** canBeExposed: `cannot expose a StatefulSet.apps` (schema.GroupKind's String). */
export function canBeExposed(group: string, kind: string): void {
  if (!HELPERS[`${group}/${kind}`]) throw new CmdError(`cannot expose a ${group ? `${kind}.${group}` : kind}`);
}

export function selectorForObject(o: KObject): string {
  const h = HELPERS[keyOf(o)];
  if (!h) throw new CmdError(`cannot extract pod selector from *v1.${o.kind}`);
  return h.selector(o);
}

/** portsForObject: distinct container ports (or service ports), in order. */
export function portsForObject(o: KObject): string[] {
  const out: string[] = [];
  const add = (p: number) => {
    const k = String(p);
    if (!out.includes(k)) out.push(k);
  };
  if (o.kind === 'Service') for (const p of o.spec?.ports ?? []) add(p.port);
  else for (const c of podSpecOf(o)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort);
  return out;
}

/** multiProtocolsForObject: port → protocols (TCP when unset), in the order they appear. */
export function protocolsForObject(o: KObject): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (port: number, protocol?: string) => {
    const k = String(port);
    out.set(k, [...(out.get(k) ?? []), protocol || 'TCP']);
  };
  if (o.kind === 'Service') for (const p of o.spec?.ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(o)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return out;
}

function podSpecOf(o: KObject): PodSpecLike | undefined {
  const h = HELPERS[keyOf(o)];
  if (!h) throw new CmdError(`cannot extract ports from *v1.${o.kind}`);
  return h.podSpec?.(o);
}

/** MakeLabels: `k=v` joined by commas (Go iterates the map at random; we keep key order). */
export function makeLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** %+v of []LabelSelectorRequirement, e.g. `[{Key:app Operator:In Values:[a b]}]`. */
function goExpressions(exprs: unknown[]): string {
  return (
    '[' +
    exprs
      .map((e) => {
        const r = e as { key?: string; operator?: string; values?: string[] };
        return `{Key:${r.key ?? ''} Operator:${r.operator ?? ''} Values:[${(r.values ?? []).join(' ')}]}`;
      })
      .join(' ') +
    ']'
  );
}
