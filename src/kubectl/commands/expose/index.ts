// kubectl expose (pkg/cmd/expose/expose.go): a Service for a pod, service, deployment or replica
// set, its selector, ports and protocols found by the polymorphic helpers, its labels copied from
// the exposed object's own metadata.

import { defineCommand, type Invocation } from '../../command.ts';
import { AggregateError, CmdError } from '../../errors.ts';
import { parseLabels } from '../../flags/labels.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { canBeExposed, makeLabels, portsForObject, protocolsForObject, selectorForObject } from '../../polymorphic/index.ts';
import { addLastApplied, createObject } from '../../resource/create.ts';
import { CORE } from '../../resource/rest.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, SAVE_CONFIG_FLAG, dryRunStrategy, fieldManagerFlag, type DryRun } from '../../flags/write.ts';
import { objectPrinter, type ObjectPrinter } from '../../printers/object-printer.ts';
import { selectTargets } from '../../resource/targets.ts';
import { applyOverrides, OVERRIDE_FLAGS } from '../run/overrides.ts';

interface Options {
  dryRun: DryRun;
  printer: ObjectPrinter;
}

export const expose = defineCommand<Options>({
  name: 'expose',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    SAVE_CONFIG_FLAG,
    fieldManagerFlag('kubectl-expose'),
    ...FILENAME_FLAGS,
    ...OVERRIDE_FLAGS,
    { name: 'record', type: 'bool' },
    { name: 'protocol', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', shorthand: 'l', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
  ],
  complete(inv) {
    const dryRun = dryRunStrategy(inv);
    return { dryRun, printer: objectPrinter(inv, 'exposed', dryRun) };
  },
  async run(o, inv) {
    const f = inv.flags;
    const { targets, errors } = await selectTargets(inv, inv.args, { filenames: f.strings('filename'), recursive: f.bool('recursive'), fetch: true });
    // Like kubectl, these carry over from one visited object to the next.
    let selector = f.string('selector');
    let port = f.string('port');
    let ports = '';
    let labels = f.string('labels');
    let protocols = '';
    for (const t of targets) {
      try {
        const obj = t.obj!;
        canBeExposed(t.mapping.group, t.mapping.kind);
        const defaultName = t.name.slice(0, 63); // DNS1035LabelMaxLength
        if (selector === '') {
          try {
            selector = selectorForObject(obj);
          } catch (e) {
            throw new CmdError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
          }
        }
        const headless = f.string('cluster-ip') === 'None';
        if (port === '') {
          const found = portsForObject(obj);
          if (found.length === 0) {
            if (!headless) throw new CmdError("couldn't find port via --port flag or introspection");
          } else if (found.length === 1) port = found[0];
          else ports = found.join(',');
        }
        const pm = protocolsForObject(obj);
        const made = [...pm].flatMap(([p, list]) => list.map((proto) => `${p}/${proto}`)).join(',');
        if (made) protocols = made;
        if (labels === '') labels = makeLabels(obj.metadata.labels ?? {});
        let svc = serviceFor(inv, { selector, labels, defaultName, port, ports, protocols });
        svc = applyOverrides(inv, svc);
        if (o.dryRun === 'client') {
          if (inv.explicitNamespace) svc.metadata.namespace = inv.namespace;
          o.printer.print(svc, { typed: true });
          continue;
        }
        addLastApplied(svc, f.bool('save-config'));
        const created = createObject(inv, CORE('services'), inv.namespace, svc, { dryRun: o.dryRun, fieldManager: f.string('field-manager') });
        o.printer.print(created);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors);
  },
});

interface Spec {
  selector: string;
  labels: string;
  defaultName: string;
  port: string;
  ports: string;
  protocols: string;
}

/** createService: the Service object, before --overrides. */
function serviceFor(inv: Invocation, s: Spec): KObject {
  const f = inv.flags;
  if (s.selector === '') throw new CmdError('selector must be specified');
  const selector = parseLabels(s.selector);
  const labels = s.labels !== '' ? parseLabels(s.labels) : undefined;
  const name = f.string('name') || s.defaultName;
  if (!name) throw new CmdError('name must be specified');
  const portProtocol = s.protocols ? parseProtocols(s.protocols) : undefined;
  const portString = s.ports || s.port;
  const ports: Array<Record<string, unknown>> = [];
  if (portString !== '') {
    const list = portString.split(',');
    list.forEach((p, i) => {
      if (!/^[+-]?\d+$/.test(p)) throw new CmdError(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
      const portNum = Number(p);
      const portName = list.length > 1 ? `port-${i + 1}` : '';
      let protocol = f.string('protocol');
      if (protocol === '' && !portProtocol) protocol = 'TCP';
      else if (protocol === '' && portProtocol) {
        protocol = 'TCP';
        const found = portProtocol.get(p);
        if (found && found.length === 1) protocol = found[0];
        else if (found) {
          for (const proto of found) ports.push(withoutEmpty({ name: `port-${i + 1}-${proto.toLowerCase()}`, protocol: proto, port: portNum }));
          return;
        }
      }
      ports.push(withoutEmpty({ name: portName, protocol, port: portNum }));
    });
  }
  const target = f.string('target-port');
  for (const p of ports) p.targetPort = target !== '' ? intstrParse(target) : p.port;
  const spec: Record<string, unknown> = { selector };
  if (ports.length > 0) spec.ports = ports;
  if (f.string('external-ip')) spec.externalIPs = [f.string('external-ip')];
  if (f.string('type')) spec.type = f.string('type');
  if (spec.type === 'LoadBalancer' && f.string('load-balancer-ip')) spec.loadBalancerIP = f.string('load-balancer-ip');
  const affinity = f.string('session-affinity');
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw new CmdError(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  if (f.string('cluster-ip')) spec.clusterIP = f.string('cluster-ip');
  const metadata: KObject['metadata'] = { name };
  if (labels) metadata.labels = labels;
  return { kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } };
}

function withoutEmpty(p: Record<string, unknown>): Record<string, unknown> {
  if (p.name === '') delete p.name;
  return p;
}

/** intstr.Parse: a number when strconv.Atoi accepts it. */
function intstrParse(s: string): number | string {
  return /^[+-]?\d+$/.test(s) ? Number(s) : s;
}

function parseProtocols(spec: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of spec.split(',')) {
    const pp = item.split('/');
    if (pp.length !== 2) throw new CmdError(`unexpected port protocol mapping: ${item}`);
    if (pp[0] === '') throw new CmdError('unexpected empty port');
    if (pp[1] === '') throw new CmdError('unexpected empty protocol');
    out.set(pp[0], [...(out.get(pp[0]) ?? []), pp[1]]);
  }
  return out;
}
export default expose;
