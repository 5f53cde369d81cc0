// Discovery documents (/api, /apis, /api/v1, /apis/GROUP/VERSION) built from the registered
// strategies, so that kubectl — ours or the real one — resolves names exactly as against a cluster.

import type { ResourceStrategy } from './registry/strategy.ts';

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** The address clients are told the API server has (kind/minikube-like). */
export const SERVER_ADDRESS = '192.168.49.2:8443'; // keep in step with config.ts

export function discoveryFor(path: string, strategies: ResourceStrategy[]): unknown | undefined {
  if (path === '/api') {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: SERVER_ADDRESS }],
    };
  }
  if (path === '/apis') {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups(strategies).map(groupDoc) };
  }
  const m = /^\/apis\/([^/]+)$/.exec(path);
  if (m) {
    const g = groups(strategies).find((x) => x.name === m[1]);
    return g ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(g) } : undefined;
  }
  let group: string | undefined;
  let version: string | undefined;
  if (path === '/api/v1') {
    group = '';
    version = 'v1';
  } else {
    const gv = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
    if (gv) [group, version] = [gv[1], gv[2]];
  }
  if (group === undefined) return undefined;
  const list = strategies.filter((s) => s.group === group && s.version === version);
  if (!list.length) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: list.flatMap(resourceDocs).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

function groups(strategies: ResourceStrategy[]): { name: string; versions: string[] }[] {
  const map = new Map<string, Set<string>>();
  for (const s of strategies) if (s.group) (map.get(s.group) ?? map.set(s.group, new Set()).get(s.group)!).add(s.version);
  return [...map].map(([name, v]) => ({ name, versions: [...v] }));
}

function groupDoc(g: { name: string; versions: string[] }) {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v }));
  return { name: g.name, versions, preferredVersion: versions[0] };
}

function resourceDocs(s: ResourceStrategy) {
  const main = {
    name: s.resource,
    singularName: s.singular,
    namespaced: s.namespaced,
    kind: s.kind,
    verbs: s.verbs ?? ALL_VERBS,
    ...(s.shortNames?.length ? { shortNames: s.shortNames } : {}),
    ...(s.categories?.length ? { categories: s.categories } : {}),
  };
  const subs = (s.subresources ?? []).map((sub) => ({
    name: `${s.resource}/${sub}`,
    singularName: '',
    namespaced: s.namespaced,
    kind: sub === 'scale' ? 'Scale' : sub === 'log' || sub === 'exec' || sub === 'portforward' || sub === 'attach' ? subKind(sub) : s.kind,
    ...(sub === 'scale' ? { group: 'autoscaling', version: 'v1' } : {}),
    verbs: sub === 'log' ? ['get'] : sub === 'exec' || sub === 'portforward' || sub === 'attach' ? ['create', 'get'] : ['get', 'patch', 'update'],
  }));
  return [main, ...subs];
}

function subKind(sub: string): string {
  return sub === 'log' ? 'Pod' : sub === 'portforward' ? 'PodPortForwardOptions' : sub === 'exec' ? 'PodExecOptions' : 'PodAttachOptions';
}
