// Go's encoding/json writes a typed object's fields in struct order, not sorted. kubectl's create
// subcommands, run and expose build typed objects (corev1.Pod, appsv1.Deployment …), so their
// `-o json` and the --save-config annotation follow the field order of k8s.io/api's types.
// This table holds that order for the kinds those commands make; fields it does not know come
// after the known ones, sorted, and maps (labels, data …) are sorted as Go sorts map keys.

type Field = [name: string, type?: string];

const T: Record<string, Field[]> = {
  ObjectMeta: [['name'], ['generateName'], ['namespace'], ['selfLink'], ['uid'], ['resourceVersion'], ['generation'],
    ['creationTimestamp'], ['deletionTimestamp'], ['deletionGracePeriodSeconds'], ['labels'], ['annotations'],
    ['ownerReferences', 'OwnerReference'], ['finalizers'], ['managedFields', 'ManagedFields']],
  OwnerReference: [['apiVersion'], ['kind'], ['name'], ['uid'], ['controller'], ['blockOwnerDeletion']],
  ManagedFields: [['manager'], ['operation'], ['apiVersion'], ['time'], ['fieldsType'], ['fieldsV1'], ['subresource']],

  Pod: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'PodSpec'], ['status', 'PodStatus']],
  PodTemplateSpec: [['metadata', 'ObjectMeta'], ['spec', 'PodSpec']],
  PodSpec: [['volumes'], ['initContainers', 'Container'], ['containers', 'Container'], ['ephemeralContainers', 'Container'],
    ['restartPolicy'], ['terminationGracePeriodSeconds'], ['activeDeadlineSeconds'], ['dnsPolicy'], ['nodeSelector'],
    ['serviceAccountName'], ['serviceAccount'], ['automountServiceAccountToken'], ['nodeName'], ['hostNetwork'],
    ['hostPID'], ['hostIPC'], ['shareProcessNamespace'], ['securityContext'], ['imagePullSecrets'], ['hostname'],
    ['subdomain'], ['affinity'], ['schedulerName'], ['tolerations', 'Toleration'], ['hostAliases'], ['priorityClassName'],
    ['priority'], ['dnsConfig'], ['readinessGates'], ['runtimeClassName'], ['enableServiceLinks'], ['preemptionPolicy'],
    ['overhead'], ['topologySpreadConstraints'], ['setHostnameAsFQDN'], ['os'], ['hostUsers'], ['schedulingGates'],
    ['resourceClaims'], ['resources']],
  Toleration: [['key'], ['operator'], ['value'], ['effect'], ['tolerationSeconds']],
  Container: [['name'], ['image'], ['command'], ['args'], ['workingDir'], ['ports', 'ContainerPort'], ['envFrom'],
    ['env', 'EnvVar'], ['resources', 'Resources'], ['resizePolicy'], ['restartPolicy'], ['restartPolicyRules'], ['volumeMounts', 'VolumeMount'],
    ['volumeDevices'], ['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle'], ['terminationMessagePath'],
    ['terminationMessagePolicy'], ['imagePullPolicy'], ['securityContext', 'SecurityContext'], ['stdin'], ['stdinOnce'], ['tty']],
  Resources: [['limits'], ['requests'], ['claims']],
  SecurityContext: [['capabilities'], ['privileged'], ['seLinuxOptions'], ['windowsOptions'], ['runAsUser'], ['runAsGroup'],
    ['runAsNonRoot'], ['readOnlyRootFilesystem'], ['allowPrivilegeEscalation'], ['procMount'], ['seccompProfile'], ['appArmorProfile']],
  VolumeMount: [['name'], ['readOnly'], ['recursiveReadOnly'], ['mountPath'], ['subPath'], ['mountPropagation'], ['subPathExpr']],
  ContainerPort: [['name'], ['hostPort'], ['containerPort'], ['protocol'], ['hostIP']],
  EnvVar: [['name'], ['value'], ['valueFrom']],
  PodStatus: [['observedGeneration'], ['phase'], ['conditions'], ['message'], ['reason'], ['nominatedNodeName'], ['hostIP'], ['hostIPs'],
    ['podIP'], ['podIPs'], ['startTime'], ['initContainerStatuses'], ['containerStatuses'], ['qosClass'],
    ['ephemeralContainerStatuses'], ['resize'], ['resourceClaimStatuses']],

  Service: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'ServiceSpec'], ['status', 'ServiceStatus']],
  ServiceSpec: [['ports', 'ServicePort'], ['selector'], ['clusterIP'], ['clusterIPs'], ['type'], ['externalIPs'],
    ['sessionAffinity'], ['loadBalancerIP'], ['loadBalancerSourceRanges'], ['externalName'], ['externalTrafficPolicy'],
    ['healthCheckNodePort'], ['publishNotReadyAddresses'], ['sessionAffinityConfig'], ['ipFamilies'], ['ipFamilyPolicy'],
    ['allocateLoadBalancerNodePorts'], ['loadBalancerClass'], ['internalTrafficPolicy'], ['trafficDistribution']],
  ServicePort: [['name'], ['protocol'], ['appProtocol'], ['port'], ['targetPort'], ['nodePort']],
  ServiceStatus: [['loadBalancer'], ['conditions']],

  Deployment: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'DeploymentSpec'], ['status', 'DeploymentStatus']],
  DeploymentSpec: [['replicas'], ['selector', 'LabelSelector'], ['template', 'PodTemplateSpec'], ['strategy', 'DeploymentStrategy'],
    ['minReadySeconds'], ['revisionHistoryLimit'], ['paused'], ['progressDeadlineSeconds']],
  DeploymentStrategy: [['type'], ['rollingUpdate', 'RollingUpdate']],
  RollingUpdate: [['maxUnavailable'], ['maxSurge']],
  DeploymentStatus: [['observedGeneration'], ['replicas'], ['updatedReplicas'], ['readyReplicas'], ['availableReplicas'],
    ['unavailableReplicas'], ['terminatingReplicas'], ['conditions'], ['collisionCount']],
  LabelSelector: [['matchLabels'], ['matchExpressions']],

  Namespace: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec'], ['status', 'NamespaceStatus']],
  NamespaceStatus: [['phase'], ['conditions']],
  ConfigMap: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['immutable'], ['data'], ['binaryData']],
  Secret: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['immutable'], ['data'], ['stringData'], ['type']],
  ServiceAccount: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['secrets'], ['imagePullSecrets'], ['automountServiceAccountToken']],

  Ingress: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'IngressSpec'], ['status']],
  IngressSpec: [['ingressClassName'], ['defaultBackend', 'IngressBackend'], ['tls', 'IngressTLS'], ['rules', 'IngressRule']],
  IngressTLS: [['hosts'], ['secretName']],
  IngressRule: [['host'], ['http', 'HTTPIngressRuleValue']],
  HTTPIngressRuleValue: [['paths', 'HTTPIngressPath']],
  HTTPIngressPath: [['path'], ['pathType'], ['backend', 'IngressBackend']],
  IngressBackend: [['service', 'IngressServiceBackend'], ['resource']],
  IngressServiceBackend: [['name'], ['port', 'ServiceBackendPort']],
  ServiceBackendPort: [['name'], ['number']],
};

