// InfoObject.Merged of kubectl diff (client-side): the object as it would be if applied, asked of
// the server with dryRun=All — a dry-run create when nothing is live, else the dry-run PATCH that
// `kubectl apply` would send (apply.Patcher: a three-way strategic merge patch from the
// last-applied annotation, the file and the live object, guarded by the live resourceVersion).
// The file is taken without a new last-applied annotation (GetModifiedConfiguration with
// annotate=false), so the diff never shows the annotation changing. An empty patch sends nothing:
// the live object is the merged one.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import type { Invocation } from '../../command.ts';
import { resourcePath } from '../../resource/rest.ts';
import { configurationOf, originalConfiguration } from '../apply/last-applied.ts';
import type { Manifest } from '../apply/manifests.ts';
import { threeWayMergePatch } from '../apply/three-way.ts';

type JsonMap = Record<string, unknown>;

export function mergedObject(inv: Invocation, m: Manifest, live: KObject | undefined, fieldManager: string): KObject {
  const rest = inv.rest();
  const ns = m.mapping.namespaced ? m.namespace : undefined;
  const query = { dryRun: 'All', fieldManager };
  if (!live)
    return rest.request({
      method: 'POST',
      path: resourcePath(m.mapping, ns),
      query,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: m.object,
    }).body as KObject;

  const modified = JSON.parse(configurationOf(m.object)) as JsonMap;
  const patch = threeWayMergePatch(originalConfiguration(live) ?? {}, modified, live as unknown as JsonMap);
  if (Object.keys(patch).length === 0) return live;
  const metadata = (patch.metadata ?? {}) as JsonMap;
  patch.metadata = { ...metadata, resourceVersion: live.metadata.resourceVersion };
  return rest.request({
    method: 'PATCH',
    path: resourcePath(m.mapping, ns, String(m.object.metadata.name ?? '')),
    query,
    headers: { 'content-type': 'application/strategic-merge-patch+json', accept: 'application/json' },
    body: patch,
  }).body as KObject;
}
