// The controller's model of its Ingresses, as ingress-nginx builds it before rendering nginx.conf
// (internal/ingress/controller/controller.go createServers/getBackendServers and location.go
// updateServerLocations): one server per host, the catch-all server `_`, and per server its
// locations. Ingresses are taken oldest first, and the first to claim a host or path keeps it.

import type { KObject } from '../../apiserver/types.ts';

export const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
export const CATCH_ALL = '_';
/** The upstream ingress-nginx uses when nothing else serves (its internal 404 server). */
export const DEFAULT_UPSTREAM = 'upstream-default-backend';

export interface Backend {
  namespace: string;
  service: string;
  port: { name?: string; number?: number };
}

export interface Location {
  /** nginx location path: `/foo/` (prefix) or `/foo` (with exact). */
  path: string;
  exact: boolean;
  /** The rule as written, for traces: `/foo` Prefix. */
  rulePath: string;
  pathType: string;
  /** undefined: the default backend (404). */
  backend?: Backend;
  ingress?: { namespace: string; name: string };
  isDefBackend: boolean;
}

export interface Server {
  hostname: string;
  locations: Location[];
  /** The Secret whose certificate serves this host, when one is configured and covers it. */
  tlsSecret?: { namespace: string; name: string };
}

/** upstreamName: `<namespace>-<service>-<port number or name>`. */
export function upstreamName(b: Backend | undefined): string {
  if (!b) return DEFAULT_UPSTREAM;
  return `${b.namespace}-${b.service}-${b.port.number ?? b.port.name}`;
}

/** Is this Ingress ours? Its class (or the legacy annotation) names an IngressClass of our controller. */
export function isOurs(ing: KObject, classes: KObject[]): boolean {
  const cls = ing.spec?.ingressClassName;
  // The legacy annotation names the class directly (--ingress-class=nginx).
  if (!cls) return ing.metadata.annotations?.['kubernetes.io/ingress.class'] === 'nginx';
  return classes.some((c) => c.metadata.name === cls && c.spec?.controller === CONTROLLER_CLASS);
}

function backendOf(ns: string, b: { service?: { name: string; port?: { name?: string; number?: number } } } | undefined): Backend | undefined {
  if (!b?.service) return undefined;
  return { namespace: ns, service: b.service.name, port: { ...(b.service.port ?? {}) } };
}

function rootLocation(backend: Backend | undefined, ing?: KObject): Location {
  return {
    path: '/',
    exact: false,
    rulePath: '/',
    pathType: 'Prefix',
    backend,
    ingress: ing && { namespace: ing.metadata.namespace!, name: ing.metadata.name! },
    isDefBackend: true,
  };
}

const byAge = (a: KObject, b: KObject) =>
  String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`);

/**
 * Servers by host name. `tlsCovers(secret, host)` says whether a Secret holds a valid certificate
 * for a host (ingress-nginx skips certificates that do not verify for the host).
 */
export function buildServers(ingresses: KObject[], tlsCovers: (ns: string, secret: string, host: string) => boolean): Map<string, Server> {
  const ings = [...ingresses].sort(byAge);
  const servers = new Map<string, Server>();
  servers.set(CATCH_ALL, { hostname: CATCH_ALL, locations: [rootLocation(undefined)] });
  for (const ing of ings) {
    const ns = ing.metadata.namespace!;
    const def = backendOf(ns, ing.spec?.defaultBackend);
    const rules: { host?: string }[] = ing.spec?.rules ?? [];
    if (def && !rules.length) {
      // An Ingress with a backend and no rule configures the catch-all server.
      const root = servers.get(CATCH_ALL)!.locations[0];
      if (root.isDefBackend) Object.assign(root, { backend: def, isDefBackend: false, ingress: { namespace: ns, name: ing.metadata.name! } });
    }
    for (const r of rules) {
      const host = r.host || CATCH_ALL;
      if (!servers.has(host)) servers.set(host, { hostname: host, locations: [rootLocation(def, ing)] });
    }
  }
  for (const ing of ings) {
    const ns = ing.metadata.namespace!;
    for (const r of ing.spec?.rules ?? []) {
      const server = servers.get(r.host || CATCH_ALL)!;
      for (const p of r.http?.paths ?? []) {
        const path: string = p.path || '/';
        const pathType: string = p.pathType ?? 'ImplementationSpecific';
        const loc: Location = { path, exact: pathType === 'Exact', rulePath: path, pathType, backend: backendOf(ns, p.backend), ingress: { namespace: ns, name: ing.metadata.name! }, isDefBackend: false };
        const same = server.locations.find((l) => l.rulePath === path && l.exact === loc.exact);
        if (same) {
          if (same.isDefBackend) Object.assign(same, { backend: loc.backend, ingress: loc.ingress, isDefBackend: false, pathType });
          continue;
        }
        server.locations.push(loc);
      }
    }
  }
  for (const s of servers.values()) s.locations = normalizeLocations(s.locations);
  // TLS: a host listed in an Ingress's tls section, with a Secret whose certificate covers it.
  for (const ing of ings) {
    const ns = ing.metadata.namespace!;
    for (const t of ing.spec?.tls ?? []) {
      if (!t.secretName) continue;
      const hosts: string[] = t.hosts?.length ? t.hosts : (ing.spec?.rules ?? []).map((r: { host?: string }) => r.host).filter(Boolean);
      for (const h of hosts) {
        const s = servers.get(h);
        if (s && !s.tlsSecret && tlsCovers(ns, t.secretName, h)) s.tlsSecret = { namespace: ns, name: t.secretName };
      }
    }
  }
  return servers;
}

/** updateServerLocations: a Prefix `/foo` becomes the prefix location `/foo/` plus an exact `/foo`. */
function normalizeLocations(locations: Location[]): Location[] {
  const exact = new Set(locations.filter((l) => l.exact).map((l) => l.path));
  const out: Location[] = [];
  for (const l of locations) {
    if (l.path === '/' || l.pathType !== 'Prefix') {
      out.push(l);
      continue;
    }
    const prefix = l.path.endsWith('/') ? l.path : l.path + '/';
    out.push({ ...l, path: prefix });
    if (!exact.has(l.path)) out.push({ ...l, exact: true });
  }
  return out;
}

/**
 * nginx's virtual server choice by host: the exact name, then the longest `*.` wildcard (which in
 * nginx matches any depth of subdomain), then the catch-all.
 */
export function selectServer(servers: Map<string, Server>, hostHeader: string): Server {
  const host = hostHeader.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
  const exact = servers.get(host);
  if (exact && host !== CATCH_ALL) return exact;
  let best: Server | undefined;
  for (const s of servers.values()) {
    if (!s.hostname.startsWith('*.')) continue;
    if (host.endsWith(s.hostname.slice(1)) && (!best || s.hostname.length > best.hostname.length)) best = s;
  }
  return best ?? servers.get(CATCH_ALL)!;
}

/** nginx's location choice: an exact match wins, else the longest prefix (plain string prefix). */
export function selectLocation(server: Server, uri: string): Location {
  const path = uri.split('?')[0] || '/';
  const exact = server.locations.find((l) => l.exact && l.path === path);
  if (exact) return exact;
  let best: Location | undefined;
  for (const l of server.locations) if (!l.exact && path.startsWith(l.path) && (!best || l.path.length > best.path.length)) best = l;
  return best ?? server.locations.find((l) => l.path === '/')!;
}
