// core/v1 Node: what `get nodes -o wide` and `describe node` read.

import { CORE, QUANTITY, bool, keyedList, kind, list, listKind, mapOf, oneOf, ref, str, strList, struct, time } from './dsl.ts';
import type { Definition } from './types.ts';

const node = kind(CORE + 'Node', { group: '', version: 'v1', kind: 'Node' }, { plural: 'nodes', namespaced: false }, {
  spec: ref(CORE + 'NodeSpec'),
  status: ref(CORE + 'NodeStatus'),
});

export const nodeDefinitions: Definition[] = [
  node,
  listKind(node),
  struct(CORE + 'NodeSpec', {
    podCIDR: str(),
    podCIDRs: strList({ listType: 'set', patchStrategy: 'merge' }),
    providerID: str(),
    taints: list(CORE + 'Taint', { listType: 'atomic' }),
    unschedulable: bool(),
  }),
  struct(CORE + 'Taint', { effect: oneOf(['NoExecute', 'NoSchedule', 'PreferNoSchedule'], { required: true }), key: str({ required: true }), timeAdded: time(), value: str() }),
  struct(CORE + 'NodeStatus', {
    addresses: keyedList(CORE + 'NodeAddress', 'type'),
    allocatable: mapOf({ ref: QUANTITY }),
    capacity: mapOf({ ref: QUANTITY }),
    conditions: keyedList(CORE + 'NodeCondition', 'type'),
    nodeInfo: ref(CORE + 'NodeSystemInfo'),
  }),
  struct(CORE + 'NodeAddress', { address: str({ required: true }), type: str({ required: true }) }),
  struct(CORE + 'NodeCondition', {
    lastHeartbeatTime: time(),
    lastTransitionTime: time(),
    message: str(),
    reason: str(),
    status: str({ required: true }),
    type: str({ required: true }),
  }),
  struct(CORE + 'NodeSystemInfo', {
    architecture: str({ required: true }),
    bootID: str({ required: true }),
    containerRuntimeVersion: str({ required: true }),
    kernelVersion: str({ required: true }),
    kubeProxyVersion: str({ required: true }),
    kubeletVersion: str({ required: true }),
    machineID: str({ required: true }),
    operatingSystem: str({ required: true }),
    osImage: str({ required: true }),
    systemUUID: str({ required: true }),
  }),
];
