// The extra data each describer declares (../../describe/registry.ts), fetched through the API
// as kubectl's describe.go does for that kind: events by searchEvents' field selector, slices by
// the service-name label, pods and ReplicaSets by the owner's selector, and so on.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import type { Invocation } from '../../command.ts';
import { splitReplicaSets, type Need } from '../../describe/index.ts';
import { labelSelectorString } from '../../describe/selectors.ts';
import { ApiStatusError } from '../../errors.ts';
import type { Rest } from '../../resource/rest.ts';

type Ctx = Record<string, unknown>;
interface List {
  items?: KObject[];
}

const items = (rest: Rest, path: string, query?: Record<string, string>): KObject[] => rest.get<List>(path, query).items ?? [];
const nsPath = (ns: string | undefined) => (ns ? `/api/v1/namespaces/${ns}` : '/api/v1');

/**
 * client-go's events.Search: a field selector on the involved object's kind, name, namespace and
 * uid (fields.Set's String() sorts by key), in the object's namespace.
 */
export function searchEvents(rest: Rest, obj: KObject, uid = obj.metadata.uid, kind = obj.kind): KObject[] {
  const set: Record<string, string> = {
    'involvedObject.kind': kind,
    'involvedObject.name': obj.metadata.name ?? '',
    'involvedObject.namespace': obj.metadata.namespace ?? '',
  };
  if (uid) set['involvedObject.uid'] = uid;
  const fieldSelector = Object.keys(set)
    .sort()
    .filter((k) => set[k] !== '' || k === 'involvedObject.namespace')
    .map((k) => `${k}=${set[k]}`)
    .join(',');
  return items(rest, `${nsPath(obj.metadata.namespace)}/events`, { fieldSelector });
}

function backendNames(ing: KObject): string[] {
  const names: string[] = [];
  const add = (b: { service?: { name?: string } } | undefined) => {
    const n = b?.service?.name;
    if (n && !names.includes(n)) names.push(n);
  };
  add(ing.spec?.defaultBackend);
  for (const r of ing.spec?.rules ?? []) for (const p of r.http?.paths ?? []) add(p.backend);
  return names;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function fetchNeeds(inv: Invocation, obj: KObject, needs: readonly Need[], showEvents: boolean): Ctx {
  const rest = inv.rest();
  const ns = obj.metadata.namespace;
  const ctx: Ctx = {};
  for (const need of needs) {
    switch (need) {
      case 'events':
        if (!showEvents) break;
        if (obj.kind === 'Node') {
          // kubelet records node events with uid = the node's name, controllers with its uid.
          const byName = searchEvents(rest, obj, obj.metadata.name);
          const byUid = searchEvents(rest, obj);
          ctx.events = [...byName, ...byUid.filter((e) => !byName.some((b) => b.metadata.uid === e.metadata.uid))];
        } else if (obj.kind === 'Pod') {
          // PodDescriber: no kind in the reference, and a mirror pod's events are the static
          // pod's, found by the uid in its kubernetes.io/config.mirror annotation.
          const mirror = obj.metadata.annotations?.['kubernetes.io/config.mirror'];
          ctx.events = searchEvents(rest, obj, mirror ?? obj.metadata.uid, '');
        } else ctx.events = searchEvents(rest, obj);
        break;
      case 'endpointslices':
        ctx.endpointSlices = items(rest, `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`, {
          labelSelector: `kubernetes.io/service-name=${obj.metadata.name}`,
        });
        break;
      case 'pods-by-selector':
        try {
          ctx.pods = items(rest, `/api/v1/namespaces/${ns}/pods`, { labelSelector: labelSelectorString(obj.spec?.selector) });
        } catch (e) {
          ctx.podsError = errorText(e);
        }
        break;
      case 'replicasets-by-selector': {
        const all = items(rest, `/apis/apps/v1/namespaces/${ns}/replicasets`, { labelSelector: labelSelectorString(obj.spec?.selector) });
        Object.assign(ctx, splitReplicaSets(obj, all));
        break;
      }
      case 'pods-on-node':
        try {
          ctx.pods = items(rest, '/api/v1/pods', { fieldSelector: `spec.nodeName=${obj.metadata.name},status.phase!=Succeeded,status.phase!=Failed` });
        } catch (e) {
          if (!(e instanceof ApiStatusError && e.reason === 'Forbidden')) throw e;
        }
        break;
      case 'node-lease':
        try {
          ctx.lease = rest.get(`/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${obj.metadata.name}`);
        } catch (e) {
          ctx.leaseError = errorText(e);
        }
        break;
      case 'quotas':
        ctx.quotas = optionalList(rest, `/api/v1/namespaces/${obj.metadata.name}/resourcequotas`);
        break;
      case 'limitranges':
        ctx.limits = optionalList(rest, `/api/v1/namespaces/${obj.metadata.name}/limitranges`);
        break;
      case 'secrets':
        // ServiceAccountDescriber tolerates a failed list: it still describes the account.
        try {
          ctx.secrets = items(rest, `/api/v1/namespaces/${ns}/secrets`);
        } catch {
          ctx.secrets = undefined;
        }
        break;
      case 'ingress-backends': {
        const backends: Record<string, unknown> = {};
        for (const name of backendNames(obj)) {
          try {
            const service = rest.get<KObject>(`/api/v1/namespaces/${ns}/services/${name}`);
            const endpointSlices = items(rest, `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`, {
              labelSelector: `kubernetes.io/service-name=${name}`,
            });
            backends[name] = { service, endpointSlices };
          } catch (e) {
            backends[name] = { error: errorText(e) };
          }
        }
        ctx.backends = backends;
        break;
      }
    }
  }
  return ctx;
}

/**
 * Kinds the emulator may not serve (quotas, limit ranges): NotFound means "server does not
 * support them" and the describer leaves their section out (describeNamespace: list = nil).
 */
function optionalList(rest: Rest, path: string): KObject[] | undefined {
  try {
    return items(rest, path);
  } catch (e) {
    if (e instanceof ApiStatusError && e.reason === 'NotFound') return undefined;
    throw e;
  }
}
