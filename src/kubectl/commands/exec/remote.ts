// kubectl's side of exec and attach (remotecommand's StreamWithContext and term.TTY): open the
// stream, carry stdin (or the terminal, in TTY mode) to it and its output back, and turn its
// end into kubectl's result — nothing, `command terminated with exit code N` (with that exit
// code), `error: unable to upgrade connection: …`, or `Error from server (…): …`.

import type { ApiRequest, Status } from '../../../cluster/apiserver/types.ts';
import type { Terminal } from '../../../shell/terminal.ts';
import type { Invocation } from '../../command.ts';
import { ApiStatusError, CmdError, RawError } from '../../errors.ts';
import { CTRL_C, CTRL_D, PROMPT_CHANNEL, exitCodeOf, isUpgradeFailure } from './protocol.ts';

export interface RemoteOptions {
  request: ApiRequest;
  stdin: boolean;
  /** The terminal to carry (TTY mode), when -t was asked for and stdin is one. */
  terminal?: Terminal;
  /** Where stderr goes; TTY mode merges it into stdout, as a raw terminal does. */
  stderr: boolean;
}

/** `command terminated with exit code N`: utilexec.ExitError, printed bare with code N. */
export function exitError(code: number): RawError {
  const e = new RawError(`command terminated with exit code ${code}`);
  e.exitCode = code;
  return e;
}

export function statusError(status: Status): Error {
  const code = exitCodeOf(status);
  if (code !== undefined) return exitError(code);
  if (isUpgradeFailure(status)) return new CmdError(`unable to upgrade connection: ${status.message ?? ''}`);
  return new ApiStatusError(status);
}

/** Runs the stream to its end. Resolves with the process's status, or 130 after Ctrl+C (non-TTY). */
export function runRemote(inv: Invocation, o: RemoteOptions): Promise<number> {
  const term = o.terminal;
  return new Promise<number>((resolve, reject) => {
    let finished = false;
    let swallowCaret = false;
    const cleanups: (() => void)[] = [];
    const finish = (f: () => void) => {
      if (finished) return;
      finished = true;
      for (const c of cleanups) c();
      f();
    };
    const handle = inv.client().stream(o.request, {
      data(chunk, channel) {
        if (finished) return;
        if ((channel as string) === PROMPT_CHANNEL) {
          if (!term) return;
          void term.readLine(chunk).then((line) => {
            if (!finished) handle.write(line === null ? CTRL_D : line + '\n');
          });
          return;
        }
        if (swallowCaret && chunk.startsWith('^C\n')) {
          swallowCaret = false;
          chunk = chunk.slice(3);
          if (chunk === '') return;
        }
        if (channel === 'stderr' && !term) inv.stderr.write(chunk);
        else inv.stdout.write(chunk);
      },
      end(status) {
        finish(() => {
          if (!status || status.status === 'Success') resolve(0);
          else reject(statusError(status));
        });
      },
    });
    if (finished) return;
    if (term) {
      // Raw mode: Ctrl+C is a byte for the remote side, not a signal for kubectl. The shell around
      // kubectl has already echoed `^C` for the first one (and aborted our signal, which a raw
      // terminal would not do): the remote shell's own echo of that one is dropped.
      let first = true;
      cleanups.push(
        term.onInterrupt(() => {
          swallowCaret = first && inv.signal.aborted;
          first = false;
          handle.write(CTRL_C);
          swallowCaret = false;
        }),
      );
      return;
    }
    const onAbort = () =>
      finish(() => {
        handle.close();
        resolve(130);
      });
    inv.signal.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => inv.signal.removeEventListener('abort', onAbort));
    if (!o.stdin) return;
    void (async () => {
      for (;;) {
        let chunk: string | null;
        try {
          chunk = await inv.ctx.stdin.read();
        } catch {
          return;
        }
        if (finished) return;
        if (chunk === null) return handle.closeWrite();
        handle.write(chunk);
      }
    })();
  });
}
