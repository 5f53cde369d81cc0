// kubectl create service clusterip|nodeport|loadbalancer|externalname
// (pkg/cmd/create/create_service.go).

import { defineCommand, type Command } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import type { FlagDef } from '../../flags/index.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { isDns1123Subdomain, isValidPortName } from './validation.ts';
import { CORE } from '../../resource/rest.ts';
import { CREATE_SUBCOMMAND_FLAGS, nameFromArgs } from './flags.ts';
import { requireFlags } from '../../flags/write.ts';
import { finishCreate, prepare } from './run-create.ts';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

interface Options {
  name: string;
  tcp: string[];
  clusterIP: string;
  nodePort: number;
  externalName: string;
  prepared: ReturnType<typeof prepare>;
}

function serviceCommand(name: string, type: ServiceType, extra: FlagDef[], required: string[] = []): Command {
  return defineCommand<Options>({
    name,
    flags: [...CREATE_SUBCOMMAND_FLAGS, { name: 'tcp', type: 'stringSlice' }, ...extra],
    complete(inv) {
      requireFlags(inv, required);
      const f = inv.flags;
      return {
        name: nameFromArgs(inv),
        tcp: f.strings('tcp'),
        clusterIP: f.has('clusterip') ? f.string('clusterip') : '',
        nodePort: f.has('node-port') ? f.int('node-port') : 0,
        externalName: f.has('external-name') ? f.string('external-name') : '',
        prepared: prepare(inv),
      };
    },
    validate(o) {
      if (o.clusterIP === 'None' && type !== 'ClusterIP') throw new CmdError('ClusterIP=None can only be used with ClusterIP service type');
      if (o.clusterIP !== 'None' && o.tcp.length === 0 && type !== 'ExternalName') throw new CmdError('at least one tcp port specifier must be provided');
      if (type === 'ExternalName' && !isDns1123Subdomain(o.externalName)) throw new CmdError(`invalid service external name ${o.externalName}`);
    },
    run(o, inv) {
      const ports = o.tcp.map((spec) => {
        const [port, targetPort] = parsePorts(spec);
        const p: Record<string, unknown> = { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort };
        if (o.nodePort !== 0) p.nodePort = o.nodePort;
        return p;
      });
      const metadata: KObject['metadata'] = { name: o.name, labels: { app: o.name } };
      if (inv.explicitNamespace) metadata.namespace = inv.namespace;
      const spec: Record<string, unknown> = { ports, selector: { app: o.name }, type };
      if (o.clusterIP) spec.clusterIP = o.clusterIP;
      if (o.externalName) spec.externalName = o.externalName;
      if (ports.length === 0) delete spec.ports; // omitempty
      const svc: KObject = { kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } };
      finishCreate(inv, o.prepared, { ref: CORE('services'), obj: svc, wrapError: (m) => `failed to create ${type} service: ${m}` });
    },
  });
}

/** parsePorts: `port[:targetPort]`, the target a number or an IANA port name. */
function parsePorts(spec: string): [number, number | string] {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (parts.length === 1) return [port, port];
  const t = parts[1];
  if (/^[+-]?\d+$/.test(t)) {
    const n = Number(t);
    if (n < 1 || n > 65535) throw new CmdError('must be between 1 and 65535, inclusive');
    return [port, n];
  }
  const errs = isValidPortName(t);
  if (errs.length > 0) throw new CmdError(errs.join(','));
  return [port, t];
}

/** utilsnet.ParsePort(s, allowZero=true): strconv.ParseUint(s, 10, 16). */
function parsePort(s: string): number {
  if (!/^\d+$/.test(s)) throw new CmdError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new CmdError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

export const createService: Command = {
  name: 'service',
  aliases: ['svc'],
  subcommands: [
    serviceCommand('clusterip', 'ClusterIP', [{ name: 'clusterip', type: 'string' }]),
    serviceCommand('externalname', 'ExternalName', [{ name: 'external-name', type: 'string' }], ['external-name']),
    serviceCommand('loadbalancer', 'LoadBalancer', []),
    serviceCommand('nodeport', 'NodePort', [{ name: 'node-port', type: 'int' }]),
  ],
};
