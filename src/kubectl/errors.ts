// Every kubectl failure becomes text and an exit code here, as kubectl's CheckErr does
// (kubernetes/kubectl pkg/cmd/util/helpers.go: checkErr, StandardErrorMessage, MultilineError).
// Commands throw these errors; `checkErr` prints them. Teaching hints, when an error carries
// them, follow the faithful text on lines starting with `hint: `.

import type { Status } from '../cluster/apiserver/types.ts';

export class KubectlError extends Error {
  hints: string[] = [];
  exitCode = 1;
  withHint(hint: string): this {
    this.hints.push(hint);
    return this;
  }
}

/** A plain client-side error: printed as `error: <message>`. */
export class CmdError extends KubectlError {}

/** cmdutil.UsageErrorf: `error: <msg>\nSee 'kubectl get -h' for help and examples`. */
export class UsageError extends KubectlError {
  constructor(commandPath: string, msg: string) {
    super(`${msg}\nSee '${commandPath} -h' for help and examples`);
  }
}

/** Text printed exactly as given (no `error: ` prefix), e.g. plugin and configuration errors. */
export class RawError extends KubectlError {}

/** An API error: the server's metav1.Status. */
export class ApiStatusError extends KubectlError {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message ?? '');
    this.status = status;
  }
  get reason(): string {
    return this.status.reason ?? '';
  }
}

/**
 * meta.NoResourceMatchError from the REST mapper. checkErr prints it without `error: `
 * (`kubectl explain foo`); resource.Builder turns it into a plain error first (builder.ts).
 */
export class NoResourceMatchError extends KubectlError {
  constructor(
    readonly resource: string,
    readonly group = '',
    readonly version = '',
  ) {
    super(noMatchMessage(resource, group, version));
  }
}

function noMatchMessage(resource: string, group: string, version: string): string {
  const q = JSON.stringify;
  if (group && version) return `the server doesn't have a resource type ${q(resource)} in group ${q(group)} and version ${q(version)}`;
  if (group) return `the server doesn't have a resource type ${q(resource)} in group ${q(group)}`;
  if (version) return `the server doesn't have a resource type ${q(resource)} in version ${q(version)}`;
  return `the server doesn't have a resource type ${q(resource)}`;
}

/** utilerrors.Aggregate: several errors, one per line. */
export class AggregateError extends KubectlError {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
    for (const e of errors) if (e instanceof KubectlError) this.hints.push(...e.hints);
  }
}

/** The message kubectl prints for one error (StandardErrorMessage, with the `error: ` fallback). */
export function standardMessage(err: Error): string {
  if (err instanceof ApiStatusError) {
    const s = err.status;
    if (s.reason === ('Unauthorized' as string)) return `error: You must be logged in to the server (${s.message ?? ''})`;
    if (s.reason) return `Error from server (${s.reason}): ${err.message}`;
    return `Error from server: ${err.message}`;
  }
  if (err instanceof RawError || err instanceof NoResourceMatchError) return err.message;
  return err.message.startsWith('error: ') ? err.message : `error: ${err.message}`;
}

/** Format an error as checkErr does; the result ends with a newline. */
export function formatError(err: Error): string {
  if (err instanceof AggregateError && err.errors.length === 1) return formatError(err.errors[0]);
  let msg: string;
  if (err instanceof ApiStatusError && err.reason === 'Invalid') msg = invalidMessage(err.status);
  else if (err instanceof AggregateError) msg = err.errors.map((e) => messageForError(e) + '\n').join('');
  else msg = standardMessage(err);
  return msg.endsWith('\n') || msg === '' ? msg : msg + '\n';
}

/** messageForError: StandardErrorMessage for API errors, the bare message otherwise. */
function messageForError(err: Error): string {
  if (err instanceof ApiStatusError) return standardMessage(err);
  if (err instanceof KubectlError && !(err instanceof CmdError)) return standardMessage(err);
  return err.message;
}

function invalidMessage(status: Status): string {
  const details = status.details;
  let s = 'The request is invalid';
  if (!details) return status.message ? `${s}: ${status.message}` : s;
  if (details.kind || details.name) s = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  else if (status.message && !details.causes?.length) s += ': ' + status.message;
  const causes = details.causes ?? [];
  if (causes.length === 0) return s;
  // statusCausesToAggrError: "field: message", duplicates dropped; then MultilineError.
  const msgs = [...new Set(causes.map((c) => `${c.field}: ${c.message}`))];
  if (msgs.length === 1) return `${s}: ${msgs[0]}\n`;
  return `${s}: \n` + msgs.map((m) => `* ${m}\n`).join('');
}

/** Print an error to stderr like checkErr, then its hints; returns the exit code. */
export function checkErr(err: unknown, stderr: { write(s: string): void }): number {
  const e = err instanceof Error ? err : new Error(String(err));
  stderr.write(formatError(e));
  if (e instanceof KubectlError) {
    for (const h of e.hints) stderr.write(`hint: ${h}\n`);
    return e.exitCode;
  }
  return 1;
}
