// Nodes (core/v1): pkg/registry/core/node/strategy.go (any field on create, status kept on spec
// writes) and printNode (STATUS from the Ready condition, ROLES from node-role labels).

import type { KObject } from '../types.ts';
import { age, ageCol, col, keepOldStatus, nameCol } from './common.ts';
import type { ResourceStrategy } from './strategy.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export function nodeRoles(node: KObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

function nodeStatus(node: KObject): string {
  const ready = (node.status?.conditions ?? []).find((c: Obj) => c.type === 'Ready');
  const out = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) out.push('SchedulingDisabled');
  return out.join(',');
}

const address = (node: KObject, type: string) => (node.status?.addresses ?? []).find((a: Obj) => a.type === type)?.address ?? '<none>';

export const nodes: ResourceStrategy = {
  group: '',
  version: 'v1',
  resource: 'nodes',
  singular: 'node',
  kind: 'Node',
  namespaced: false,
  shortNames: ['no'],
  subresources: ['proxy', 'status'],
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
  },
  table: {
    columns: [
      nameCol(),
      col('Status', 'The status of the node'),
      col('Roles', 'The roles of the node'),
      ageCol(),
      col('Version', 'Kubelet Version reported by the node.'),
      col('Internal-IP', 'List of addresses reachable to the node.', { wide: true }),
      col('External-IP', 'List of addresses reachable to the node.', { wide: true }),
      col('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', { wide: true }),
      col('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", { wide: true }),
      col('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', { wide: true }),
    ],
    row(o, ctx) {
      const info = o.status?.nodeInfo ?? {};
      const roles = nodeRoles(o).join(',');
      return [
        o.metadata.name,
        nodeStatus(o),
        roles || '<none>',
        age(o, ctx),
        info.kubeletVersion ?? '',
        address(o, 'InternalIP'),
        address(o, 'ExternalIP'),
        info.osImage || '<unknown>',
        info.kernelVersion || '<unknown>',
        info.containerRuntimeVersion || '<unknown>',
      ];
    },
  },
  fieldSelectors: { 'spec.unschedulable': (o) => String(!!o.spec?.unschedulable) },
};
