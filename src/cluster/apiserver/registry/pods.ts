// Pods (core/v1): defaults (SetDefaults_Pod / PodSpec), what admission adds on create (the
// ServiceAccount plugin's serviceAccountName and kube-api-access volume, DefaultTolerationSeconds,
// Priority), the pod strategy (pkg/registry/core/pod/strategy.go: status on create, field
// selectors), validation, and printPod's STATUS/READY/RESTARTS logic.

import { randomSuffix } from '../../random.ts';
import type { KObject } from '../types.ts';
import { ageCol, col, jsonEqual, keepOldStatus, nameCol, since, age } from './common.ts';
import { FieldPath, forbidden, toFieldErrs } from './field.ts';
import { defaultPodSpec, validatePodSpec } from './podspec.ts';
import type { ResourceStrategy, StrategyContext } from './strategy.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const SA_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/** qos.GetPodQOS, simplified to cpu and memory. */
export function podQOS(spec: Obj | undefined): string {
  const cs: Obj[] = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of cs) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** What admission plugins add to a new Pod (ServiceAccount, DefaultTolerationSeconds, Priority). */
function admit(pod: KObject, ctx: StrategyContext): void {
  const spec: Obj = (pod.spec ??= {});
  spec.serviceAccountName ||= spec.serviceAccount || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const hasTokenMount = (spec.containers ?? []).some((c: Obj) => (c.volumeMounts ?? []).some((m: Obj) => m.mountPath === SA_MOUNT));
  if (spec.automountServiceAccountToken !== false && !hasTokenMount) {
    const name = `kube-api-access-${randomSuffix(ctx.rng)}`;
    spec.volumes = [
      ...(spec.volumes ?? []),
      {
        name,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      },
    ];
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])])
      c.volumeMounts = [...(c.volumeMounts ?? []), { name, readOnly: true, mountPath: SA_MOUNT }];
  }
  const tolerations: Obj[] = (spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key && (t.effect === 'NoExecute' || !t.effect)))
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerThanOrEqual';
}

// The fields ValidatePodUpdate lets change: images, activeDeadlineSeconds, tolerations (additions),
// terminationGracePeriodSeconds.
function mutableMasked(spec: Obj | undefined): Obj {
  const s = structuredClone(spec ?? {});
  for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) delete c.image;
  delete s.activeDeadlineSeconds;
  delete s.tolerations;
  delete s.terminationGracePeriodSeconds;
  return s;
}

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function hasCondition(pod: KObject, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c: Obj) => c.type === type && c.status === 'True');
}

const later = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : Date.parse(b) > Date.parse(a) ? b : a);

/** printPod's READY, STATUS and RESTARTS (pkg/printers/internalversion/printers.go). */
export function podStatusCells(pod: KObject, ctx: StrategyContext): [string, string, string] {
  const spec: Obj = pod.spec ?? {};
  const status: Obj = pod.status ?? {};
  let restarts = 0;
  let restartableRestarts = 0;
  let total = (spec.containers ?? []).length;
  let ready = 0;
  let lastRestart: string | undefined;
  let lastRestartableRestart: string | undefined;
  const phase: string = status.phase ?? '';
  let reason: string = status.reason || phase;
  for (const c of status.conditions ?? []) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const initSpecs = new Map<string, Obj>();
  for (const c of spec.initContainers ?? []) {
    initSpecs.set(c.name, c);
    if (c.restartPolicy === 'Always') total++;
  }
  const restartable = (name: string) => initSpecs.get(name)?.restartPolicy === 'Always';

  let initializing = false;
  const inits: Obj[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    restarts += c.restartCount ?? 0;
    const lastTerm = c.lastState?.terminated?.finishedAt;
    if (c.lastState?.terminated) lastRestart = later(lastRestart, lastTerm);
    if (restartable(c.name)) {
      restartableRestarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestartableRestart = later(lastRestartableRestart, lastTerm);
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (restartable(c.name) && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term) reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    else if (wait?.reason && wait.reason !== 'PodInitializing') reason = `Init:${wait.reason}`;
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const cs: Obj[] = status.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]!;
      restarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestart = later(lastRestart, c.lastState.terminated.finishedAt);
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart) restartsText = `${restarts} (${since(lastRestart, ctx)} ago)`;
  return [`${ready}/${total}`, reason, restartsText];
}

function readinessGates(pod: KObject): string {
  const gates: Obj[] = pod.spec?.readinessGates ?? [];
  if (!gates.length) return '<none>';
  let ok = 0;
  for (const g of gates) {
    const c = (pod.status?.conditions ?? []).find((x: Obj) => x.type === g.conditionType);
    if (c?.status === 'True') ok++;
  }
  return `${ok}/${gates.length}`;
}

export const pods: ResourceStrategy = {
  group: '',
  version: 'v1',
  resource: 'pods',
  singular: 'pod',
  kind: 'Pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  subresources: ['attach', 'binding', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'status'],
  prepareForCreate(obj, ctx) {
    obj.spec ??= {};
    admit(obj, ctx);
    obj.status = { phase: 'Pending', qosClass: podQOS(obj.spec) };
  },
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
  },
  defaults(obj) {
    defaultPodSpec((obj.spec ??= {}), true);
  },
  validate: (obj) => toFieldErrs(validatePodSpec(obj.spec, FieldPath.of('spec'))),
  validateUpdate(obj, old) {
    const errs = validatePodSpec(obj.spec, FieldPath.of('spec'));
    if (!jsonEqual(mutableMasked(obj.spec), mutableMasked(old.spec))) errs.push(forbidden(FieldPath.of('spec'), POD_UPDATE_FORBIDDEN));
    return toFieldErrs(errs);
  },
  table: {
    columns: [
      nameCol(),
      col('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
      col('Status', 'The aggregate status of the containers in this pod.'),
      col('Restarts', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
      ageCol(),
      col('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', { wide: true }),
      col('Node', "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename", { wide: true }),
      col('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.', { wide: true }),
      col('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates', { wide: true }),
    ],
    row(o, ctx) {
      const [ready, status, restarts] = podStatusCells(o, ctx);
      return [
        o.metadata.name,
        ready,
        status,
        restarts,
        age(o, ctx),
        o.status?.podIPs?.[0]?.ip || '<none>',
        o.spec?.nodeName || '<none>',
        o.status?.nominatedNodeName || '<none>',
        readinessGates(o),
      ];
    },
  },
  fieldSelectors: {
    'spec.nodeName': (o) => o.spec?.nodeName ?? '',
    'spec.restartPolicy': (o) => o.spec?.restartPolicy ?? '',
    'spec.schedulerName': (o) => o.spec?.schedulerName ?? '',
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': (o) => String(!!o.spec?.hostNetwork),
    'status.phase': (o) => o.status?.phase ?? '',
    'status.podIP': (o) => o.status?.podIPs?.[0]?.ip ?? o.status?.podIP ?? '',
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
  },
};
