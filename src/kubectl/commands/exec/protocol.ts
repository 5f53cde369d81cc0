// What flows over a pods/exec or pods/attach stream (the sandbox's remotecommand). The server
// (src/sandbox/streams/) runs a shell in the Pod; kubectl carries the terminal to it.
//  - server → client: `stdout` and `stderr` chunks; in TTY mode a `prompt` chunk asks for one
//    line (the line editor lives on the learner's side of the Terminal port, so the prompt must
//    travel with the request); then end(status).
//  - client → server: stdin. In TTY mode one line per prompt (ending in \n), and the bytes a raw
//    terminal sends for keys: ETX (Ctrl+C) and EOT (Ctrl+D, the end of input of one read).
//  - end(): success; end(status) with reason NonZeroExitCode and an ExitCode cause, as
//    remotecommand's v4 error channel carries it; a Status marked as an upgrade failure is the
//    kubelet's plain-text refusal (`container not found ("x")`), anything else an API error.

import type { Status, StatusReason, StreamListener } from '../../../cluster/apiserver/types.ts';

export const PROMPT_CHANNEL = 'prompt';
export const CTRL_C = '\x03';
export const CTRL_D = '\x04';

const NON_ZERO_EXIT = 'NonZeroExitCode' as StatusReason; // a real reason the core's union lacks
const UPGRADE_FAILURE = 'UpgradeFailure';

export type Channel = 'stdout' | 'stderr' | typeof PROMPT_CHANNEL;

/** listener.data with the sandbox's extra `prompt` channel (StreamListener types only stdout/stderr). */
export function send(listener: StreamListener, chunk: string, channel: Channel): void {
  (listener.data as (chunk: string, channel: Channel) => void)(chunk, channel);
}

export function exitStatus(code: number, command: string[]): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: NON_ZERO_EXIT,
    details: { causes: [{ reason: 'ExitCode', message: String(code), field: '' }] },
    code: 500,
  };
}

export function exitCodeOf(status: Status): number | undefined {
  if (status.reason !== NON_ZERO_EXIT) return undefined;
  const c = status.details?.causes?.find((x) => x.reason === 'ExitCode');
  return c ? Number(c.message) : undefined;
}

/** The kubelet refusing the upgrade with a plain-text body (not a Status): kubectl prints it raw. */
export function upgradeFailure(message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: '', details: { kind: UPGRADE_FAILURE }, code: 500 };
}

export function isUpgradeFailure(status: Status): boolean {
  return status.details?.kind === UPGRADE_FAILURE;
}
