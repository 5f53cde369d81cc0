// A JSON Schema (draft-07) for manifests, generated from the same schema description as the
// OpenAPI documents and `kubectl explain`: the editor (monaco-yaml) validates, completes and
// explains YAML with it. One document covers every kind the API serves: a manifest is one of the
// kinds (its apiVersion and kind pinned), or a v1 List of them, as `kubectl get -o yaml` and
// `kubectl edit` write for several objects.

import { definitions } from './index.ts';
import type { Definition, Field, FieldType } from './types.ts';

export type JsonSchema = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

/**
 * Aliases whose JSON is wider than their OpenAPI type: IntOrString and Quantity are written as
 * `80` or `"http"`, `1` or `"500m"` (upstream marks them x-kubernetes-int-or-string).
 */
const WIDE_ALIASES: Record<string, JsonSchema> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: ['integer', 'string'] },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: ['number', 'string'] },
  // Unset times are written as null (a Pod condition's lastProbeTime).
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: ['string', 'null'] },
};

function typeSchema(t: FieldType): JsonSchema {
  if ('scalar' in t) return { type: t.scalar, ...(t.enum ? { enum: t.enum } : {}) };
  // allOf keeps the field's own description beside the reference (draft-07 ignores $ref siblings).
  if ('ref' in t) return { allOf: [ref(t.ref)] };
  if ('array' in t) return { type: 'array', items: typeSchema(t.array) };
  return { type: 'object', additionalProperties: typeSchema(t.map) };
}

function fieldSchema(f: Field): JsonSchema {
  return {
    ...(f.description ? { description: f.description, markdownDescription: f.description } : {}),
    ...typeSchema(f.type),
    ...(f.default !== undefined ? { default: f.default } : {}),
  };
}

function apiVersion(d: Definition): string {
  const { group, version } = d.gvk!;
  return group ? `${group}/${version}` : version;
}

function definitionSchema(d: Definition): JsonSchema {
  const described = d.description ? { description: d.description, markdownDescription: d.description } : {};
  if (WIDE_ALIASES[d.name]) return { ...described, ...WIDE_ALIASES[d.name] };
  if (d.alias) return { ...described, type: d.alias.scalar };
  const props = d.properties ?? {};
  const properties: Record<string, JsonSchema> = Object.fromEntries(Object.entries(props).map(([k, f]) => [k, fieldSchema(f)]));
  const required = Object.keys(props).filter((k) => props[k].required);
  if (d.gvk && d.resource) {
    // Pinning apiVersion and kind is what lets a validator pick this kind out of the union.
    properties.apiVersion = { ...properties.apiVersion, enum: [apiVersion(d)] };
    properties.kind = { ...properties.kind, enum: [d.gvk.kind] };
    required.unshift('apiVersion', 'kind');
  }
  return {
    ...described,
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    // Unknown fields are allowed: the description does not list every field the server writes
    // (projected volumes, preemptionPolicy …), and an object from `kubectl edit` must not show
    // errors. The API server warns about unknown fields itself on apply.
  };
}

/** The kinds a learner can write in a manifest: those the API serves (not the *List kinds). */
export function manifestKinds(): Definition[] {
  return definitions.filter((d) => d.gvk && d.resource);
}

/**
 * The JSON Schema for one YAML document of a manifest file. The kind picks the schema (if/then per
 * kind) rather than a oneOf of all kinds: with oneOf, yaml-language-server reports a field's error
 * only when no other kind fits better, so `port: eighty` in a Service went unmarked.
 */
export function manifestJsonSchema(): JsonSchema {
  const kinds = manifestKinds();
  const byKind = (kind: string, target: string): JsonSchema => ({ if: { properties: { kind: { const: kind } }, required: ['kind'] }, then: ref(target) });
  const list: JsonSchema = {
    description: 'List holds a list of objects, which may not be known by the server.',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: ['v1'] },
      kind: { type: 'string', enum: ['List'] },
      metadata: { allOf: [ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta')] },
      items: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string', enum: kinds.map((k) => k.gvk!.kind) } }, required: ['apiVersion', 'kind'], allOf: kinds.map((k) => byKind(k.gvk!.kind, k.name)) } },
    },
    required: ['apiVersion', 'kind', 'items'],
  };
  // No $schema: yaml-language-server would try to fetch the meta-schema, and with requests off
  // (no network) it then ignores the whole schema.
  return {
    title: 'Kubernetes manifest',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(kinds.map(apiVersion)), 'v1'] },
      kind: { type: 'string', enum: [...kinds.map((k) => k.gvk!.kind), 'List'] },
    },
    required: ['apiVersion', 'kind'],
    allOf: [...kinds.map((k) => byKind(k.gvk!.kind, k.name)), byKind('List', 'v1.List')],
    definitions: { ...Object.fromEntries(definitions.map((d) => [d.name, definitionSchema(d)])), 'v1.List': list },
  };
}
