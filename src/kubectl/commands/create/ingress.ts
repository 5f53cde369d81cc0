// kubectl create ingress (pkg/cmd/create/create_ingress.go): --rule host/path=svc:port[,tls[=secret]],
// a trailing `*` on the path makes it a Prefix path, otherwise Exact.

import { defineCommand, type Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { NETWORKING } from '../../resource/rest.ts';
import { CREATE_SUBCOMMAND_FLAGS, nameFromArgs } from './flags.ts';
import { finishCreate, prepare } from './run-create.ts';

// Go's \w is ASCII [0-9A-Za-z_]; the regex is unanchored at the end, as kubectl's is.
const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

interface Options {
  name: string;
  rules: string[];
  annotations: string[];
  defaultBackend: string;
  prepared: ReturnType<typeof prepare>;
}

export const createIngress = defineCommand<Options>({
  name: 'ingress',
  aliases: ['ing'],
  flags: [
    ...CREATE_SUBCOMMAND_FLAGS,
    { name: 'annotation', type: 'stringArray' },
    { name: 'class', type: 'string' },
    { name: 'default-backend', type: 'string' },
    { name: 'rule', type: 'stringArray' },
  ],
  complete: (inv) => ({
    name: nameFromArgs(inv),
    rules: inv.flags.strings('rule'),
    annotations: inv.flags.strings('annotation'),
    defaultBackend: inv.flags.string('default-backend'),
    prepared: prepare(inv),
  }),
  validate(o) {
    if (o.defaultBackend === '' && o.rules.length === 0)
      throw new CmdError(
        'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
      );
    for (const r of o.rules)
      if (!RULE.test(r)) throw new CmdError(`rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    for (const a of o.annotations) if (!a.includes('=')) throw new CmdError(`annotation ${a} is invalid and should be in format key=[value]`);
    if (o.defaultBackend !== '' && o.defaultBackend.split(':').length !== 2)
      throw new CmdError('default-backend should be in format servicename:serviceport');
  },
  run(o, inv) {
    finishCreate(inv, o.prepared, { ref: NETWORKING('ingresses'), obj: ingressObject(o, inv), wrapError: (m) => `failed to create ingress: ${m}` });
  },
});

function ingressObject(o: Options, inv: Invocation): KObject {
  const metadata: KObject['metadata'] = { name: o.name };
  if (inv.explicitNamespace) metadata.namespace = inv.namespace;
  if (o.annotations.length > 0) {
    metadata.annotations = {};
    for (const a of o.annotations) {
      const i = a.indexOf('=');
      metadata.annotations[a.slice(0, i)] = a.slice(i + 1);
    }
  }
  const spec: Record<string, unknown> = {};
  const cls = inv.flags.string('class');
  if (cls) spec.ingressClassName = cls;
  if (o.defaultBackend) spec.defaultBackend = backend(o.defaultBackend);
  const tls = tlsRules(o.rules);
  if (tls.length > 0) spec.tls = tls;
  const rules = ingressRules(o.rules);
  if (rules.length > 0) spec.rules = rules;
  return { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata, spec, status: { loadBalancer: {} } };
}

function tlsRules(rules: string[]): Array<{ hosts?: string[]; secretName?: string }> {
  const seen = new Set<string>();
  const out: Array<{ hosts?: string[]; secretName?: string }> = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretParts = parts[1].split('=');
    const secret = secretParts.length > 1 ? secretParts[1] : '';
    const idx = out.findIndex((t) => (t.secretName ?? '') === secret);
    if (seen.has(host)) continue;
    seen.add(host);
    if (idx > -1) {
      (out[idx].hosts ??= []).push(host);
      continue;
    }
    const t: { hosts?: string[]; secretName?: string } = {};
    if (host !== '') t.hosts = [host];
    if (secret !== '') t.secretName = secret;
    if (t.hosts || t.secretName) out.push(t);
  }
  return out;
}

function ingressRules(rules: string[]): Array<{ host?: string; http: { paths: unknown[] } }> {
  const out: Array<{ host?: string; http: { paths: unknown[] } }> = [];
  for (const rule of rules) {
    const noTls = rule.split(',')[0];
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const path = httpPath(noTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) {
      existing.http.paths.push(path);
      continue;
    }
    out.push(host ? { host, http: { paths: [path] } } : { http: { paths: [path] } });
  }
  return out;
}

function httpPath(pathSvc: string) {
  const parts = pathSvc.split('=');
  let path = '/' + parts[0];
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(parts[1]) };
}

function backend(svc: string) {
  const [name, port] = svc.split(':');
  // intstr.Parse: a number if strconv.Atoi accepts it, else a name.
  const num = /^[+-]?\d+$/.test(port) ? Number(port) : undefined;
  return { service: { name, port: num !== undefined ? (num !== 0 ? { number: num } : {}) : { name: port } } };
}
