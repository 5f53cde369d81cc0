// Models describe.go's describeIngressV1. Each service backend shows its ready endpoints, from
// the EndpointSlices of that Service restricted to the Service port the backend names.

import { formatEndpointSlices } from './endpoint-slices.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './maps.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer.ts';
import type { DescribeContext, Json } from './types.ts';

export interface BackendService {
  /** The Service, or undefined with `error` when getting it failed (e.g. not found). */
  service?: Json;
  endpointSlices?: Json[];
  /** The API error message, as `services "x" not found`. */
  error?: string;
}

export interface IngressContext extends DescribeContext {
  /** Backend Services of the Ingress (rules and default backend), by Service name. */
  backends?: Record<string, BackendService>;
}

function serviceBackendString(b: Json): string {
  return `${b.name}:${b.port?.number ? b.port.number : (b.port?.name ?? '')}`;
}

function describeBackend(backend: Json, ctx: IngressContext): string {
  if (backend.service) {
    const sb = serviceBackendString(backend.service);
    const found = ctx.backends?.[backend.service.name];
    if (!found || found.error !== undefined || !found.service)
      return `${sb} (<error: ${found?.error ?? `services "${backend.service.name}" not found`}>)`;
    let spName = '';
    const want = backend.service.port ?? {};
    for (const sp of found.service.spec?.ports ?? []) {
      if (want.number && want.number === sp.port) spName = sp.name ?? '';
      else if (want.name && want.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(found.endpointSlices ?? [], new Set([spName]))})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

/** ingressLoadBalancerStatusStringerV1 (wide): a sorted set of IPs or hostnames. */
function loadBalancerString(status: Json): string {
  const set = new Set<string>();
  for (const i of status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

export function describeIngress(ing: Json, ctx: IngressContext): string {
  return tabbedString((w) => {
    const meta = ing.metadata ?? {};
    const spec = ing.spec ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Address:\t${loadBalancerString(ing.status)}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
    const def = spec.defaultBackend ? describeBackend(spec.defaultBackend, ctx) : '<default>';
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    if (spec.tls?.length) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of spec.tls) {
        const hosts = (t.hosts ?? []).join(',');
        w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of spec.rules ?? []) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
      for (const p of rule.http.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ''} \t${describeBackend(p.backend ?? {}, ctx)}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
