// Services (core/v1): defaults from pkg/apis/core/v1/defaults.go (SetDefaults_Service), the
// update fix-ups of pkg/registry/core/service/strategy.go and storage (patchAllocatedValues,
// normalizeClusterIPs, dropTypeDependentFields), ValidateService / ValidateServiceUpdate, and
// the printer of pkg/printers/internalversion. Addresses come from network/ipam.

import { allocateCreate, allocateUpdate, needsClusterIP, needsNodePort } from '../../network/ipam/service-alloc.ts';
import { isValidIP } from '../validation/ip.ts';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, nameIsDNS1035Label } from '../validation/names.ts';
import { validateLabels } from '../validation/objectmeta.ts';
import type { KObject } from '../types.ts';
import { age, ageCol, col, formatLabels, jsonEqual, keepOldStatus, nameCol } from './common.ts';
import { duplicate, type ErrorList, FieldPath, forbidden, invalid, notSupported, required, toFieldErrs } from './field.ts';
import { SUPPORTED_PORT_PROTOCOLS } from './podspec.ts';
import type { ResourceStrategy } from './strategy.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const KUBELET_PORT = 10250;

const externallyAccessible = (s: KObject) =>
  s.spec?.type === 'LoadBalancer' || s.spec?.type === 'NodePort' || (s.spec?.type === 'ClusterIP' && (s.spec?.externalIPs?.length ?? 0) > 0);

/** SetDefaults_Service, with the ClusterIP → ClusterIPs fill of normalizeClusterIPs on create. */
function defaults(svc: KObject): void {
  const spec: Obj = (svc.spec ??= {});
  spec.type ||= 'ClusterIP';
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'ClientIP' && !spec.sessionAffinityConfig?.clientIP?.timeoutSeconds)
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  for (const p of spec.ports ?? []) {
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.type !== 'ExternalName' && !spec.internalTrafficPolicy) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
}

const sameClusterIPs = (a: KObject, b: KObject) => jsonEqual(a.spec?.clusterIPs ?? [], b.spec?.clusterIPs ?? []);
const sameNodePorts = (a: KObject, b: KObject) =>
  jsonEqual((a.spec?.ports ?? []).map((p: Obj) => p.nodePort ?? 0), (b.spec?.ports ?? []).map((p: Obj) => p.nodePort ?? 0));

/** patchAllocatedValues: a client that left out what the server allocated keeps it. */
function patchAllocatedValues(svc: KObject, old: KObject): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!spec.clusterIP && old.spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
    if (!spec.clusterIPs?.length && old.spec.clusterIPs?.length) spec.clusterIPs = [...old.spec.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const used = (s: KObject) => new Set<number>((s.spec.ports ?? []).map((p: Obj) => p.nodePort).filter(Boolean));
    const oldUsed = used(old);
    const both = new Set([...used(svc)].filter((n) => oldUsed.has(n)));
    const byName = new Map<string, number>();
    for (const p of old.spec.ports ?? []) byName.set(p.name ?? '', p.nodePort ?? 0);
    for (const p of spec.ports ?? []) {
      if (!p.nodePort) {
        const was = byName.get(p.name ?? '') ?? 0;
        if (was && !both.has(was)) p.nodePort = was;
      }
    }
  }
}

