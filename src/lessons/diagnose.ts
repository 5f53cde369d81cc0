// "Why does my Service not answer?" — the usual causes, found from the cluster's state and said in
// teaching terms. The lesson UI shows these as live hints; checks add them to their why.
// Each cause is a function of its own, tried in order; the first ones explain the later ones
// (no Pods matched means no endpoints), so we stop at the first that holds for the Service itself.

import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../cluster/apiserver/types.ts';
import { R } from '../cluster/apiserver/resources.ts';
import { isPodReady, plural, podStatusText, readyEndpoints, selectorString } from './state.ts';

export interface Reason {
  /** A stable code for tests and the UI (icons, links to a lesson). */
  code:
    | 'no-service'
    | 'other-namespace'
    | 'no-selector'
    | 'selector-matches-nothing'
    | 'pods-not-ready'
    | 'target-port-closed'
    | 'clusterip-from-outside'
    | 'short-name-other-namespace'
    | 'local-policy-no-endpoint';
  text: string;
}

/** Where the caller stands, when known: it explains the last three causes. */
export interface Caller {
  from?: 'outside' | 'node' | 'pod';
  /** The namespace of the calling Pod. */
  namespace?: string;
  /** The name the caller used (`web`, `web.prod`, an address …). */
  host?: string;
  /** The node the connection arrived at (NodePort or load balancer). */
  node?: string;
}

/** Ports we probe to tell the learner what the Pods do listen on (declared ports come first). */
const COMMON_PORTS = [80, 443, 8080, 8888, 8000, 3000, 5000, 5678, 6379, 5432, 9000];

export function diagnoseService(cluster: Cluster, namespace: string, name: string, caller: Caller = {}): Reason[] {
  const kube = cluster.kube;
  const svc = kube.get(R.services, namespace, name);
  if (!svc) {
    const elsewhere = kube.list(R.services).filter((s) => s.metadata.name === name).map((s) => s.metadata.namespace!);
    if (elsewhere.length)
      return [{ code: 'other-namespace', text: `There is no Service ${name} in namespace ${namespace}, but there is one in ${elsewhere.join(', ')}. Names are per namespace: use -n ${elsewhere[0]} (or ${name}.${elsewhere[0]} in DNS).` }];
    return [{ code: 'no-service', text: `There is no Service named ${name} in namespace ${namespace} (kubectl get svc -n ${namespace} lists them).` }];
  }
  const reasons: Reason[] = [];
  const spec = svc.spec ?? {};
  if (caller.from === 'outside' && (spec.type ?? 'ClusterIP') === 'ClusterIP')
    reasons.push({ code: 'clusterip-from-outside', text: `${name} is a ClusterIP Service: its address ${spec.clusterIP} exists only inside the cluster (kube-proxy rules on each node). From your machine, use a NodePort, a LoadBalancer or kubectl port-forward.` });
  if (caller.from === 'pod' && caller.namespace && caller.namespace !== namespace && caller.host && !caller.host.includes('.'))
    reasons.push({ code: 'short-name-other-namespace', text: `The short name ${caller.host} is looked up in the caller's namespace (${caller.namespace}) first: ${caller.host}.${caller.namespace}.svc.cluster.local. The Service lives in ${namespace}, so call it ${name}.${namespace} (or ${name}.${namespace}.svc.cluster.local).` });
  if (spec.type === 'ExternalName') return reasons;
  const selector: Record<string, string> | undefined = spec.selector;
  if (!selector || !Object.keys(selector).length) {
    if (!readyEndpoints(kube, namespace, name).length)
      reasons.push({ code: 'no-selector', text: `${name} has no selector, so Kubernetes does not find Pods for it: its endpoints must be written by hand (an EndpointSlice), and there are none.` });
    return reasons;
  }
  const sel = selectorString(selector);
  const pods = kube.list(R.pods, { namespace, labelSelector: sel }).filter((p) => !p.metadata.deletionTimestamp);
  if (!pods.length) {
    reasons.push({ code: 'selector-matches-nothing', text: `The selector of ${name} (${sel}) matches no Pod in ${namespace}.${labelsHint(cluster, namespace)} A Service finds its Pods by labels only.` });
    return reasons;
  }
  const ready = pods.filter(isPodReady);
  if (!ready.length) {
    const states = [...new Set(pods.map(podStatusText))].join(', ');
    reasons.push({ code: 'pods-not-ready', text: `${plural(pods.length, 'Pod')} match ${sel}, but none is Ready (${states}): a Service only sends traffic to ready Pods.` });
    return reasons;
  }
  for (const p of spec.ports ?? []) {
    const closed = targetPortProblem(cluster, ready, p);
    if (closed) reasons.push({ code: 'target-port-closed', text: closed });
  }
  if (caller.node && spec.externalTrafficPolicy === 'Local' && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
    const onNode = readyEndpoints(kube, namespace, name).filter((e) => e.node === caller.node);
    if (!onNode.length)
      reasons.push({ code: 'local-policy-no-endpoint', text: `${name} has externalTrafficPolicy: Local, and no ready Pod of it runs on ${caller.node}: that node drops the connection instead of forwarding it (Local keeps the client's address, at this price).` });
  }
  return reasons;
}

function labelsHint(cluster: Cluster, namespace: string): string {
  const sets = [...new Set(cluster.kube.list(R.pods, { namespace }).map((p) => Object.entries(p.metadata.labels ?? {}).filter(([k]) => k !== 'pod-template-hash').map(([k, v]) => `${k}=${v}`).join(',')))].filter(Boolean);
  if (!sets.length) return ` There are no Pods in ${namespace} at all.`;
  return ` The Pods there are labelled ${sets.slice(0, 3).join(' / ')}.`;
}

function targetPortProblem(cluster: Cluster, pods: KObject[], port: { port: number; targetPort?: number | string; protocol?: string }): string | undefined {
  const target = port.targetPort ?? port.port;
  const pod = pods[0];
  const containers: { ports?: { name?: string; containerPort: number }[] }[] = pod.spec?.containers ?? [];
  let number: number | undefined;
  if (typeof target === 'string') {
    number = containers.flatMap((c) => c.ports ?? []).find((cp) => cp.name === target)?.containerPort;
    if (number === undefined) return `Port ${port.port} of the Service targets the named port "${target}", but no container of the Pods declares a port with that name.`;
  } else number = target;
  if (pods.some((p) => cluster.network.listener(p, number!, port.protocol ?? 'TCP'))) return undefined;
  const declared = containers.flatMap((c) => (c.ports ?? []).map((cp) => cp.containerPort));
  const listening = [...new Set([...declared, ...COMMON_PORTS])].filter((n) => cluster.network.listener(pod, n));
  const there = listening.length ? `the Pods listen on ${listening.join(', ')}` : 'nothing in the Pods listens on a port we know';
  return `Port ${port.port} of the Service sends to targetPort ${number}, but ${there}. The targetPort must be a port the container listens on.`;
}
