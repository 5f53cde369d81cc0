// polymorphichelpers.UpdatePodSpecForObjectFn: where each kind keeps its pod spec. Kinds without
// one fail with the Go type in the message, as kubectl's %T prints it.

import type { KObject } from '../../cluster/apiserver/types.ts';
import { CmdError } from '../errors.ts';

export interface Container {
  name: string;
  image?: string;
  env?: EnvVar[];
  [k: string]: unknown;
}
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, Record<string, string> | undefined>;
}
export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
}

const TEMPLATE = (o: KObject) => (o.spec ??= {}).template?.spec as PodSpec | undefined;

const POD_SPECS: Record<string, (o: KObject) => PodSpec | undefined> = {
  '/Pod': (o) => o.spec as PodSpec | undefined,
  '/ReplicationController': TEMPLATE,
  'apps/Deployment': TEMPLATE,
  'apps/DaemonSet': TEMPLATE,
  'apps/ReplicaSet': TEMPLATE,
  'apps/StatefulSet': TEMPLATE,
  'batch/Job': TEMPLATE,
  'batch/CronJob': (o) => o.spec?.jobTemplate?.spec?.template?.spec as PodSpec | undefined,
};

/** The object's pod spec (to change in place), or kubectl's error for kinds without one. */
export function podSpecOf(o: KObject): PodSpec {
  const gv = o.apiVersion ?? '';
  const group = gv.includes('/') ? gv.split('/')[0] : '';
  const get = POD_SPECS[`${group}/${o.kind}`];
  if (!get) throw new CmdError(`the object is not a pod or does not have a pod template: *${gv.includes('/') ? gv.split('/')[1] : gv || 'v1'}.${o.kind}`);
  return get(o) ?? {};
}

/** set/helper.go selectString: `*` wildcards in a container name. */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.length === 0) continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}