/** A copy of obj whose own keys follow Go struct order for its kind (insertion order is what JSON.stringify keeps). */
export function inGoOrder(obj: unknown, type?: string): unknown {
  const t = type ?? (isObj(obj) && typeof obj.kind === 'string' && T[obj.kind] ? obj.kind : undefined);
  return order(obj, t);
}

function order(v: unknown, type: string | undefined): unknown {
  if (Array.isArray(v)) return v.map((x) => order(x, type));
  if (!isObj(v)) return v;
  const fields = type ? T[type] : undefined;
  const out: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const [name, child] of fields ?? []) {
    known.add(name);
    if (v[name] !== undefined) out[name] = order(v[name], child);
  }
  for (const k of Object.keys(v).sort()) if (!known.has(k) && v[k] !== undefined) out[k] = order(v[k], undefined);
  return out;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's json.Marshal (compact, HTML-escaped) of a typed object. */
export function goCompactJson(obj: unknown): string {
  return escapeHtml(JSON.stringify(inGoOrder(obj)));
}

/** json.MarshalIndent with four spaces, as kubectl's JSON printer writes typed objects. */
export function goIndentJson(obj: unknown): string {
  return escapeHtml(JSON.stringify(inGoOrder(obj), null, 4));
}

function escapeHtml(s: string): string {
  return s.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
