// kubectl describe (pkg/cmd/describe/describe.go): resolve the objects as the builder does
// (TYPE NAME…, TYPE/NAME…, TYPE with -l/-A, or -f), describe each with its kind's describer and
// the data that describer declares, separated by a blank line. `describe TYPE PREFIX` that finds
// no object of that name describes every object whose name starts with PREFIX.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { describerFor } from '../../describe/index.ts';
import { AggregateError, ApiStatusError, CmdError, KubectlError } from '../../errors.ts';
import { checkNamesAcrossNamespaces, parseResourceArgs, type ResourceRequest } from '../../resource/builder.ts';
import type { ApiResource } from '../../resource/discovery.ts';
import { resourcePath } from '../../resource/rest.ts';
import { readManifests } from '../../resource/manifests.ts';
import { fetchNeeds } from './needs.ts';

interface Target {
  mapping: ApiResource;
  object: KObject;
}

interface DescribeOptions {
  requests: ResourceRequest[];
  allNamespaces: boolean;
  selector: string;
  showEvents: boolean;
  filenames: string[];
}

export default defineCommand<DescribeOptions>({
  name: 'describe',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'show-events', type: 'bool', default: true },
  ],
  complete(inv) {
    const filenames = inv.flags.strings('filename');
    if (inv.args.length === 0 && filenames.length === 0 && !inv.flags.string('kustomize'))
      throw new CmdError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
    return {
      requests: parseResourceArgs(inv.args, inv.mapper()),
      allNamespaces: inv.flags.bool('all-namespaces'),
      selector: inv.flags.string('selector'),
      showEvents: inv.flags.bool('show-events'),
      filenames,
    };
  },
  validate(o, inv) {
    if (o.selector && o.requests.some((r) => r.names.length > 0))
      throw new CmdError(
        inv.args.some((a) => a.includes('/'))
          ? 'selectors and the all flag cannot be used when passing resource/name arguments'
          : 'name cannot be provided when a selector is specified',
      );
    checkNamesAcrossNamespaces(o.requests, o.allNamespaces);
  },
  async run(o, inv) {
    const errors: Error[] = [];
    const targets: Target[] = [];
    let notFound = false;
    if (o.filenames.length) {
      const read = await readManifests(inv, { filenames: o.filenames, recursive: inv.flags.bool('recursive'), validation: 'Ignore' });
      errors.push(...read.errors);
      for (const m of read.items) {
        const t = getOne(inv, m.mapping, m.namespace, String(m.object.metadata.name ?? ''), errors);
        if (t) targets.push(t);
        else notFound = true;
      }
    }
    for (const req of o.requests) {
      if (req.names.length === 0) {
        const ns = o.allNamespaces ? undefined : inv.namespace;
        const q = o.selector ? { labelSelector: o.selector } : undefined;
        const list = inv.rest().list<{ items?: KObject[] }>(req.mapping, ns, q);
        for (const object of list.items ?? []) targets.push({ mapping: req.mapping, object: withKind(object, req.mapping) });
        continue;
      }
      for (const name of req.names) {
        const t = getOne(inv, req.mapping, inv.namespace, name, errors);
        if (t) targets.push(t);
        else notFound = true;
      }
    }

    // DescribeMatchingResources: `describe TYPE PREFIX`.
    if (notFound && o.filenames.length === 0 && inv.args.length === 2 && !inv.args[0].includes('/') && o.requests.length === 1) {
      return describePrefix(inv, o, o.requests[0].mapping, inv.args[1], errors[0]);
    }

    const seen = new Set<string>();
    let first = true;
    for (const t of targets) {
      let text: string;
      try {
        text = describeOne(inv, o, t);
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        if (!seen.has(e.message)) errors.push(e);
        seen.add(e.message);
        continue;
      }
      inv.stdout.write(first ? text : `\n\n${text}`);
      first = false;
    }
    if (targets.length === 0 && errors.length === 0) {
      if (o.allNamespaces) inv.stderr.write('No resources found\n');
      else inv.stderr.write(`No resources found in ${inv.namespace} namespace.\n`);
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors);
  },
});

function withKind(obj: KObject, m: ApiResource): KObject {
  return { ...obj, apiVersion: m.group ? `${m.group}/${m.version}` : m.version, kind: m.kind };
}

function getOne(inv: Invocation, mapping: ApiResource, namespace: string, name: string, errors: Error[]): Target | undefined {
  try {
    const object = inv.rest().getNamed<KObject>(mapping, mapping.namespaced ? namespace : undefined, name);
    return { mapping, object: withKind(object, mapping) };
  } catch (e) {
    if (!(e instanceof ApiStatusError)) throw e;
    errors.push(e);
    return undefined;
  }
}

function describeOne(inv: Invocation, o: DescribeOptions, t: Target): string {
  const d = describerFor(t.mapping.kind);
  const ctx = { ...fetchNeeds(inv, t.object, d.needs, o.showEvents), now: nowOf(inv) };
  return d.describe(t.object, ctx);
}

function describePrefix(inv: Invocation, o: DescribeOptions, mapping: ApiResource, prefix: string, original: Error | undefined): void {
  const list = inv.rest().get<{ items?: KObject[] }>(resourcePath(mapping, inv.namespace));
  let found = false;
  for (const object of list.items ?? []) {
    if (!(object.metadata.name ?? '').startsWith(prefix)) continue;
    found = true;
    inv.stdout.write(describeOne(inv, o, { mapping, object: withKind(object, mapping) }) + '\n');
  }
  if (!found && original) throw original;
}

/**
 * kubectl reads its own machine's clock for ages. In the sandbox the learner's machine shares the
 * cluster's clock, which the host hands over as `now()`; without one, the real clock.
 */
export function nowOf(inv: Invocation): number {
  const host = inv.ctx.host as { now?: () => number } | undefined;
  return typeof host?.now === 'function' ? host.now() : Date.now();
}
