// OpenAPI documents generated from the schema description, shaped like kube-apiserver's:
//  - v3, one document per group-version (/openapi/v3/api/v1, /openapi/v3/apis/apps/v1) with an
//    index (/openapi/v3). kubectl 1.34 reads these for `apply` (strategic-merge-patch metadata:
//    x-kubernetes-patch-strategy / -merge-key), `explain`, and to learn that the server accepts
//    the fieldValidation query parameter (so it skips client-side validation).
//  - v2 (swagger 2.0), all definitions in one document, as JSON for tools that ask for it.
// Refs in v3 are wrapped in allOf so a field can carry its own description, as upstream does.

import { definition, definitions, groupVersions } from './index.ts';
import type { Definition, Field, FieldType } from './types.ts';

type Json = Record<string, unknown>;
type Flavour = 'v2' | 'v3';

const GVK_EXT = 'x-kubernetes-group-version-kind';

function refTo(name: string, flavour: Flavour): Json {
  return { $ref: flavour === 'v3' ? `#/components/schemas/${name}` : `#/definitions/${name}` };
}

function typeSchema(t: FieldType, flavour: Flavour): Json {
  if ('scalar' in t) return { type: t.scalar, ...(t.format ? { format: t.format } : {}), ...(t.enum ? { enum: t.enum } : {}) };
  if ('ref' in t) return flavour === 'v3' ? { allOf: [refTo(t.ref, flavour)] } : refTo(t.ref, flavour);
  if ('array' in t) return { type: 'array', items: typeSchema(t.array, flavour) };
  return { type: 'object', additionalProperties: typeSchema(t.map, flavour) };
}

function fieldSchema(f: Field, flavour: Flavour): Json {
  const s: Json = { ...typeSchema(f.type, flavour) };
  if (f.description) s.description = f.description;
  if (f.default !== undefined) s.default = f.default;
  if (f.listType) s['x-kubernetes-list-type'] = f.listType;
  if (f.listMapKeys) s['x-kubernetes-list-map-keys'] = f.listMapKeys;
  if (f.mapType) s['x-kubernetes-map-type'] = f.mapType;
  if (f.patchMergeKey) s['x-kubernetes-patch-merge-key'] = f.patchMergeKey;
  if (f.patchStrategy) s['x-kubernetes-patch-strategy'] = f.patchStrategy;
  return s;
}

export function definitionSchema(d: Definition, flavour: Flavour): Json {
  if (d.alias) {
    const described = d.description ? { description: d.description } : {};
    // kube-openapi: v3 carries oneOf (and the format, if any) instead of a type; v2 the plain type.
    if (flavour === 'v3' && d.alias.v3OneOf)
      return { ...described, oneOf: d.alias.v3OneOf.map((type) => ({ type })), ...(d.alias.format ? { format: d.alias.format } : {}) };
    return { ...described, type: d.alias.scalar, ...(d.alias.format ? { format: d.alias.format } : {}) };
  }
  const props = d.properties ?? {};
  const required = Object.keys(props).filter((k) => props[k].required);
  const s: Json = {
    ...(d.description ? { description: d.description } : {}),
    type: 'object',
    properties: Object.fromEntries(Object.entries(props).map(([k, f]) => [k, fieldSchema(f, flavour)])),
  };
  if (required.length) s.required = required;
  if (d.gvk) s[GVK_EXT] = [d.gvk];
  if (d.mapType) s['x-kubernetes-map-type'] = d.mapType;
  return s;
}

/** The names a set of definitions refers to, transitively (what a per-GV document must carry). */
function closure(roots: Definition[]): Definition[] {
  const seen = new Set<string>();
  const out: Definition[] = [];
  const visitType = (t: FieldType): void => {
    if ('ref' in t) visit(t.ref);
    else if ('array' in t) visitType(t.array);
    else if ('map' in t) visitType(t.map);
  };
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const d = definition(name);
    if (!d) throw new Error(`schema: ${name} is referenced but not defined`);
    out.push(d);
    for (const f of Object.values(d.properties ?? {})) visitType(f.type);
  };
  for (const r of roots) visit(r.name);
  // DeleteOptions-free: the paths below refer to kinds only, so the closure is complete.
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

const QUERY = (name: string, description: string): Json => ({ name, in: 'query', description, schema: { type: 'string', uniqueItems: true } });
const WRITE_PARAMS = [
  QUERY('dryRun', 'When present, indicates that modifications should not be persisted.'),
  QUERY('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.'),
  QUERY('fieldValidation', 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict'),
];
const PATCH_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];

