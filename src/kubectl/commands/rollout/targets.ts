// The objects a rollout subcommand acts on: `TYPE NAME`, `TYPE/NAME`, `TYPE -l SEL` or -f, each
// fetched (the builder's Latest()), with NotFound errors kept for the end as ContinueOnError does.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import type { Invocation } from '../../command.ts';
import { ApiStatusError, CmdError, KubectlError } from '../../errors.ts';
import type { FlagDef } from '../../flags/index.ts';
import { parseResourceArgs } from '../../resource/builder.ts';
import type { ApiResource } from '../../resource/discovery.ts';
import { kindGroup } from '../../resource/mapper.ts';
import { resourcePath } from '../../resource/rest.ts';
import { manifestOptions, readManifests } from '../../resource/manifests.ts';

export interface Target {
  mapping: ApiResource;
  namespace: string;
  name: string;
  object: KObject;
}

export const FILENAME_FLAGS: readonly FlagDef[] = [
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'kustomize', shorthand: 'k', type: 'string' },
  { name: 'recursive', shorthand: 'R', type: 'bool' },
];

export const PRINT_FLAGS: readonly FlagDef[] = [
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

/** rollout's Complete: a resource or -f is required. */
export function requireResource(inv: Invocation): void {
  if (inv.args.length === 0 && inv.flags.strings('filename').length === 0 && !inv.flags.string('kustomize'))
    throw new CmdError('required resource not specified');
}

export async function resolveTargets(inv: Invocation): Promise<{ targets: Target[]; errors: Error[] }> {
  const rest = inv.rest();
  const targets: Target[] = [];
  const errors: Error[] = [];
  const selector = inv.flags.has('selector') ? inv.flags.string('selector') : '';
  const fetch = (mapping: ApiResource, namespace: string, name: string) => {
    try {
      const object = rest.getNamed<KObject>(mapping, mapping.namespaced ? namespace : undefined, name);
      targets.push({ mapping, namespace, name, object });
    } catch (e) {
      if (!(e instanceof ApiStatusError)) throw e;
      errors.push(e);
    }
  };
  if (inv.flags.strings('filename').length) {
    const read = await readManifests(inv, manifestOptions(inv, 'Ignore'));
    errors.push(...read.errors);
    for (const m of read.items) fetch(m.mapping, m.namespace, String(m.object.metadata.name ?? ''));
  }
  const requests = parseResourceArgs(inv.args, inv.mapper());
  if (selector && requests.some((r) => r.names.length)) throw new CmdError('name cannot be provided when a selector is specified');
  for (const req of requests) {
    if (req.names.length === 0) {
      if (!selector) throw new CmdError(`resource(s) were provided, but no name was specified`);
      const list = rest.list<{ items?: KObject[] }>(req.mapping, inv.namespace, { labelSelector: selector });
      for (const object of list.items ?? []) targets.push({ mapping: req.mapping, namespace: inv.namespace, name: object.metadata.name ?? '', object });
      continue;
    }
    for (const name of req.names) fetch(req.mapping, inv.namespace, name);
  }
  return { targets, errors };
}

/** `deployment.apps/web`: what kubectl's name printer writes before the operation. */
export function nameOf(t: Target): string {
  return `${kindGroup(t.mapping)}/${t.name}`;
}

/** `deployments.apps`: the resource string of set.CalculatePatches errors. */
export function resourceString(t: Target): string {
  return t.mapping.group ? `${t.mapping.name}.${t.mapping.group}` : t.mapping.name;
}

export function isKubectlError(e: unknown): e is KubectlError {
  return e instanceof KubectlError;
}
