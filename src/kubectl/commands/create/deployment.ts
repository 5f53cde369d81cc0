// kubectl create deployment (pkg/cmd/create/create_deployment.go).

import { defineCommand, type Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { APPS } from '../../resource/rest.ts';
import { CREATE_SUBCOMMAND_FLAGS, nameFromArgs } from './flags.ts';
import { requireFlags } from '../../flags/write.ts';
import { finishCreate, prepare } from './run-create.ts';
import { suffixFor } from './random-suffix.ts';

interface Options {
  name: string;
  images: string[];
  command: string[];
  prepared: ReturnType<typeof prepare>;
}

export const createDeployment = defineCommand<Options>({
  name: 'deployment',
  aliases: ['deploy'],
  flags: [
    ...CREATE_SUBCOMMAND_FLAGS,
    { name: 'image', type: 'stringSlice' },
    { name: 'port', type: 'int32', default: -1 },
    { name: 'replicas', shorthand: 'r', type: 'int32', default: 1 },
  ],
  complete(inv) {
    requireFlags(inv, ['image']);
    const name = nameFromArgs(inv);
    return { name, images: inv.flags.strings('image'), command: inv.args.slice(1), prepared: prepare(inv) };
  },
  validate(o) {
    if (o.images.length > 1 && o.command.length > 0) throw new CmdError('cannot specify multiple --image options and command');
  },
  run(o, inv) {
    finishCreate(inv, o.prepared, { ref: APPS('deployments'), obj: deploymentObject(o, inv), wrapError: (m) => `failed to create deployment: ${m}` });
  },
});

function deploymentObject(o: Options, inv: Invocation): KObject {
  const labels = { app: o.name };
  const containers = o.images.map((image) => {
    const c: Record<string, unknown> = { name: containerName(image), image };
    if (o.command.length > 0) c.command = o.command;
    c.resources = {};
    return c;
  });
  const port = inv.flags.int('port');
  if (port >= 0 && containers.length > 0) containers[0].ports = [{ containerPort: port }];
  const metadata: KObject['metadata'] = { name: o.name, labels };
  if (inv.explicitNamespace) metadata.namespace = inv.namespace;
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata,
    spec: {
      replicas: inv.flags.int('replicas'),
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/** buildPodSpec: the last path segment of the image, without tag or digest, made DNS-safe. */
function containerName(image: string): string {
  const parts = image.split('/');
  let name = parts[parts.length - 1];
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  // sanitizeAndUniquify: `_` and `.` become `-`, and a random suffix keeps names apart.
  if (/[_.]/.test(name)) name = `${name.replaceAll('_', '-').replaceAll('.', '-')}-${suffixFor(image)}`;
  return name;
}
