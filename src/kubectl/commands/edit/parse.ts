// Reading the edited file back: the schema check kubectl runs first (ValidateBytes over
// StripComments(edited): the document must parse and name its apiVersion and kind), then the
// builder over the text as a stream called `edited-file` (documents, Lists flattened, each mapped
// to its resource).

import type { KObject } from '../../../cluster/apiserver/types.ts';
import type { Invocation } from '../../command.ts';
import { splitDocuments } from '../apply/manifests.ts';
import { YamlSyntaxError, yamlToJson } from '../apply/yaml-decode.ts';
import { manualStrip } from './file.ts';
import type { Info } from './index.ts';

export class EditedSyntaxError extends Error {}

/** The validation error's text, or undefined when the file passes. */
export function validateEdited(edited: string): string | undefined {
  let obj: unknown;
  try {
    obj = yamlToJson(edited);
  } catch {
    try {
      obj = yamlToJson(manualStrip(edited));
    } catch (e) {
      if (!(e instanceof YamlSyntaxError)) throw e;
      return e.message.replace(/^error converting YAML to JSON: /, '');
    }
  }
  // An empty file (comments stripped) decodes to null, which is no object either.
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return 'invalid object to validate';
  const o = obj as Record<string, unknown>;
  const errs: string[] = [];
  if (o.apiVersion === undefined || o.apiVersion === null) errs.push('apiVersion not set');
  else if (typeof o.apiVersion !== 'string') errs.push("apiVersion isn't string type");
  if (o.kind === undefined || o.kind === null) errs.push('kind not set');
  else if (typeof o.kind !== 'string') errs.push("kind isn't string type");
  if (errs.length === 0) return undefined;
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

function flatten(obj: KObject): KObject[] {
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) return (obj.items as KObject[]).flatMap(flatten);
  return [obj];
}

/** The edited objects, each with its mapping; EditedSyntaxError when the builder would fail. */
export function parseEdited(inv: Invocation, edited: string): Info[] {
  const out: Info[] = [];
  for (const text of splitDocuments(edited)) {
    let obj: unknown;
    try {
      obj = yamlToJson(text);
    } catch (e) {
      if (!(e instanceof YamlSyntaxError)) throw e;
      throw new EditedSyntaxError(`error parsing edited-file: ${e.message}`);
    }
    if (obj === null) continue;
    for (const o of flatten(obj as KObject)) {
      o.metadata ??= {};
      const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
      const mapping = inv
        .discovery()
        .resources()
        .find((r) => r.kind === o.kind && r.group === group && r.version === version);
      if (!mapping)
        throw new EditedSyntaxError(
          `resource mapping not found for name: ${JSON.stringify(o.metadata.name ?? '')} namespace: ${JSON.stringify(o.metadata.namespace ?? '')} from "edited-file": no matches for kind ${JSON.stringify(o.kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
        );
      out.push({ mapping, namespace: mapping.namespaced ? String(o.metadata.namespace ?? '') : '', name: String(o.metadata.name ?? ''), object: o });
    }
  }
  return out;
}
