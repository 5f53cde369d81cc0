// kubectl run (pkg/cmd/run/run.go + generate/versioned/run.go): one Pod, and with --expose a
// ClusterIP Service for it (created after the pod, printed before it).

import { defineCommand, type Invocation } from '../../command.ts';
import { AggregateError, CmdError } from '../../errors.ts';
import { parseLabels } from '../../flags/labels.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { addLastApplied, createObject } from '../../resource/create.ts';
import { CORE } from '../../resource/rest.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, SAVE_CONFIG_FLAG, dryRunStrategy, fieldManagerFlag, requireFlags, type DryRun } from '../../flags/write.ts';
import { objectPrinter, type ObjectPrinter } from '../../printers/object-printer.ts';
import { isEnvVarName } from '../create/validation.ts';
import { deleteOne } from '../delete/delete-one.ts';
import { attach } from './attach.ts';
import { isValidImageReference } from './image-ref.ts';
import { applyOverrides, OVERRIDE_FLAGS } from './overrides.ts';

interface Options {
  dryRun: DryRun;
  printer: ObjectPrinter;
  attach: boolean;
}

export const run = defineCommand<Options>({
  name: 'run',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    SAVE_CONFIG_FLAG,
    fieldManagerFlag('kubectl-run'),
    ...FILENAME_FLAGS,
    ...OVERRIDE_FLAGS,
    { name: 'annotations', type: 'stringArray' },
    { name: 'attach', type: 'bool' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
    { name: 'command', type: 'bool' },
    { name: 'env', type: 'stringArray' },
    { name: 'expose', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'image', type: 'string' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'labels', shorthand: 'l', type: 'string' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    { name: 'port', type: 'string' },
    { name: 'privileged', type: 'bool' },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'rm', type: 'bool' },
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'timeout', type: 'duration' },
    { name: 'tty', shorthand: 't', type: 'bool' },
    { name: 'wait', type: 'bool' },
    { name: 'record', type: 'bool' },
  ],
  complete(inv) {
    requireFlags(inv, ['image']);
    const dryRun = dryRunStrategy(inv);
    const attachFlag = inv.flags.changed('attach') ? inv.flags.bool('attach') : inv.flags.bool('stdin');
    return { dryRun, printer: objectPrinter(inv, 'created', dryRun), attach: attachFlag };
  },
  async run(o, inv) {
    const f = inv.flags;
    if (inv.args.length === 0 || inv.argsLenAtDash === 0) throw inv.usageError('NAME is required for run');
    const image = f.string('image');
    if (image === '') throw new CmdError('--image is required');
    if (!isValidImageReference(image)) throw new CmdError(`Invalid image name "${image}": invalid reference format`);
    if (f.bool('tty') && !f.bool('stdin')) throw inv.usageError('-i/--stdin is required for containers with -t/--tty=true');
    if (f.bool('expose') && f.string('port') === '') throw inv.usageError('--port must be set when exposing a service');
    const restart = restartPolicy(inv);
    if (!o.attach && f.bool('rm')) throw inv.usageError('--rm should only be used for attached containers');
    if (o.attach && o.dryRun !== 'none')
      throw inv.usageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
    const pullPolicy = f.string('image-pull-policy');
    if (!['', 'Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) throw inv.usageError(`invalid image pull policy: ${pullPolicy}`);

    const name = inv.args[0];
    const pod = applyOverrides(inv, podFor(inv, name, restart));
    const createdPod = createGenerated(inv, o, pod);
    const errors: Error[] = [];
    let createdService: KObject | undefined;
    if (f.bool('expose')) {
      try {
        createdService = createGenerated(inv, o, serviceFor(inv, name));
        o.printer.print(createdService, { typed: true });
        if (o.printer.format === 'yaml') inv.stdout.write('---\n');
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (o.attach) {
      try {
        await attach(
          {
            pod: createdPod,
            container: name,
            stdin: f.bool('stdin'),
            tty: f.bool('tty'),
            quiet: f.bool('quiet'),
            timeoutMs: f.duration('pod-running-timeout'),
          },
          inv,
        );
      } finally {
        if (f.bool('rm')) {
          deleteOne(inv, CORE('pods'), createdPod.metadata.namespace ?? inv.namespace, name, f.bool('quiet'));
          if (createdService) deleteOne(inv, CORE('services'), createdService.metadata.namespace ?? inv.namespace, name, f.bool('quiet'));
        }
      }
      return;
    }
    o.printer.print(createdPod, { typed: true });
    if (errors.length > 0) throw new AggregateError(errors);
  },
});

function restartPolicy(inv: Invocation): string {
  const r = inv.flags.string('restart');
  if (r === '') return inv.flags.bool('stdin') ? 'OnFailure' : 'Always';
  if (['Always', 'OnFailure', 'Never'].includes(r)) return r;
  throw inv.usageError(`invalid restart policy: ${r}`);
}

function createGenerated(inv: Invocation, o: Options, obj: KObject): KObject {
  if (o.dryRun === 'client') {
    if (inv.explicitNamespace) obj.metadata.namespace = inv.namespace;
    return obj;
  }
  addLastApplied(obj, inv.flags.bool('save-config'));
  const ref = CORE(obj.kind === 'Pod' ? 'pods' : 'services');
  return createObject(inv, ref, inv.namespace, obj, { dryRun: o.dryRun, fieldManager: inv.flags.string('field-manager') });
}

/** BasicPod.Generate. */
function podFor(inv: Invocation, name: string, restart: string): KObject {
  const f = inv.flags;
  const args = inv.args.slice(1);
  const env = f.strings('env').map((e) => {
    const i = e.indexOf('=');
    if (i <= 0 || !isEnvVarName(e.slice(0, i))) throw new CmdError(`invalid env: ${e}`);
    return { name: e.slice(0, i), value: e.slice(i + 1) };
  });
  const annotations: Record<string, string> = {};
  for (const a of f.strings('annotations')) {
    const i = a.indexOf('=');
    if (i <= 0) throw new CmdError(`invalid annotation format: ${a}`);
    annotations[a.slice(0, i)] = a.slice(i + 1);
  }
  const labels = f.string('labels') ? parseLabels(f.string('labels')) : { run: name };
  const c: Record<string, unknown> = { name, image: f.string('image') };
  if (args.length > 0) c[f.bool('command') ? 'command' : 'args'] = args;
  const port = f.string('port');
  if (port !== '') {
    if (!/^[+-]?\d+$/.test(port)) throw new CmdError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
    c.ports = [{ containerPort: Number(port) }];
  }
  if (env.length > 0) c.env = env;
  c.resources = {};
  if (f.string('image-pull-policy')) c.imagePullPolicy = f.string('image-pull-policy');
  if (f.bool('privileged')) c.securityContext = { privileged: true };
  const stdin = f.bool('stdin');
  if (stdin) c.stdin = true;
  if (stdin && !f.bool('leave-stdin-open')) c.stdinOnce = true;
  if (f.bool('tty')) c.tty = true;
  const metadata: KObject['metadata'] = { name, labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [c], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

/** ServiceGeneratorV2 with run's parameters: selector = --labels or run=NAME, port = target port. */
function serviceFor(inv: Invocation, name: string): KObject {
  const labelsFlag = inv.flags.string('labels');
  const port = inv.flags.string('port');
  if (!/^[+-]?\d+$/.test(port)) throw new CmdError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
  const metadata: KObject['metadata'] = { name };
  if (labelsFlag) metadata.labels = parseLabels(labelsFlag);
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata,
    spec: {
      ports: [{ protocol: 'TCP', port: Number(port), targetPort: Number(port) }],
      selector: labelsFlag ? parseLabels(labelsFlag) : { run: name },
    },
    status: { loadBalancer: {} },
  };
}
export default run;
