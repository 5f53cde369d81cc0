// A resource, as the API server knows it: identity for discovery, then named hooks for the write
// path (the shape of Kubernetes' rest.RESTCreateStrategy / RESTUpdateStrategy), its Table columns
// and its field selectors. One file per resource under registry/ registers one of these.

import type { Clock } from '../../clock.ts';
import type { Random } from '../../random.ts';
import type { KObject, TableColumnDefinition } from '../types.ts';
import type { Store } from '../store.ts';

/** Field errors are apimachinery's field.Error (validation/field.ts): the server turns a list into a 422 Status. */
export type { FieldError as FieldErr } from '../validation/field.ts';
import type { FieldError as FieldErr } from '../validation/field.ts';
import type { ValidateNameFunc } from '../validation/names.ts';

export interface StrategyContext {
  clock: Clock;
  rng: Random;
  /** Read-only view of the store, for cross-object rules (e.g. NodePort already allocated). */
  store: Store;
  /** Shared services the registries need (IP and port allocators), keyed by name. */
  services: Record<string, unknown>;
  dryRun: boolean;
}

export interface TableConvertor {
  columns: TableColumnDefinition[];
  row(obj: KObject, ctx: StrategyContext): unknown[];
}

export interface ResourceStrategy {
  group: string; // '' for core
  version: string;
  resource: string; // plural
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[]; // 'all' puts it in `kubectl get all`
  /** Subresources served (status, scale, log, exec, portforward …) for discovery. */
  subresources?: string[];
  /** Verbs for discovery; defaults to the full set. */
  verbs?: string[];

  /** How metadata.name is validated (ValidateObjectMeta's nameFn); DNS-1123 subdomain when absent. */
  validateName?: ValidateNameFunc;
  /** Fill defaults (pkg/apis/<group>/v1/defaults.go). Runs on create and update. */
  defaults?(obj: KObject, ctx: StrategyContext): void;
  /** Reset what a create may not set (status, generation). */
  prepareForCreate?(obj: KObject, ctx: StrategyContext): void;
  /** Keep what an update may not change (status on the main resource), bump generation on spec change. */
  prepareForUpdate?(obj: KObject, old: KObject, ctx: StrategyContext): void;
  validate?(obj: KObject, ctx: StrategyContext): FieldErr[];
  validateUpdate?(obj: KObject, old: KObject, ctx: StrategyContext): FieldErr[];
  /** Allocate (IPs, ports) after validation; throw StatusError to refuse. Not called on dry-run commit. */
  beforeCreate?(obj: KObject, ctx: StrategyContext): void;
  beforeUpdate?(obj: KObject, old: KObject, ctx: StrategyContext): void;
  /** Undo beforeCreate when a later step fails, and release on delete. */
  release?(obj: KObject, ctx: StrategyContext): void;
  /** Status updates: copy only status from the new object (defaults to that). */
  prepareForStatusUpdate?(obj: KObject, old: KObject, ctx: StrategyContext): void;
  /** Warnings sent with every response about this resource (e.g. v1 Endpoints deprecation). */
  warnings?: string[];

  table: TableConvertor;
  /** Fields selectable with fieldSelector, besides metadata.name and metadata.namespace. */
  fieldSelectors?: Record<string, (obj: KObject) => string>;
  /** The scale subresource: where replicas and the selector live. */
  scale?: {
    get(obj: KObject): { replicas: number; statusReplicas: number; selector: string };
    set(obj: KObject, replicas: number): void;
  };
}
