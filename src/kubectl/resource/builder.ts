// The argument rules of kubectl's resource.Builder (cli-runtime pkg/resource/builder.go:
// ResourceTypeOrNameArgs, normalizeMultipleResourcesArgs, hasCombinedTypeArgs,
// splitResourceTypeName): `type name...`, `type1,type2 [name]`, `type/name ...`.

import { CmdError, NoResourceMatchError } from '../errors.ts';
import type { ApiResource } from './discovery.ts';
import type { Mapper } from './mapper.ts';

export interface ResourceRequest {
  mapping: ApiResource;
  /** Empty: list (with selectors). */
  names: string[];
}

export function splitResourceArgument(arg: string): string[] {
  const out: string[] = [];
  for (const s of arg.split(',')) if (s !== '' && !out.includes(s)) out.push(s);
  return out;
}

function normalizeMultipleResourcesArgs(args: string[]): string[] {
  if (args.length >= 2) {
    const resources = splitResourceArgument(args[0]);
    if (resources.length > 1) return resources.flatMap((r) => args.slice(1).map((n) => `${r}/${n}`));
  }
  return args;
}

export function parseResourceArgs(argsIn: string[], mapper: Mapper, baseCmd = 'kubectl'): ResourceRequest[] {
  const args = normalizeMultipleResourcesArgs(argsIn);
  const slashes = args.filter((a) => a.includes('/')).length;
  if (slashes > 0 && slashes !== args.length) {
    throw new CmdError(
      `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${baseCmd} get resource/<resource_name>' instead of '${baseCmd} get resource resource/<resource_name>'`,
    );
  }
  if (slashes > 0) {
    const out: ResourceRequest[] = [];
    for (const s of args) {
      const parts = s.split('/');
      if (parts.length > 2) throw new CmdError(`arguments in resource/name form may not have more than one slash`);
      if (parts[0] === '' || parts[1] === '') throw new CmdError(`arguments in resource/name form must have a single resource and name`);
      out.push({ mapping: mappingFor(mapper, parts[0], false)[0], names: [parts[1]] });
    }
    return out;
  }
  if (args.length === 0) return [];
  const types = splitResourceArgument(args[0]).flatMap((t) => mappingFor(mapper, t));
  const unique = types.filter((t, i) => types.findIndex((u) => u.group === t.group && u.name === t.name) === i);
  const names = args.slice(1);
  return unique.map((mapping) => ({ mapping, names }));
}

/**
 * Builder.mappingFor: a REST mapper miss becomes a plain error naming only the resource part of
 * what was typed (schema.ParseGroupResource: up to the first dot), whatever group was given.
 */
function mappingFor(mapper: Mapper, arg: string, categories = true): ApiResource[] {
  try {
    return categories ? mapper.expand(arg) : [mapper.resolve(arg)];
  } catch (e) {
    if (!(e instanceof NoResourceMatchError)) throw e;
    const dot = arg.indexOf('.');
    throw new CmdError(`the server doesn't have a resource type ${JSON.stringify(dot < 0 ? arg : arg.slice(0, dot))}`);
  }
}

/**
 * Builder.visitByName / visitByResource: with --all-namespaces the builder's namespace is empty,
 * and a namespaced object cannot be fetched by name without one.
 */
export function checkNamesAcrossNamespaces(requests: readonly ResourceRequest[], allNamespaces: boolean): void {
  if (allNamespaces && requests.some((r) => r.names.length > 0 && r.mapping.namespaced))
    throw new CmdError('a resource cannot be retrieved by name across all namespaces');
}
