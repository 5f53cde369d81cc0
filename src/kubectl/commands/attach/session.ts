// AttachOptions.Run (pkg/cmd/attach/attach.go, kubectl 1.34) once the pod is known: the
// container, the TTY rules (a container without a TTY refuses -t; one with a TTY implies it),
// the notices, the pods/attach stream, and the reattach hint when the session ends.

import type { KObject } from '../../../cluster/apiserver/types.ts';
import type { Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { findOrDefaultContainer } from '../../polymorphic/attachable.ts';
import { setupTTY, streamRequest } from '../exec/index.ts';
import { runRemote } from '../exec/remote.ts';

export interface AttachSession {
  container: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  /** `kubectl attach`, for the reattach message. */
  commandName: string;
}

export async function attachToPod(inv: Invocation, pod: KObject, o: AttachSession): Promise<number> {
  let container;
  try {
    container = findOrDefaultContainer(pod, o.container, o.quiet, inv.stderr);
  } catch (e) {
    throw new CmdError(`cannot attach to the container: ${(e as Error).message}`);
  }
  let tty = o.tty;
  if (tty && !container.tty) {
    tty = false;
    if (!o.quiet) inv.stderr.write(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
  } else if (!tty && container.tty) tty = true;
  const terminal = o.stdin ? setupTTY(inv, o.quiet, tty) : undefined;
  if (!o.quiet) {
    inv.stderr.write('All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n');
    inv.stderr.write("If you don't see a command prompt, try pressing enter.\n");
  }
  const code = await runRemote(inv, {
    request: streamRequest(pod, 'attach', { container: container.name, stdin: o.stdin, tty: !!terminal }),
    stdin: o.stdin,
    terminal,
    stderr: !terminal,
  });
  if (code === 130 && !terminal) return code;
  if (!o.quiet && o.stdin && terminal && pod.spec?.restartPolicy === 'Always') {
    const named = (list?: { name: string }[]) => (list ?? []).some((c) => c.name === container.name);
    const ephemeral = named(pod.spec?.ephemeralContainers) && !named(pod.spec?.containers) && !named(pod.spec?.initContainers);
    inv.stdout.write(
      ephemeral
        ? `Session ended, the ephemeral container will not be restarted but may be reattached using '${o.commandName} ${pod.metadata.name} -c ${container.name} -i -t' if it is still running\n`
        : `Session ended, resume using '${o.commandName} ${pod.metadata.name} -c ${container.name} -i -t' command when the pod is running\n`,
    );
  }
  return code;
}
