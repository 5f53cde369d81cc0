// The namespaces/finalize subresource: Models pkg/registry/core/namespace/storage FinalizeREST.
// PUT a Namespace with spec.finalizers; once a terminating namespace has none left (and no
// metadata finalizers) the API server removes it. Registered on the server by cluster.ts.

import type { ApiServer, SubresourceHandler } from '../../apiserver/server.ts';
import { badRequest } from '../../apiserver/errors.ts';
import type { KObject } from '../../apiserver/types.ts';

export const finalizeHandler: SubresourceHandler = (req, ns, server: ApiServer) => {
  if (req.method !== 'PUT') throw badRequest('the server does not allow this method on the requested resource');
  const body = req.body as KObject | undefined;
  ns.spec = { ...ns.spec, finalizers: body?.spec?.finalizers ?? [] };
  if (!ns.spec.finalizers.length) delete ns.spec.finalizers;
  if (ns.metadata.deletionTimestamp && !ns.spec.finalizers?.length && !ns.metadata.finalizers?.length) {
    const gone = server.store.remove('/namespaces', undefined, ns.metadata.name!);
    return { status: 200, body: gone ?? ns };
  }
  return { status: 200, body: server.store.put('/namespaces', ns, 'MODIFIED') };
};
