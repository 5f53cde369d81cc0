// networking.k8s.io/v1 Ingress and IngressClass.

import { CORE, NETWORKING, int32, kind, list, listKind, oneOf, ref, str, strList, struct } from './dsl.ts';
import type { Definition } from './types.ts';

const ingress = kind(
  NETWORKING + 'Ingress',
  { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress' },
  { plural: 'ingresses', namespaced: true },
  { spec: ref(NETWORKING + 'IngressSpec'), status: ref(NETWORKING + 'IngressStatus') },
);

const ingressClass = kind(
  NETWORKING + 'IngressClass',
  { group: 'networking.k8s.io', version: 'v1', kind: 'IngressClass' },
  { plural: 'ingressclasses', namespaced: false },
  { spec: ref(NETWORKING + 'IngressClassSpec') },
);

export const ingressDefinitions: Definition[] = [
  ingress,
  listKind(ingress),
  struct(NETWORKING + 'IngressSpec', {
    defaultBackend: ref(NETWORKING + 'IngressBackend'),
    ingressClassName: str(),
    rules: list(NETWORKING + 'IngressRule', { listType: 'atomic' }),
    tls: list(NETWORKING + 'IngressTLS', { listType: 'atomic' }),
  }),
  struct(NETWORKING + 'IngressBackend', {
    resource: ref(CORE + 'TypedLocalObjectReference'),
    service: ref(NETWORKING + 'IngressServiceBackend'),
  }),
  struct(NETWORKING + 'IngressServiceBackend', { name: str({ required: true }), port: ref(NETWORKING + 'ServiceBackendPort') }),
  struct(NETWORKING + 'ServiceBackendPort', { name: str(), number: int32() }, { mapType: 'atomic' }),
  struct(CORE + 'TypedLocalObjectReference', { apiGroup: str(), kind: str({ required: true }), name: str({ required: true }) }, { mapType: 'atomic' }),
  struct(NETWORKING + 'IngressRule', { host: str(), http: ref(NETWORKING + 'HTTPIngressRuleValue') }),
  struct(NETWORKING + 'HTTPIngressRuleValue', { paths: list(NETWORKING + 'HTTPIngressPath', { listType: 'atomic' }, { required: true }) }),
  struct(NETWORKING + 'HTTPIngressPath', {
    backend: ref(NETWORKING + 'IngressBackend', { required: true }),
    path: str(),
    pathType: oneOf(['Exact', 'ImplementationSpecific', 'Prefix'], { required: true }),
  }),
  struct(NETWORKING + 'IngressTLS', { hosts: strList(), secretName: str() }),
  struct(NETWORKING + 'IngressStatus', { loadBalancer: ref(NETWORKING + 'IngressLoadBalancerStatus') }),
  struct(NETWORKING + 'IngressLoadBalancerStatus', { ingress: list(NETWORKING + 'IngressLoadBalancerIngress', { listType: 'atomic' }) }),
  struct(NETWORKING + 'IngressLoadBalancerIngress', {
    hostname: str(),
    ip: str(),
    ports: list(NETWORKING + 'IngressPortStatus', { listType: 'atomic' }),
  }),
  struct(NETWORKING + 'IngressPortStatus', { error: str(), port: int32({ required: true }), protocol: oneOf(['SCTP', 'TCP', 'UDP'], { required: true }) }),
  ingressClass,
  listKind(ingressClass),
  struct(NETWORKING + 'IngressClassSpec', { controller: str(), parameters: ref(NETWORKING + 'IngressClassParametersReference') }),
  struct(NETWORKING + 'IngressClassParametersReference', { apiGroup: str(), kind: str({ required: true }), name: str({ required: true }), namespace: str(), scope: str() }),
];
