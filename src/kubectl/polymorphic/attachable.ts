// Which Pod a verb on `deploy/web` or `svc/web` means (kubectl polymorphichelpers:
// attachablepodforobject.go, logsforobject.go, helpers.go GetFirstPod/GetPodList), and which
// container of it (pkg/cmd/util/podcmd). Used by logs, exec, attach, port-forward and run.

import type { KObject } from '../../cluster/apiserver/types.ts';
import type { Invocation } from '../command.ts';
import { CmdError } from '../errors.ts';
import { parseResourceArgs } from '../resource/builder.ts';
import { CORE, resourcePath } from '../resource/rest.ts';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** The builder's `ResourceNames("pods", arg)`: `web` is a pod, `deploy/web` anything. */
export function getTarget(inv: Invocation, arg: string, second?: string): KObject {
  const args = second !== undefined ? [arg, second] : arg.includes('/') ? [arg] : ['pods', arg];
  const reqs = parseResourceArgs(args, inv.mapper());
  const r = reqs[0];
  if (!r || r.names.length === 0) throw new CmdError('resource(s) were provided, but no name was specified');
  return inv.rest().getNamed<KObject>(r.mapping, r.mapping.namespaced ? inv.namespace : undefined, r.names[0]);
}

type Order = 'attach' | 'logging';

function ready(p: KObject): boolean {
  return (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

function readyTime(p: KObject): string {
  return (p.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready')?.lastTransitionTime ?? '';
}

function maxRestarts(p: KObject): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s: { restartCount?: number }) => s.restartCount ?? 0));
}

/** podutils.ByLogging (the pod logs shows) and sort.Reverse(podutils.ActivePods) (attach/exec). */
function compare(order: Order) {
  const phaseLog: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const phaseActive: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  return (a: KObject, b: KObject): number => {
    const na = a.spec?.nodeName ?? '';
    const nb = b.spec?.nodeName ?? '';
    const created = (p: KObject) => p.metadata.creationTimestamp ?? '';
    if (order === 'logging') {
      if (na !== nb && (!na || !nb)) return na ? -1 : 1;
      const pa = phaseLog[a.status?.phase] ?? 3;
      const pb = phaseLog[b.status?.phase] ?? 3;
      if (pa !== pb) return pa - pb;
      if (ready(a) !== ready(b)) return ready(a) ? -1 : 1;
      if (ready(a) && ready(b) && readyTime(a) !== readyTime(b)) return readyTime(a) < readyTime(b) ? -1 : 1;
      if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
      if (created(a) !== created(b)) return created(a) < created(b) ? -1 : 1;
      return 0;
    }
    // Reverse of ActivePods: the most active first — assigned, Running, ready, not deleting,
    // ready for longest, fewer restarts, oldest.
    if (na !== nb && (!na || !nb)) return na ? -1 : 1;
    const pa = phaseActive[a.status?.phase] ?? -1;
    const pb = phaseActive[b.status?.phase] ?? -1;
    if (pa !== pb) return pb - pa;
    if (ready(a) !== ready(b)) return ready(a) ? -1 : 1;
    const da = !!a.metadata.deletionTimestamp;
    const db = !!b.metadata.deletionTimestamp;
    if (da !== db) return da ? 1 : -1;
    if (ready(a) && ready(b) && readyTime(a) !== readyTime(b)) return readyTime(a) < readyTime(b) ? -1 : 1;
    if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) - maxRestarts(b);
    if (created(a) !== created(b)) return created(a) < created(b) ? -1 : 1;
    return 0;
  };
}

/** SelectorsForObject: a label selector string, or kubectl's error. */
function selectorFor(o: KObject, verb: string): string {
  let sel: Record<string, string> | undefined;
  if (o.kind === 'Service') {
    sel = o.spec?.selector;
    if (!sel || Object.keys(sel).length === 0)
      throw new CmdError(`cannot ${verb} *v1.Service: invalid service '${o.metadata.name}': Service is defined without a selector`);
  } else if (o.kind === 'ReplicationController') sel = o.spec?.selector;
  else if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(o.kind ?? '')) {
    sel = o.spec?.selector?.matchLabels ?? {};
  } else throw new CmdError(`cannot ${verb} *v1.${o.kind}: selector for *v1.${o.kind} not implemented`);
  return Object.entries(sel ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/**
 * GetPodList: the pods of the selector, sorted; when there are none yet, waits (polling the clock)
 * for one to appear, up to timeoutMs.
 */
export async function podsFor(inv: Invocation, o: KObject, timeoutMs: number, order: Order, verb = 'attach to'): Promise<KObject[]> {
  const selector = selectorFor(o, verb);
  const ns = o.metadata.namespace ?? inv.namespace;
  const deadline = timeoutMs;
  for (let waited = 0; ; waited += 1000) {
    const list = inv.rest().get<{ items?: KObject[] }>(resourcePath(CORE('pods'), ns), { labelSelector: selector });
    const pods = [...(list.items ?? [])].sort(compare(order));
    if (pods.length > 0) return pods;
    if (waited >= deadline) throw new CmdError('timed out waiting for the condition');
    await inv.ctx.sleep(1000);
  }
}

/** attachablePodForObject: a Pod is itself; anything else, its most active pod. */
export async function attachablePod(inv: Invocation, o: KObject, timeoutMs: number): Promise<KObject> {
  if (o.kind === 'Pod') return o;
  return (await podsFor(inv, o, timeoutMs, 'attach'))[0];
}

export function findContainer(pod: KObject, name: string): { name: string; image: string; tty?: boolean; stdin?: boolean; ports?: { name?: string; containerPort: number; protocol?: string }[] } | undefined {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])];
  return all.find((c: { name: string }) => c.name === name);
}

/** podcmd.AllContainerNames: `a, b, c (ephem), d (init)`. */
export function allContainerNames(pod: KObject): string {
  return [
    ...(pod.spec?.containers ?? []).map((c: { name: string }) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c: { name: string }) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c: { name: string }) => `${c.name} (init)`),
  ].join(', ');
}

function hasSeveral(pod: KObject): boolean {
  return (pod.spec?.containers ?? []).length > 1 || (pod.spec?.initContainers ?? []).length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0;
}

/** podcmd.FindOrDefaultContainerByName (exec, attach): the annotation, else the first, with a notice. */
export function findOrDefaultContainer(pod: KObject, name: string, quiet: boolean, warn: { write(s: string): void }) {
  if (name) {
    const c = findContainer(pod, name);
    if (!c) throw new CmdError(`container ${name} not found in pod ${pod.metadata.name}`);
    return c;
  }
  const containers = pod.spec?.containers ?? [];
  if (containers.length === 0) throw new CmdError(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`);
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated) {
    const c = findContainer(pod, annotated);
    if (c) return c;
  }
  if (!quiet && hasSeveral(pod)) warn.write(`Defaulted container "${containers[0].name}" out of: ${allContainerNames(pod)}\n`);
  return containers[0];
}

/** logsForObject's container choice for one pod (its own notices, on stderr). */
export function logsContainer(pod: KObject, name: string, allPods: boolean, warn: { write(s: string): void }): string {
  let container = name;
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!container && annotated) {
    if (!findContainer(pod, annotated)) warn.write(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
    else container = annotated;
  }
  if (!container) {
    container = pod.spec?.containers?.[0]?.name ?? '';
    if (hasSeveral(pod) && !allPods) warn.write(`Defaulted container "${container}" out of: ${allContainerNames(pod)}\n`);
  }
  if (!findContainer(pod, container)) throw new CmdError(`container ${container} is not valid for pod ${pod.metadata.name}`);
  return container;
}
