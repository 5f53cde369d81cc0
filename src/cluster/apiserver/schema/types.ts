// The shape of the schema description: one Definition per API type, named as in Kubernetes'
// OpenAPI (io.k8s.api.core.v1.Service …), with each field's type, description and the
// strategic-merge-patch metadata that kubectl's `apply` reads. Generators turn it into OpenAPI v2
// and v3 (openapi.ts); the editor's YAML schemas and our `kubectl explain` can read it too.

export type Scalar = 'string' | 'integer' | 'number' | 'boolean';

export type FieldType =
  | { scalar: Scalar; format?: string; enum?: string[] }
  | { ref: string }
  | { array: FieldType }
  | { map: FieldType };

/** +listType / +listMapKey / +patchStrategy / +patchMergeKey on a Go field. */
export interface ListMeta {
  listType?: 'atomic' | 'map' | 'set';
  listMapKeys?: string[];
  patchStrategy?: 'merge' | 'retainKeys' | 'merge,retainKeys' | 'replace';
  patchMergeKey?: string;
  mapType?: 'atomic' | 'granular';
}

export interface Field extends ListMeta {
  type: FieldType;
  description?: string;
  required?: boolean;
  default?: unknown;
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface Definition {
  /** The OpenAPI name, e.g. io.k8s.api.core.v1.ServicePort. */
  name: string;
  description?: string;
  /** Top-level kinds carry their GVK (x-kubernetes-group-version-kind). */
  gvk?: GroupVersionKind;
  /** The REST resource (plural) and scope, for the paths section. */
  resource?: { plural: string; namespaced: boolean };
  /** A type with no fields of its own (Time, Quantity, IntOrString): its JSON shape. */
  /**
   * `v3OneOf`: the OpenAPI v3 document describes the alias as a oneOf of these types and no
   * `type` (kube-openapi's OpenAPIV3OneOfTypes: IntOrString, Quantity); v2 keeps `scalar`.
   */
  alias?: { scalar: Scalar; format?: string; v3OneOf?: Scalar[] };
  properties?: Record<string, Field>;
  /** x-kubernetes-map-type on the struct (atomic structs such as LabelSelectorRequirement). */
  mapType?: 'atomic' | 'granular';
}
