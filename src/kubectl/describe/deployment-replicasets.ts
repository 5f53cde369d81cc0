// Models kubectl's pkg/util/deployment GetAllReplicaSets as describe uses it: of the ReplicaSets
// the Deployment controls, the new one is the oldest whose pod template equals the Deployment's
// (ignoring the pod-template-hash label); every other one is old, even when scaled to zero.

import type { Json } from './types.ts';

const HASH_LABEL = 'pod-template-hash';

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** apiequality.Semantic.DeepEqual on JSON: nil and empty lists/maps are equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false;
    return true;
  }
  return a === b;
}

function withoutHash(template: Json): Json {
  const copy = structuredClone(template ?? {});
  if (copy.metadata?.labels) delete copy.metadata.labels[HASH_LABEL];
  return copy;
}

/** The controlled ReplicaSets split into old and new; pass every RS matching the selector. */
export function splitReplicaSets(dep: Json, replicaSets: Json[]): { oldRSs: Json[]; newRS?: Json } {
  const uid = dep.metadata?.uid;
  const owned = replicaSets.filter((rs) =>
    (rs.metadata?.ownerReferences ?? []).some((r: Json) => r.controller === true && r.uid === uid),
  );
  owned.sort((a, b) => {
    const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
    const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
    if (ta !== tb) return ta - tb;
    const na = a.metadata?.name ?? '';
    const nb = b.metadata?.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
  const want = withoutHash(dep.spec?.template);
  const newRS = owned.find((rs) => semanticEqual(withoutHash(rs.spec?.template), want));
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}
