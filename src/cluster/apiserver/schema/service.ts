// core/v1 Service. Ports merge by port (listMapKeys port+protocol), as in types.go.

import { CORE, INT_OR_STRING, META, bool, int32, keyedList, kind, list, listKind, oneOf, ref, str, strList, strMap, struct } from './dsl.ts';
import type { Definition } from './types.ts';

const service = kind(CORE + 'Service', { group: '', version: 'v1', kind: 'Service' }, { plural: 'services', namespaced: true }, {
  spec: ref(CORE + 'ServiceSpec'),
  status: ref(CORE + 'ServiceStatus'),
});

export const serviceDefinitions: Definition[] = [
  service,
  listKind(service),
  struct(CORE + 'ServiceSpec', {
    allocateLoadBalancerNodePorts: bool(),
    clusterIP: str(),
    clusterIPs: strList(),
    externalIPs: strList(),
    externalName: str(),
    externalTrafficPolicy: oneOf(['Cluster', 'Local']),
    healthCheckNodePort: int32(),
    internalTrafficPolicy: oneOf(['Cluster', 'Local']),
    ipFamilies: strList(),
    ipFamilyPolicy: oneOf(['PreferDualStack', 'RequireDualStack', 'SingleStack']),
    loadBalancerClass: str(),
    loadBalancerIP: str(),
    loadBalancerSourceRanges: strList(),
    ports: keyedList(CORE + 'ServicePort', 'port', ['port', 'protocol']),
    publishNotReadyAddresses: bool(),
    selector: strMap({ mapType: 'atomic' }),
    sessionAffinity: oneOf(['ClientIP', 'None']),
    sessionAffinityConfig: ref(CORE + 'SessionAffinityConfig'),
    trafficDistribution: str(),
    type: oneOf(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']),
  }),
  struct(CORE + 'ServicePort', {
    appProtocol: str(),
    name: str(),
    nodePort: int32(),
    port: int32({ required: true }),
    protocol: oneOf(['SCTP', 'TCP', 'UDP'], { default: 'TCP' }),
    targetPort: ref(INT_OR_STRING),
  }),
  struct(CORE + 'SessionAffinityConfig', { clientIP: ref(CORE + 'ClientIPConfig') }),
  struct(CORE + 'ClientIPConfig', { timeoutSeconds: int32() }),
  struct(CORE + 'ServiceStatus', {
    conditions: keyedList(META + 'Condition', 'type'),
    loadBalancer: ref(CORE + 'LoadBalancerStatus'),
  }),
  struct(CORE + 'LoadBalancerStatus', { ingress: list(CORE + 'LoadBalancerIngress', { listType: 'atomic' }) }),
  struct(CORE + 'LoadBalancerIngress', {
    hostname: str(),
    ip: str(),
    ipMode: str(),
    ports: list(CORE + 'PortStatus', { listType: 'atomic' }),
  }),
  struct(CORE + 'PortStatus', { error: str(), port: int32({ required: true }), protocol: oneOf(['SCTP', 'TCP', 'UDP'], { required: true }) }),
];
