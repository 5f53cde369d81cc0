// discovery.k8s.io/v1 EndpointSlice: the endpoints kube-proxy reads.

import { CORE, DISCOVERY, bool, int32, kind, list, listKind, oneOf, ref, str, strList, strMap, struct } from './dsl.ts';
import type { Definition } from './types.ts';

const slice = kind(
  DISCOVERY + 'EndpointSlice',
  { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice' },
  { plural: 'endpointslices', namespaced: true },
  {
    addressType: oneOf(['FQDN', 'IPv4', 'IPv6'], { required: true }),
    endpoints: list(DISCOVERY + 'Endpoint', { listType: 'atomic' }, { required: true }),
    ports: list(DISCOVERY + 'EndpointPort', { listType: 'atomic' }),
  },
);

export const endpointSliceDefinitions: Definition[] = [
  slice,
  listKind(slice),
  struct(DISCOVERY + 'Endpoint', {
    addresses: strList({ listType: 'set' }),
    conditions: ref(DISCOVERY + 'EndpointConditions'),
    deprecatedTopology: strMap(),
    hints: ref(DISCOVERY + 'EndpointHints'),
    hostname: str(),
    nodeName: str(),
    targetRef: ref(CORE + 'ObjectReference'),
    zone: str(),
  }),
  struct(DISCOVERY + 'EndpointConditions', { ready: bool(), serving: bool(), terminating: bool() }),
  struct(DISCOVERY + 'EndpointHints', { forZones: list(DISCOVERY + 'ForZone', { listType: 'atomic' }) }),
  struct(DISCOVERY + 'ForZone', { name: str({ required: true }) }),
  struct(DISCOVERY + 'EndpointPort', { appProtocol: str(), name: str(), port: int32(), protocol: oneOf(['SCTP', 'TCP', 'UDP']) }, { mapType: 'atomic' }),
];
