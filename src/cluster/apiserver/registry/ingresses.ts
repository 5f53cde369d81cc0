// Ingresses (networking.k8s.io/v1): the DefaultIngressClass admission plugin, the strategy
// (status kept, generation on spec change), the parts of ValidateIngress a learner meets, and
// printIngress (CLASS, HOSTS with `+ N more...`, ADDRESS, PORTS `80` or `80, 443`).

import type { KObject } from '../types.ts';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain } from '../validation/names.ts';
import { age, ageCol, col, jsonEqual, keepOldStatus, nameCol } from './common.ts';
import { type ErrorList, FieldPath, invalid, notSupported, required, toFieldErrs } from './field.ts';
import type { ResourceStrategy, StrategyContext } from './strategy.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

/** DefaultIngressClass admission: an Ingress without a class gets the (newest) default one. */
function defaultClass(obj: KObject, ctx: StrategyContext): void {
  if (obj.spec?.ingressClassName || obj.metadata.annotations?.['kubernetes.io/ingress.class']) return;
  const defaults = ctx.store
    .peekAll('networking.k8s.io/ingressclasses')
    .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
    .sort((a, b) => String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)));
  if (defaults[0]) obj.spec = { ...(obj.spec ?? {}), ingressClassName: defaults[0].metadata.name };
}

function validateBackend(b: Obj | undefined, path: FieldPath): ErrorList {
  const errs: ErrorList = [];
  if (!b) return errs;
  const svc = b.service;
  if (svc && b.resource) errs.push(invalid(path, '', 'cannot set both resource and service backends'));
  if (!svc && !b.resource) errs.push(invalid(path, '', 'resource or service backend is required'));
  if (svc) {
    const sp = path.child('service');
    if (!svc.name) errs.push(required(sp.child('name'), ''));
    else errs.push(...isDNS1123Label(svc.name).map((m) => invalid(sp.child('name'), svc.name, m)));
    const port = svc.port ?? {};
    const pp = sp.child('port');
    if (port.name && port.number) errs.push(invalid(pp, port.name, 'cannot set both port name & port number'));
    else if (port.name) errs.push(...isValidPortName(port.name).map((m) => invalid(pp.child('name'), port.name, m)));
    else if (port.number !== undefined) errs.push(...isValidPortNum(port.number).map((m) => invalid(pp.child('number'), port.number, m)));
    else errs.push(required(pp, 'port name or number is required'));
  }
  return errs;
}

function validateIngress(obj: KObject): ErrorList {
  const spec: Obj = obj.spec ?? {};
  const p = FieldPath.of('spec');
  const errs: ErrorList = [];
  if (!(spec.rules ?? []).length && !spec.defaultBackend) errs.push(invalid(p, spec, 'either `defaultBackend` or `rules` must be specified'));
  errs.push(...validateBackend(spec.defaultBackend, p.child('defaultBackend')));
  (spec.rules ?? []).forEach((rule: Obj, i: number) => {
    const rp = p.child('rules').index(i);
    if (rule.host) {
      const msgs = rule.host.includes('*') ? isWildcardDNS1123Subdomain(rule.host) : isDNS1123Subdomain(rule.host);
      errs.push(...msgs.map((m) => invalid(rp.child('host'), rule.host, m)));
    }
    if (!rule.http) return;
    const hp = rp.child('http');
    if (!(rule.http.paths ?? []).length) errs.push(required(hp.child('paths'), ''));
    (rule.http.paths ?? []).forEach((path: Obj, j: number) => {
      const pp = hp.child('paths').index(j);
      if (!path.pathType) errs.push(required(pp.child('pathType'), 'pathType must be specified'));
      else if (!PATH_TYPES.includes(path.pathType)) errs.push(notSupported(pp.child('pathType'), path.pathType, PATH_TYPES));
      else if ((path.pathType === 'Exact' || path.pathType === 'Prefix') && !String(path.path ?? '').startsWith('/'))
        errs.push(invalid(pp.child('path'), path.path ?? '', 'must be an absolute path'));
      errs.push(...validateBackend(path.backend, pp.child('backend')));
    });
  });
  if (spec.ingressClassName) errs.push(...isDNS1123Subdomain(spec.ingressClassName).map((m) => invalid(p.child('ingressClassName'), spec.ingressClassName, m)));
  return errs;
}

/** formatHosts: the first three hosts, `*` when none, `+ N more...` counting rules. */
export function formatHosts(rules: Obj[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const r of rules ?? []) {
    if (list.length === max) more = true;
    if (!more && r.host) list.push(r.host);
  }
  if (!list.length) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${(rules ?? []).length - max} more...` : ret;
}

function address(obj: KObject): string {
  const seen = new Set<string>();
  for (const i of obj.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) seen.add(i.ip);
    else if (i.hostname) seen.add(i.hostname);
  }
  return [...seen].join(',');
}

export const ingresses: ResourceStrategy = {
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'ingresses',
  singular: 'ingress',
  kind: 'Ingress',
  namespaced: true,
  shortNames: ['ing'],
  subresources: ['status'],
  prepareForCreate(obj, ctx) {
    obj.status = { loadBalancer: {} };
    obj.metadata.generation = 1;
    defaultClass(obj, ctx);
  },
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
    obj.metadata.generation = (old.metadata.generation ?? 1) + (jsonEqual(obj.spec, old.spec) ? 0 : 1);
  },
  validate: (obj) => toFieldErrs(validateIngress(obj)),
  table: {
    columns: [
      nameCol(),
      col('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
      col('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
      col('Address', 'Address is a list containing ingress points for the load-balancer'),
      col('Ports', 'Ports of TLS configurations that open'),
      ageCol(),
    ],
    row: (o, ctx) => [o.metadata.name, o.spec?.ingressClassName ?? '<none>', formatHosts(o.spec?.rules), address(o), (o.spec?.tls ?? []).length ? '80, 443' : '80', age(o, ctx)],
  },
};
