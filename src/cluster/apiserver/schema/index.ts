// The schema description of every kind the emulator serves: structure (definitions.ts) joined
// with upstream's descriptions (descriptions.ts). The single source for the OpenAPI documents
// served to real kubectl (openapi.ts), and for editor schemas and `kubectl explain`.

import { descriptions } from './descriptions.ts';
import { structuralDefinitions } from './definitions.ts';
import type { Definition } from './types.ts';

export type { Definition, Field, FieldType, GroupVersionKind } from './types.ts';

export const definitions: Definition[] = structuralDefinitions.map((d) => ({
  ...d,
  description: d.description ?? descriptions[d.name],
  properties: d.properties
    ? Object.fromEntries(Object.entries(d.properties).map(([k, f]) => [k, { ...f, description: f.description ?? descriptions[`${d.name}.${k}`] }]))
    : undefined,
}));

const byName = new Map(definitions.map((d) => [d.name, d]));

export function definition(name: string): Definition | undefined {
  return byName.get(name);
}

/** The top-level kind for group/version/kind, e.g. ('', 'v1', 'Service'). */
export function kindDefinition(group: string, version: string, kind: string): Definition | undefined {
  return definitions.find((d) => d.gvk && d.gvk.group === group && d.gvk.version === version && d.gvk.kind === kind);
}

/** The group-versions that have kinds, as `api/v1` or `apis/apps/v1` (OpenAPI v3 path keys). */
export function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const d of definitions) if (d.gvk && d.resource) seen.set(`${d.gvk.group}/${d.gvk.version}`, { group: d.gvk.group, version: d.gvk.version });
  return [...seen.values()];
}
