// Aggregated discovery (apidiscovery.k8s.io/v2, KEP-3352), built from the legacy documents the
// ApiServer serves. kubectl 1.34 asks /api and /apis for it first:
//   Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,
//           application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json
// and, given it, skips the one request per group-version the legacy format needs. client-go tells
// the two formats apart by the response's Content-Type, so the facade must set it.

import type { ApiClient } from '../../cluster/apiserver/client.ts';

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function wantsAggregated(accept: string | undefined): boolean {
  return /g=apidiscovery\.k8s\.io;\s*v=v2;\s*as=APIGroupDiscoveryList/.test(accept ?? '');
}

interface LegacyResource {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  group?: string;
  version?: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** The APIGroupDiscoveryList for `/api` (core) or `/apis` (named groups). */
export function aggregatedDiscovery(api: ApiClient, root: '/api' | '/apis'): unknown {
  const groups: { name: string; versions: string[] }[] = [];
  if (root === '/api') {
    const body = api.request({ method: 'GET', path: '/api' }).body as { versions: string[] };
    groups.push({ name: '', versions: body.versions });
  } else {
    const body = api.request({ method: 'GET', path: '/apis' }).body as { groups: { name: string; versions: { version: string }[] }[] };
    for (const g of body.groups) groups.push({ name: g.name, versions: g.versions.map((v) => v.version) });
  }
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((g) => ({
      metadata: g.name ? { name: g.name, creationTimestamp: null } : { creationTimestamp: null },
      versions: g.versions.map((v) => versionDoc(api, g.name, v)),
    })),
  };
}

function versionDoc(api: ApiClient, group: string, version: string) {
  const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const list = (api.request({ method: 'GET', path }).body as { resources?: LegacyResource[] }).resources ?? [];
  const mains = list.filter((r) => !r.name.includes('/'));
  return {
    version,
    resources: mains.map((r) => ({
      resource: r.name,
      responseKind: gvk(group, version, r),
      scope: r.namespaced ? 'Namespaced' : 'Cluster',
      singularResource: r.singularName ?? '',
      verbs: r.verbs,
      ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories?.length ? { categories: r.categories } : {}),
      ...subresources(list, group, version, r.name),
    })),
    freshness: 'Current',
  };
}

function subresources(list: LegacyResource[], group: string, version: string, parent: string) {
  const subs = list.filter((r) => r.name.startsWith(parent + '/'));
  if (!subs.length) return {};
  return {
    subresources: subs.map((s) => ({
      subresource: s.name.slice(parent.length + 1),
      responseKind: gvk(group, version, s),
      verbs: s.verbs,
    })),
  };
}

function gvk(group: string, version: string, r: LegacyResource): GroupVersionKind {
  return { group: r.group ?? group, version: r.version ?? version, kind: r.kind };
}
