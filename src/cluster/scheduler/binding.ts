// The pods/binding subresource: Models pkg/registry/core/pod/storage/storage.go BindingREST
// (assignPod): POST a Binding and the pod gets spec.nodeName and a PodScheduled=True condition.
// Registered on the API server by cluster.ts; the scheduler only speaks REST, like kube-scheduler.

import type { ApiServer, SubresourceHandler } from '../apiserver/server.ts';
import { badRequest, conflict } from '../apiserver/errors.ts';
import { timestamp } from '../apiserver/meta.ts';
import type { KObject } from '../apiserver/types.ts';

export const bindingHandler: SubresourceHandler = (req, pod, server: ApiServer) => {
  if (req.method !== 'POST') throw badRequest(`the server does not allow this method on the requested resource`);
  const target = (req.body as { target?: { name?: string } } | undefined)?.target?.name;
  if (!target) throw badRequest('the body of the request was empty or not a Binding with a target');
  if (pod.metadata.deletionTimestamp) throw conflict('', 'pods', pod.metadata.name!, 'pod is being deleted, cannot be assigned to a host');
  if (pod.spec?.nodeName) throw conflict('', 'pods', pod.metadata.name!, `pod ${pod.metadata.name} is already assigned to node "${pod.spec.nodeName}"`);
  pod.spec = { ...pod.spec, nodeName: target };
  const now = timestamp(server.context().clock.now());
  const conditions = ((pod.status?.conditions ?? []) as { type: string }[]).filter((c) => c.type !== 'PodScheduled');
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now } as never);
  pod.status = { ...pod.status, conditions };
  server.store.put('/pods', pod as KObject, 'MODIFIED');
  return { status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
};
