// PodSpec defaulting (pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec, SetDefaults_Container,
// probes, ports) and the parts of ValidatePodSpec (pkg/apis/core/validation/validation.go) a
// learner can trip over, shared by Pods and the templates of Deployments and ReplicaSets.

import { isDNS1123Label, isValidPortName, isValidPortNum } from '../validation/names.ts';
import { validateAnnotations, validateLabels } from '../validation/objectmeta.ts';
import { duplicate, type ErrorList, FieldPath, invalid, notSupported, required } from './field.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** The tag of an image reference, or undefined (a digest counts as no tag). */
function imageTag(image: string): string | undefined {
  const noDigest = image.split('@')[0]!;
  const last = noDigest.slice(noDigest.lastIndexOf('/') + 1);
  const i = last.lastIndexOf(':');
  return i < 0 ? undefined : last.slice(i + 1);
}

/** SetDefaults_Container's pull policy: Always for `:latest` or an untagged name, else IfNotPresent. */
export function defaultPullPolicy(image: string): string {
  // An unparseable (or empty) image gives no tag: IfNotPresent, as upstream ignores the error.
  if (!image || image.includes('@')) return 'IfNotPresent';
  const tag = imageTag(image);
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Obj | undefined): void {
  if (!p) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) p.httpGet.scheme ??= 'HTTP';
}

function defaultContainer(c: Obj): void {
  c.imagePullPolicy ||= defaultPullPolicy(c.image ?? '');
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1';
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

/** SetDefaults_PodSpec plus the container defaults; `pod` adds SetDefaults_Pod's part. */
export function defaultPodSpec(spec: Obj | undefined, pod: boolean): void {
  if (!spec) return;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  if (pod) spec.enableServiceLinks ??= true;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

function validateContainerPorts(ports: Obj[] | undefined, path: FieldPath, names: Set<string>): ErrorList {
  const errs: ErrorList = [];
  (ports ?? []).forEach((port, i) => {
    const p = path.index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(p.child('name'), port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(p.child('name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(p.child('containerPort'), ''));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(invalid(p.child('containerPort'), port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(p.child('hostPort'), port.hostPort, m));
    if (!port.protocol) errs.push(required(p.child('protocol'), ''));
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(port.protocol)) errs.push(notSupported(p.child('protocol'), port.protocol, SUPPORTED_PORT_PROTOCOLS));
  });
  return errs;
}

function validateContainers(containers: Obj[] | undefined, path: FieldPath, names: Set<string>, portNames: Set<string>): ErrorList {
  const errs: ErrorList = [];
  (containers ?? []).forEach((c, i) => {
    const p = path.index(i);
    if (!c.name) errs.push(required(p.child('name'), ''));
    else {
      for (const m of isDNS1123Label(c.name)) errs.push(invalid(p.child('name'), c.name, m));
      if (names.has(c.name)) errs.push(duplicate(p.child('name'), c.name));
      else names.add(c.name);
    }
    if (!c.image) errs.push(required(p.child('image'), ''));
    else if (c.image.trim() !== c.image) errs.push(invalid(p.child('image'), c.image, 'must not have leading or trailing whitespace'));
    errs.push(...validateContainerPorts(c.ports, p.child('ports'), portNames));
    const policies = ['Always', 'IfNotPresent', 'Never'];
    if (!c.imagePullPolicy) errs.push(required(p.child('imagePullPolicy'), ''));
    else if (!policies.includes(c.imagePullPolicy)) errs.push(notSupported(p.child('imagePullPolicy'), c.imagePullPolicy, policies));
  });
  return errs;
}

/** ValidatePodSpec, for what the emulator models. `path` is `spec` or `spec.template.spec`. */
export function validatePodSpec(spec: Obj | undefined, path: FieldPath): ErrorList {
  const errs: ErrorList = [];
  const s = spec ?? {};
  const names = new Set<string>();
  const portNames = new Set<string>();
  if (!s.containers?.length) errs.push(required(path.child('containers'), ''));
  errs.push(...validateContainers(s.initContainers, path.child('initContainers'), names, portNames));
  errs.push(...validateContainers(s.containers, path.child('containers'), names, portNames));
  const restart = ['Always', 'Never', 'OnFailure'];
  if (!s.restartPolicy) errs.push(required(path.child('restartPolicy'), ''));
  else if (!restart.includes(s.restartPolicy)) errs.push(notSupported(path.child('restartPolicy'), s.restartPolicy, restart));
  const dns = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
  if (!s.dnsPolicy) errs.push(required(path.child('dnsPolicy'), ''));
  else if (!dns.includes(s.dnsPolicy)) errs.push(notSupported(path.child('dnsPolicy'), s.dnsPolicy, dns));
  if (typeof s.terminationGracePeriodSeconds === 'number' && s.terminationGracePeriodSeconds < 0)
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), s.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  return errs;
}

/** ValidatePodTemplateSpec: the template's labels and annotations, then its spec. */
export function validatePodTemplateSpec(template: Obj | undefined, path: FieldPath): ErrorList {
  const t = template ?? {};
  const meta = path.child('metadata');
  return [
    ...validateLabels(t.metadata?.labels, meta.child('labels')),
    ...validateAnnotations(t.metadata?.annotations, meta.child('annotations')),
    ...validatePodSpec(t.spec, path.child('spec')),
  ];
}
