// Shapes shared by the API server, its registries and its clients. Objects are plain JSON, as on
// the wire: the server hands out copies, so no client can change the store behind its back.

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [extra: string]: unknown;
}

/** Any Kubernetes object. Fields past metadata are left open; registries know their own kinds. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: KObject;
}

/** metav1.Status, the body of every error (and of some successful deletes). */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never> | { resourceVersion?: string };
  status: 'Success' | 'Failure';
  message?: string;
  reason?: StatusReason;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: StatusCause[];
    retryAfterSeconds?: number;
  };
  code: number;
}

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'Forbidden'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'Timeout'
  | 'Gone'
  | 'NonZeroExitCode'
  | '';

export interface StatusCause {
  reason: string; // FieldValueInvalid, FieldValueRequired, FieldValueNotSupported, FieldValueDuplicate, ...
  message: string;
  field: string;
}

/** One REST call, shaped like HTTP so that the HTTP facade for real kubectl is a thin wrapper. */
export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** e.g. /api/v1/namespaces/default/services/nginx or /apis/apps/v1/deployments */
  path: string;
  /** labelSelector, fieldSelector, watch, resourceVersion, dryRun, fieldManager, propagationPolicy, limit, includeObject … */
  query?: Record<string, string>;
  /** Lower-case names: accept, content-type (the patch type for PATCH). */
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Warnings the server sends in `Warning:` headers (e.g. v1 Endpoints deprecation). */
  warnings?: string[];
}

/** A live watch. `stop` ends it; events arrive synchronously as the store changes. */
export interface WatchHandle {
  stop(): void;
}

/** metav1.Table, as the API server returns for `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. */
export interface TableColumnDefinition {
  name: string;
  type: string; // string, integer, number, boolean, date
  format: string; // name, ...
  description: string;
  priority: number; // 0 = always shown; 1 = only with -o wide
}

export interface TableRow {
  cells: unknown[];
  object?: unknown; // PartialObjectMetadata (default) or the full object (includeObject=Object)
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** What a streaming subresource sends back: data on a channel, then an end (with a Status on error). */
export interface StreamListener {
  /** `prompt`: a TTY stream's shell waits for a line with this prompt (see sandbox/streams). */
  data(chunk: string, channel?: 'stdout' | 'stderr' | 'prompt'): void;
  end(status?: Status): void;
}

export interface StreamHandle {
  /** Send data to the far end (stdin of exec/attach; a connection's bytes for port-forward). */
  write(data: string): void;
  /** Close the client's side (EOF on stdin; the far end may still send, then ends). */
  closeWrite(): void;
  /** Tear the stream down from the client's side. */
  close(): void;
}