/** normalizeClusterIPs for updates: keep clusterIP and clusterIPs in step. */
function normalizeClusterIPs(svc: KObject, old: KObject): void {
  const spec = svc.spec;
  if (old.spec.clusterIPs?.length && !spec.clusterIPs?.length && old.spec.clusterIP === spec.clusterIP) spec.clusterIPs = old.spec.clusterIPs;
  if ((old.spec.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    if (old.spec.clusterIP && !spec.clusterIP) {
      if (sameClusterIPs(old, svc)) delete spec.clusterIPs;
    } else if (sameClusterIPs(old, svc)) spec.clusterIPs = [spec.clusterIP];
  }
}

/** dropTypeDependentFields: wipe what the old type needed and the client did not touch. */
function dropTypeDependentFields(svc: KObject, old: KObject): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && !needsClusterIP(svc)) {
    if (sameClusterIPs(old, svc)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (jsonEqual(old.spec.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (old.spec.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(svc) && sameNodePorts(old, svc)) for (const p of spec.ports ?? []) delete p.nodePort;
  if (old.spec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer' && old.spec.allocateLoadBalancerNodePorts === spec.allocateLoadBalancerNodePorts)
    delete spec.allocateLoadBalancerNodePorts;
  if (externallyAccessible(old) && !externallyAccessible(svc) && old.spec.externalTrafficPolicy === spec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (old.spec.type !== 'ExternalName' && spec.type === 'ExternalName' && old.spec.internalTrafficPolicy === spec.internalTrafficPolicy)
    delete spec.internalTrafficPolicy;
  if (spec.type !== 'LoadBalancer') svc.status = { ...(svc.status ?? {}), loadBalancer: {} };
}

function validatePortNumOrName(v: unknown, path: FieldPath): ErrorList {
  if (typeof v === 'number') return isValidPortNum(v).map((m) => invalid(path, v, m));
  if (typeof v === 'string') return isValidPortName(v).map((m) => invalid(path, v, m));
  return [];
}

function validateServicePort(sp: Obj, requireName: boolean, names: Set<string>, path: FieldPath): ErrorList {
  const errs: ErrorList = [];
  if (requireName && !sp.name) errs.push(required(path.child('name'), ''));
  else if (sp.name) {
    errs.push(...isDNS1123Label(sp.name).map((m) => invalid(path.child('name'), sp.name, m)));
    if (names.has(sp.name)) errs.push(duplicate(path.child('name'), sp.name));
    else names.add(sp.name);
  }
  errs.push(...isValidPortNum(sp.port ?? 0).map((m) => invalid(path.child('port'), sp.port ?? 0, m)));
  if (!sp.protocol) errs.push(required(path.child('protocol'), ''));
  else if (!SUPPORTED_PORT_PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(path.child('protocol'), sp.protocol, SUPPORTED_PORT_PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, path.child('targetPort')));
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields, for a single-stack IPv4 cluster. */
function validateClusterIPs(svc: KObject): ErrorList {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return [];
  const errs: ErrorList = [];
  const ipsPath = FieldPath.of('spec', 'clusterIPs');
  const ips: string[] = spec.clusterIPs ?? [];
  if (spec.clusterIP) {
    if (!ips.length) errs.push(required(ipsPath, ''));
    else if (ips[0] !== spec.clusterIP) errs.push(invalid(ipsPath, ips, 'first value must match `clusterIP`'));
  } else if (ips.length) errs.push(invalid(ipsPath, ips, 'must be empty when `clusterIP` is not specified'));
  (spec.ipFamilies ?? []).forEach((f: string, i: number) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(FieldPath.of('spec', 'ipFamilies').index(i), f, ['IPv4', 'IPv6']));
  });
  const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
  if (spec.ipFamilyPolicy !== undefined && !policies.includes(spec.ipFamilyPolicy))
    errs.push(notSupported(FieldPath.of('spec', 'ipFamilyPolicy'), spec.ipFamilyPolicy, policies));
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(invalid(ipsPath, ips, "'None' must be the first and only value"));
      return;
    }
    errs.push(...isValidIP(ipsPath.index(i), ip));
  });
  return errs;
}

/** ValidateService (metadata is the server's job). */
export function validateService(svc: KObject): ErrorList {
  const spec: Obj = svc.spec ?? {};
  const specPath = FieldPath.of('spec');
  const headless = spec.clusterIP === 'None';
  const errs: ErrorList = [];
  const ports: Obj[] = spec.ports ?? [];
  if (!ports.length && !headless && spec.type !== 'ExternalName') errs.push(required(specPath.child('ports'), ''));
  switch (spec.type) {
    case 'LoadBalancer':
      if (headless) errs.push(invalid(specPath.child('clusterIPs').index(0), spec.clusterIPs?.[0] ?? 'None', "may not be set to 'None' for LoadBalancer services"));
      ports.forEach((p, i) => {
        if (p.port === KUBELET_PORT) errs.push(invalid(specPath.child('ports').index(i), p.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`));
      });
      break;
    case 'NodePort':
      if (headless) errs.push(invalid(specPath.child('clusterIPs').index(0), spec.clusterIPs?.[0] ?? 'None', "may not be set to 'None' for NodePort services"));
      break;
    case 'ExternalName': {
      if (spec.clusterIPs?.length) errs.push(forbidden(specPath.child('clusterIPs'), 'may not be set for ExternalName services'));
      if (spec.ipFamilies?.length) errs.push(forbidden(specPath.child('ipFamilies'), 'may not be set for ExternalName services'));
      if (spec.ipFamilyPolicy !== undefined) errs.push(forbidden(specPath.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
      // A trailing dot marks the name fully qualified.
      const cname = String(spec.externalName ?? '').replace(/\.$/, '');
      if (cname) errs.push(...isDNS1123Subdomain(cname).map((m) => invalid(specPath.child('externalName'), cname, m)));
      else errs.push(required(specPath.child('externalName'), ''));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, specPath.child('ports').index(i))));
  if (spec.selector) errs.push(...validateLabels(spec.selector, specPath.child('selector')));
  if (!spec.sessionAffinity) errs.push(required(specPath.child('sessionAffinity'), ''));
  else if (!AFFINITIES.includes(spec.sessionAffinity)) errs.push(notSupported(specPath.child('sessionAffinity'), spec.sessionAffinity, AFFINITIES));
  if (spec.sessionAffinity === 'ClientIP') {
    const t = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    const p = specPath.child('sessionAffinityConfig', 'clientIP', 'timeoutSeconds');
    if (t === undefined) errs.push(required(p, ''));
    else if (t <= 0 || t > 86400) errs.push(invalid(p, t, 'must be greater than 0 and less than 86400'));
  } else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig)
    errs.push(forbidden(specPath.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));
  errs.push(...validateClusterIPs(svc));
  (spec.externalIPs ?? []).forEach((ip: string, i: number) => errs.push(...isValidIP(specPath.child('externalIPs').index(i), ip)));
  if (!spec.type) errs.push(required(specPath.child('type'), ''));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(notSupported(specPath.child('type'), spec.type, SERVICE_TYPES));
  if (spec.type === 'ClusterIP')
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(specPath.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(specPath.child('ports').index(i).child('nodePort'), p.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    // Go prints the internal core.ServicePort key as JSON with its Go field names.
    if (seen.has(key))
      errs.push(duplicate(specPath.child('ports').index(i), { Name: '', Protocol: p.protocol ?? '', AppProtocol: null, Port: p.port ?? 0, TargetPort: 0, NodePort: 0 }));
    seen.add(key);
  });
  // validateServiceExternalTrafficPolicy / validateServiceInternalTrafficFieldsValue
  if (externallyAccessible(svc)) {
    if (!spec.externalTrafficPolicy) errs.push(required(specPath.child('externalTrafficPolicy'), ''));
    else if (!TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy))
      errs.push(notSupported(specPath.child('externalTrafficPolicy'), spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  } else if (spec.externalTrafficPolicy)
    errs.push(invalid(specPath.child('externalTrafficPolicy'), spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  if (spec.type !== 'ExternalName') {
    if (!spec.internalTrafficPolicy) errs.push(required(specPath.child('internalTrafficPolicy'), ''));
    else if (!TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy))
      errs.push(notSupported(specPath.child('internalTrafficPolicy'), spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  return errs;
}

/** validateUpgradeDowngradeClusterIPs for single-stack: the primary ClusterIP is for life. */
function validateClusterIPUpdate(svc: KObject, old: KObject): ErrorList {
  if (svc.spec?.type === 'ExternalName' || old.spec?.type === 'ExternalName') return [];
  const a: string[] = old.spec?.clusterIPs ?? [];
  const b: string[] = svc.spec?.clusterIPs ?? [];
  if (old.spec?.clusterIP === 'None' && svc.spec?.clusterIP === 'None') return [];
  const errs: ErrorList = [];
  if (a.length === b.length) {
    a.forEach((ip, i) => {
      if (ip !== b[i]) errs.push(invalid(FieldPath.of('spec', 'clusterIPs').index(i), b, 'may not change once set'));
    });
  } else if (a.length > b.length && b.length === 0) {
    errs.push(invalid(FieldPath.of('spec', 'clusterIPs').index(0), b, 'primary clusterIP can not be unset'));
  }
  return errs;
}

function externalIP(svc: KObject): string {
  const spec = svc.spec ?? {};
  const ext: string[] = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = [...new Set<string>((svc.status?.loadBalancer?.ingress ?? []).map((i: Obj) => i.ip || i.hostname).filter(Boolean))];
      if (ext.length) return [...lb, ...ext].join(',');
      return lb.length ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

function portString(ports: Obj[] | undefined): string {
  const s = (ports ?? []).map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
  return s || '<none>';
}

export const services: ResourceStrategy = {
  group: '',
  version: 'v1',
  resource: 'services',
  singular: 'service',
  kind: 'Service',
  validateName: nameIsDNS1035Label,
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  subresources: ['proxy', 'status'],
  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
  },
  prepareForUpdate(obj, old) {
    obj.spec ??= {};
    keepOldStatus(obj, old);
    patchAllocatedValues(obj, old);
    normalizeClusterIPs(obj, old);
    dropTypeDependentFields(obj, old);
  },
  defaults: (obj) => defaults(obj),
  validate: (obj) => toFieldErrs(validateService(obj)),
  validateUpdate: (obj, old) => toFieldErrs([...validateClusterIPUpdate(obj, old), ...validateService(obj)]),
  beforeCreate(obj, ctx) {
    allocateCreate(ctx, obj);
  },
  beforeUpdate(obj, old, ctx) {
    allocateUpdate(ctx, obj, old);
  },
  // Allocations live in the stored Services themselves (see network/ipam): nothing to release.
  release() {},
  table: {
    columns: [
      nameCol(),
      col('Type', 'type determines how the Service is exposed.'),
      col('Cluster-IP', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
      col('External-IP', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
      col('Port(s)', 'The list of ports that are exposed by this service.'),
      ageCol(),
      col('Selector', 'Route service traffic to pods with label keys and values matching this selector.', { wide: true }),
    ],
    row: (o, ctx) => [
      o.metadata.name,
      o.spec?.type ?? '',
      o.spec?.clusterIPs?.[0] ?? '<none>',
      externalIP(o),
      portString(o.spec?.ports),
      age(o, ctx),
      formatLabels(o.spec?.selector),
    ],
  },
};

