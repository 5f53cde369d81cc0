// Discovery as kubectl's memcache client sees it: /api, /apis and each group's preferred version.
// Built once per invocation (a handful of in-process calls), so new resources appear at once.

import type { Rest } from './rest.ts';

export interface ApiResource {
  name: string; // plural
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  group: string;
  version: string;
}

interface APIResourceList {
  groupVersion: string;
  resources: Array<Partial<ApiResource> & { name: string; kind: string; namespaced: boolean }>;
}
interface APIGroupList {
  groups: Array<{ name: string; versions: { groupVersion: string; version: string }[]; preferredVersion?: { groupVersion: string; version: string } }>;
}

export class Discovery {
  #resources?: ApiResource[];
  #groupVersions?: string[];
  constructor(private readonly rest: Rest) {}

  /** Every group/version the server serves, core first (`kubectl api-versions` order is sorted). */
  groupVersions(): string[] {
    this.#load();
    return this.#groupVersions!;
  }

  /** Preferred-version resources, in discovery order (core, then groups as /apis lists them). */
  resources(): ApiResource[] {
    this.#load();
    return this.#resources!;
  }

  #load(): void {
    if (this.#resources) return;
    const out: ApiResource[] = [];
    const gvs: string[] = [];
    const core = this.rest.get<{ versions: string[] }>('/api');
    for (const v of core.versions ?? []) gvs.push(v);
    const preferred: Array<[string, string]> = (core.versions ?? []).slice(0, 1).map((v) => ['', v]);
    const groups = this.rest.get<APIGroupList>('/apis');
    for (const g of groups.groups ?? []) {
      for (const v of g.versions) gvs.push(v.groupVersion);
      const pv = g.preferredVersion ?? g.versions[0];
      if (pv) preferred.push([g.name, pv.version]);
    }
    for (const [group, version] of preferred) {
      const list = this.rest.get<APIResourceList>(group === '' ? `/api/${version}` : `/apis/${group}/${version}`);
      for (const r of list.resources ?? []) {
        if (r.name.includes('/')) continue; // subresources (pods/log, deployments/scale)
        out.push({
          name: r.name,
          singularName: r.singularName || r.kind.toLowerCase(),
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: r.verbs ?? [],
          shortNames: r.shortNames ?? [],
          categories: r.categories ?? [],
          group,
          version,
        });
      }
    }
    this.#resources = out;
    this.#groupVersions = gvs;
  }
}
