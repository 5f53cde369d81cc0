// core/v1 Endpoints (deprecated since 1.33 in favour of EndpointSlice, still served and used).

import { CORE, int32, kind, list, listKind, oneOf, ref, str, struct } from './dsl.ts';
import type { Definition } from './types.ts';

const endpoints = kind(CORE + 'Endpoints', { group: '', version: 'v1', kind: 'Endpoints' }, { plural: 'endpoints', namespaced: true }, {
  subsets: list(CORE + 'EndpointSubset', { listType: 'atomic' }),
});

export const endpointsDefinitions: Definition[] = [
  endpoints,
  listKind(endpoints),
  struct(CORE + 'EndpointSubset', {
    addresses: list(CORE + 'EndpointAddress', { listType: 'atomic' }),
    notReadyAddresses: list(CORE + 'EndpointAddress', { listType: 'atomic' }),
    ports: list(CORE + 'EndpointPort', { listType: 'atomic' }),
  }),
  struct(CORE + 'EndpointAddress', { hostname: str(), ip: str({ required: true }), nodeName: str(), targetRef: ref(CORE + 'ObjectReference') }, { mapType: 'atomic' }),
  struct(CORE + 'EndpointPort', { appProtocol: str(), name: str(), port: int32({ required: true }), protocol: oneOf(['SCTP', 'TCP', 'UDP']) }, { mapType: 'atomic' }),
  struct(
    CORE + 'ObjectReference',
    { apiVersion: str(), fieldPath: str(), kind: str(), name: str(), namespace: str(), resourceVersion: str(), uid: str() },
    { mapType: 'atomic' },
  ),
];
