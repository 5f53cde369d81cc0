// API errors as metav1.Status, with the messages of k8s.io/apimachinery/pkg/api/errors.
// Registries and the server throw StatusError; the server turns it into a response.

import type { Status, StatusCause, StatusReason } from './types.ts';

export class StatusError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message);
    this.status = status;
  }
}

/** "services", or "deployments.apps" for a non-core group (schema.GroupResource.String()). */
export function qualifiedResource(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

function status(code: number, reason: StatusReason, message: string, details?: Status['details']): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
}

export function notFound(group: string, resource: string, name: string): StatusError {
  return status(404, 'NotFound', `${qualifiedResource(group, resource)} "${name}" not found`, {
    name,
    group: group || undefined,
    kind: resource,
  });
}

export function alreadyExists(group: string, resource: string, name: string): StatusError {
  return status(409, 'AlreadyExists', `${qualifiedResource(group, resource)} "${name}" already exists`, {
    name,
    group: group || undefined,
    kind: resource,
  });
}

export function conflict(group: string, resource: string, name: string, why: string): StatusError {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(group, resource)} "${name}": ${why}`, {
    name,
    group: group || undefined,
    kind: resource,
  });
}

export const MODIFIED_CONFLICT = 'the object has been modified; please apply your changes to the latest version and try again';

export function badRequest(message: string): StatusError {
  return status(400, 'BadRequest', message);
}

export function forbidden(group: string, resource: string, name: string, why: string): StatusError {
  const what = name ? `${qualifiedResource(group, resource)} "${name}"` : qualifiedResource(group, resource);
  return status(403, 'Forbidden', `${what} is forbidden: ${why}`, { name, group: group || undefined, kind: resource });
}

export function methodNotSupported(group: string, resource: string, action: string): StatusError {
  return status(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualifiedResource(group, resource)}"`, {
    group: group || undefined,
    kind: resource,
  });
}

export function notAcceptable(message: string): StatusError {
  return status(406, 'NotAcceptable', message);
}

export function unsupportedMediaType(contentType: string): StatusError {
  return status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`, { kind: contentType });
}

export function internalError(message: string): StatusError {
  return status(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ reason: '', message, field: '' }] as StatusCause[] });
}

/** A bare 404 for paths that name no resource (the server's "the server could not find the requested resource"). */
export function pathNotFound(): StatusError {
  return status(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function success(details?: Status['details']): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details, code: 200 } as Status;
}