function operation(d: Definition, action: string, verb: string, body: string | null, bodyTypes: string[], params: Json[], responseName: string, flavour: Flavour): Json {
  const ok = flavour === 'v3' ? { content: { 'application/json': { schema: refTo(responseName, flavour) } } } : { schema: refTo(responseName, flavour) };
  const op: Json = {
    operationId: `${verb}${d.gvk!.kind}`,
    description: `${action} ${d.gvk!.kind}`,
    parameters: params,
    responses: { '200': { description: 'OK', ...ok } },
    'x-kubernetes-action': action,
    [GVK_EXT]: d.gvk,
  };
  if (body) {
    if (flavour === 'v3') op.requestBody = { content: Object.fromEntries(bodyTypes.map((t) => [t, { schema: refTo(body, flavour) }])), required: true };
    else {
      op.consumes = bodyTypes;
      op.parameters = [...params, { name: 'body', in: 'body', required: true, schema: refTo(body, flavour) }];
    }
  }
  return op;
}

function kindPaths(d: Definition, flavour: Flavour): Record<string, Json> {
  const { group, version } = d.gvk!;
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const plural = d.resource!.plural;
  const scope = d.resource!.namespaced ? `${base}/namespaces/{namespace}/${plural}` : `${base}/${plural}`;
  const list = d.name + 'List';
  const item: Json = {
    get: operation(d, 'get', 'read', null, [], [], d.name, flavour),
    put: operation(d, 'put', 'replace', d.name, ['application/json'], WRITE_PARAMS, d.name, flavour),
    patch: operation(d, 'patch', 'patch', 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch', PATCH_TYPES, [...WRITE_PARAMS, QUERY('force', 'Force is going to "force" Apply requests.')], d.name, flavour),
    delete: operation(d, 'delete', 'delete', null, [], [QUERY('dryRun', 'When present, indicates that modifications should not be persisted.')], d.name, flavour),
    parameters: [{ name: 'name', in: 'path', required: true, description: `name of the ${d.gvk!.kind}`, schema: { type: 'string', uniqueItems: true } }],
  };
  const collection: Json = {
    get: operation(d, 'list', 'list', null, [], [QUERY('labelSelector', 'A selector to restrict the list of returned objects by their labels.'), QUERY('fieldSelector', 'A selector to restrict the list of returned objects by their fields.'), QUERY('watch', 'Watch for changes to the described resources.')], list, flavour),
    post: operation(d, 'post', 'create', d.name, ['application/json'], WRITE_PARAMS, d.name, flavour),
  };
  const out: Record<string, Json> = { [scope]: collection, [`${scope}/{name}`]: item };
  if (d.resource!.namespaced) out[`${base}/${plural}`] = { get: operation(d, 'list', 'list', null, [], [], list, flavour) };
  if (flavour === 'v2') for (const p of Object.values(out)) stripV3(p);
  return out;
}

// v2 path parameters carry `type` directly rather than a `schema`.
function stripV3(path: Json): void {
  for (const op of Object.values(path)) {
    const params = Array.isArray(op) ? op : ((op as Json).parameters as Json[] | undefined);
    for (const p of params ?? []) {
      if (p.schema && p.in !== 'body') {
        p.type = 'string';
        p.uniqueItems = true;
        delete p.schema;
      }
    }
  }
}

const PATCH_DEF: Definition = { name: 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch', description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.', properties: {} };

function kindsOf(group: string, version: string): Definition[] {
  return definitions.filter((d) => d.gvk && d.resource && d.gvk.group === group && d.gvk.version === version);
}

export function openApiV3(group: string, version: string, serverVersion: string): Json | undefined {
  const kinds = kindsOf(group, version);
  if (!kinds.length) return undefined;
  const lists = kinds.map((k) => definition(k.name + 'List')).filter((d): d is Definition => !!d);
  const schemas = Object.fromEntries([...closure([...kinds, ...lists]), PATCH_DEF].map((d) => [d.name, definitionSchema(d, 'v3')]));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: serverVersion },
    paths: Object.assign({}, ...kinds.map((k) => kindPaths(k, 'v3'))),
    components: { schemas },
  };
}

/** The /openapi/v3 index: one entry per group-version, each with a content hash for caching. */
export function openApiV3Index(serverVersion: string): Json {
  const paths: Record<string, Json> = {};
  for (const { group, version } of groupVersions()) {
    const key = group ? `apis/${group}/${version}` : `api/${version}`;
    const doc = openApiV3(group, version, serverVersion)!;
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${contentHash(JSON.stringify(doc))}` };
  }
  return { paths };
}

export function openApiV2(serverVersion: string): Json {
  const kinds = definitions.filter((d) => d.gvk && d.resource);
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: serverVersion },
    paths: Object.assign({}, ...kinds.map((k) => kindPaths(k, 'v2'))),
    definitions: Object.fromEntries([...definitions, PATCH_DEF].map((d) => [d.name, definitionSchema(d, 'v2')])),
  };
}

/** FNV-1a (64-bit), upper-case hex: stable across runs, changes when the document does. */
function contentHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).toUpperCase().padStart(16, '0');
}
