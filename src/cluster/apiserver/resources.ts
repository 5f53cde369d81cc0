// The resources the emulator serves, by group/version/resource. Code inside the cluster refers to
// them through these constants rather than building paths by hand.

export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
}

const core = (resource: string, namespaced = true): ResourceRef => ({ group: '', version: 'v1', resource, namespaced });

export const R = {
  namespaces: core('namespaces', false),
  nodes: core('nodes', false),
  pods: core('pods'),
  services: core('services'),
  endpoints: core('endpoints'),
  configmaps: core('configmaps'),
  secrets: core('secrets'),
  events: core('events'),
  serviceaccounts: core('serviceaccounts'),
  endpointslices: { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespaced: true },
  deployments: { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true },
  replicasets: { group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true },
  ingresses: { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', namespaced: true },
  ingressclasses: { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', namespaced: false },
} satisfies Record<string, ResourceRef>;

/** The REST path of a resource, a namespace's collection of it, or one object. */
export function resourcePath(r: ResourceRef, namespace?: string, name?: string, subresource?: string): string {
  let p = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  if (r.namespaced && namespace) p += `/namespaces/${namespace}`;
  p += `/${r.resource}`;
  if (name !== undefined) p += `/${name}`;
  if (subresource) p += `/${subresource}`;
  return p;
}
