// kubectl explain (pkg/cmd/explain, explain v2): resolve RESOURCE[.field.path] through discovery,
// read the group-version's OpenAPI v3 document from the server (/openapi/v3/<api|apis/g>/<v>), as
// kubectl does, and render it with the plaintext template. Our in-process server does not serve
// /openapi yet, so the same document is generated from the schema module when it answers 404.

import { openApiV3 } from '../../../cluster/apiserver/schema/openapi.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { ApiStatusError, CmdError } from '../../errors.ts';
import type { ApiResource } from '../../resource/discovery.ts';
import { Explainer, type OpenApiDoc } from './render.ts';

interface ExplainOptions {
  resource: string;
  fieldPath: string[];
  recursive: boolean;
  apiVersion: string;
}

export default defineCommand<ExplainOptions>({
  name: 'explain',
  flags: [
    { name: 'api-version', type: 'string' },
    { name: 'output', shorthand: 'o', type: 'string', default: 'plaintext' },
    { name: 'recursive', type: 'bool' },
  ],
  complete(inv) {
    // A plain fmt.Errorf in explain.go, not a usage error: no "See 'kubectl explain -h'" line.
    if (inv.args.length === 0)
      throw new CmdError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    if (inv.args.length > 1) throw inv.usageError(`We accept only this format: explain RESOURCE\n`);
    const [resource, ...fieldPath] = inv.args[0].split('.');
    return { resource, fieldPath, recursive: inv.flags.bool('recursive'), apiVersion: inv.flags.string('api-version') };
  },
  validate(_o, inv) {
    const out = inv.flags.string('output');
    if (out !== 'plaintext' && out !== 'plaintext-openapiv2')
      throw new CmdError(`unrecognized format: ${out}`);
  },
  run(o, inv) {
    const mapping = resolve(inv, o);
    const doc = openApiDocument(inv, mapping.group, mapping.version);
    // The template writes as it goes: a missing field fails after the header is out.
    const { text, error } = new Explainer(doc).render({ group: mapping.group, version: mapping.version, kind: mapping.kind }, o.fieldPath, o.recursive);
    inv.stdout.write(text);
    if (error) throw error;
  },
});

function resolve(inv: Invocation, o: ExplainOptions): ApiResource {
  const m = inv.mapper().resolve(o.resource);
  if (!o.apiVersion) return m;
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/', 2) : ['', o.apiVersion];
  return { ...m, group, version };
}

function openApiDocument(inv: Invocation, group: string, version: string): OpenApiDoc {
  const path = group ? `/openapi/v3/apis/${group}/${version}` : `/openapi/v3/api/${version}`;
  try {
    return inv.rest().get<OpenApiDoc>(path);
  } catch (e) {
    if (!(e instanceof ApiStatusError && e.reason === 'NotFound')) throw e;
  }
  const doc = openApiV3(group, version, '');
  if (!doc) throw new CmdError(`couldn't find resource for "${group ? `${group}/${version}` : version}"`);
  return doc as OpenApiDoc;
}
