// Models describe.go's describeNode and describeNodeResource.

import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './maps.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.ts';
import { milliValue, q, quantityString, value, ZERO, type Quantity } from './quantity.ts';
import { podRequestsAndLimits, type ResourceList } from './resources.ts';
import { rfc1123z, since } from './time.ts';
import type { DescribeContext, Json } from './types.ts';

export interface NodeContext extends DescribeContext {
  /** Pods with spec.nodeName=<node> that are neither Succeeded nor Failed; undefined = not allowed to list. */
  pods?: Json[];
  /** The node's Lease in kube-node-lease; undefined prints the error line with `leaseError`. */
  lease?: Json;
  leaseError?: string;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role=<role>, sorted. */
export function nodeRoles(node: Json): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries<string>(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort(byString);
}

function describeLease(w: PrefixWriter, ctx: NodeContext): void {
  if (!ctx.lease) {
    if (ctx.leaseError !== undefined) w.write(LEVEL_0, `Lease:\tFailed to get lease: ${ctx.leaseError}\n`);
    return;
  }
  const spec = ctx.lease.spec ?? {};
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

/** Go's int64(float64) of a percentage: truncation toward zero. */
const pct = (part: number, whole: number): number => Math.trunc((part / whole) * 100);

const HUGEPAGES = 'hugepages-';
/** helper.IsStandardContainerResourceName: cpu, memory, ephemeral-storage, hugepages-*. */
const isStandardContainerResource = (r: string): boolean =>
  r === 'cpu' || r === 'memory' || r === 'ephemeral-storage' || r.startsWith(HUGEPAGES);

function describeNodeResource(pods: Json[], node: Json, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocRaw: Record<string, string> =
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const alloc = (name: string): Quantity => q(allocRaw[name]);
  const get = (list: ResourceList, name: string): Quantity => list.get(name) ?? ZERO;
  const totalReqs: ResourceList = new Map();
  const totalLimits: ResourceList = new Map();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    const cpuReq = get(reqs, 'cpu');
    const cpuLim = get(limits, 'cpu');
    const memReq = get(reqs, 'memory');
    const memLim = get(limits, 'memory');
    const cpuAlloc = milliValue(alloc('cpu'));
    const memAlloc = value(alloc('memory'));
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t` +
        `${quantityString(cpuReq)} (${pct(milliValue(cpuReq), cpuAlloc)}%)\t` +
        `${quantityString(cpuLim)} (${pct(milliValue(cpuLim), cpuAlloc)}%)\t` +
        `${quantityString(memReq)} (${pct(value(memReq), memAlloc)}%)\t` +
        `${quantityString(memLim)} (${pct(value(memLim), memAlloc)}%)\t` +
        `${since(pod.metadata?.creationTimestamp, now)}\n`,
    );
    for (const [into, from] of [
      [totalReqs, reqs],
      [totalLimits, limits],
    ] as const) {
      for (const [k, v] of from) {
        const cur = into.get(k);
        into.set(k, cur ? { nano: cur.nano + v.nano, format: cur.nano === 0n ? v.format : cur.format } : v);
      }
    }
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, measure: (x: Quantity) => number): void => {
    const r = get(totalReqs, name);
    const l = get(totalLimits, name);
    const whole = measure(alloc(name));
    const fr = whole !== 0 ? pct(measure(r), whole) : 0;
    const fl = whole !== 0 ? pct(measure(l), whole) : 0;
    w.write(LEVEL_1, `${name}\t${quantityString(r)} (${fr}%)\t${quantityString(l)} (${fl}%)\n`);
  };
  row('cpu', milliValue);
  row('memory', value);
  row('ephemeral-storage', value);
  const names = Object.keys(allocRaw);
  for (const r of names.filter((n) => n.startsWith(HUGEPAGES)).sort(byString)) row(r, value);
  const ext = names.filter((n) => !isStandardContainerResource(n) && n !== 'pods').sort(byString);
  for (const r of ext) w.write(LEVEL_1, `${r}\t${quantityString(get(totalReqs, r))}\t${quantityString(get(totalLimits, r))}\n`);
}

export function describeNode(node: Json, ctx: NodeContext): string {
  return tabbedString((w) => {
    const meta = node.metadata ?? {};
    const spec = node.spec ?? {};
    const status = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    describeLease(w, ctx);
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of status.conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [
      ['Capacity', status.capacity],
      ['Allocatable', status.allocatable],
    ] as const) {
      const names = Object.keys(list ?? {}).sort(byString);
      if (!names.length) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const n of names) w.write(LEVEL_0, `  ${n}:\t${quantityString(q(list[n]))}\n`);
    }
    const info = status.nodeInfo ?? {};
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    if (ctx.pods) describeNodeResource(ctx.pods, node, w, ctx.now);
    else w.write(LEVEL_0, 'Pods:\tnot authorized\n');
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
