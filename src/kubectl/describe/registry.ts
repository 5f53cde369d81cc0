// The describers, registered by kind, each with the extra data it needs so the describe command
// fetches exactly that through the API (kubectl's describerMap plus what each Describe() lists).
// Kinds not listed here use the generic describer.

import { describeConfigMap } from './configmap.ts';
import { describeDeployment } from './deployment.ts';
import { describeEndpoints } from './endpoints.ts';
import { describeEndpointSlice } from './endpointslice.ts';
import { describeGeneric } from './generic.ts';
import { describeIngress } from './ingress.ts';
import { describeIngressClass } from './ingressclass.ts';
import { describeNamespace } from './namespace.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeReplicaSet } from './replicaset.ts';
import { describeSecret } from './secret.ts';
import { describeService } from './service.ts';
import { describeServiceAccount } from './serviceaccount.ts';
import type { Json } from './types.ts';

/**
 * What a describer needs besides the object, and the context field each one fills:
 * - `events`: events whose involvedObject is the object (name, namespace, kind, uid) → `events`;
 *   for a Node, also those with uid = the node's name (kubelet's events); omit with --show-events=false.
 * - `endpointslices`: EndpointSlices labelled kubernetes.io/service-name=<name> → `endpointSlices`.
 * - `pods-by-selector`: pods matching spec.selector in the namespace → `pods` (a list error → `podsError`).
 * - `replicasets-by-selector`: ReplicaSets matching spec.selector → pass through `splitReplicaSets` → `oldRSs`, `newRS`.
 * - `pods-on-node`: pods with fieldSelector spec.nodeName=<node>,status.phase!=Succeeded,status.phase!=Failed
 *   in all namespaces → `pods` (leave undefined if forbidden: prints `Pods: not authorized`).
 * - `node-lease`: the Lease <node> in kube-node-lease → `lease` (or its error message → `leaseError`).
 * - `quotas`, `limitranges`: ResourceQuotas / LimitRanges in the namespace → `quotas`, `limits`.
 * - `secrets`: every Secret in the namespace → `secrets` (left undefined if the list fails).
 * - `ingress-backends`: for each backend Service name in the Ingress, the Service and its
 *   EndpointSlices → `backends[name]` (a get error message → `backends[name].error`).
 */
export type Need =
  | 'events'
  | 'endpointslices'
  | 'pods-by-selector'
  | 'replicasets-by-selector'
  | 'pods-on-node'
  | 'node-lease'
  | 'quotas'
  | 'limitranges'
  | 'secrets'
  | 'ingress-backends';

export interface Describer {
  kind: string;
  group: string;
  needs: Need[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  describe: (obj: Json, ctx: any) => string;
}

const entries: Describer[] = [
  { kind: 'Pod', group: '', needs: ['events'], describe: describePod },
  { kind: 'Service', group: '', needs: ['endpointslices', 'events'], describe: describeService },
  { kind: 'Endpoints', group: '', needs: ['events'], describe: describeEndpoints },
  { kind: 'EndpointSlice', group: 'discovery.k8s.io', needs: ['events'], describe: describeEndpointSlice },
  { kind: 'Deployment', group: 'apps', needs: ['replicasets-by-selector', 'events'], describe: describeDeployment },
  { kind: 'ReplicaSet', group: 'apps', needs: ['pods-by-selector', 'events'], describe: describeReplicaSet },
  { kind: 'Node', group: '', needs: ['pods-on-node', 'node-lease', 'events'], describe: describeNode },
  { kind: 'Ingress', group: 'networking.k8s.io', needs: ['ingress-backends', 'events'], describe: describeIngress },
  { kind: 'IngressClass', group: 'networking.k8s.io', needs: ['events'], describe: describeIngressClass },
  { kind: 'Namespace', group: '', needs: ['quotas', 'limitranges'], describe: describeNamespace },
  { kind: 'ConfigMap', group: '', needs: ['events'], describe: describeConfigMap },
  { kind: 'Secret', group: '', needs: [], describe: (obj) => describeSecret(obj) },
  { kind: 'ServiceAccount', group: '', needs: ['secrets', 'events'], describe: describeServiceAccount },
];

export const describers: Record<string, Describer> = Object.fromEntries(entries.map((d) => [d.kind, d]));

export const genericDescriber: Describer = { kind: '*', group: '*', needs: ['events'], describe: describeGeneric };

/** The describer for a kind; the generic one when the kind has none of its own. */
export function describerFor(kind: string): Describer {
  return describers[kind] ?? genericDescriber;
}
