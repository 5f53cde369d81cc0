// The hook `kubectl run -i/-t/--attach` calls once the pod exists (run.go handleAttachPod): wait
// for the pod to be Running and Ready, attach to it (attach/session.ts), or — when it has already
// completed, or attaching fails — print its logs instead.

import type { Invocation } from '../../command.ts';
import { ApiStatusError, CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { CORE, resourcePath } from '../../resource/rest.ts';
import { attachToPod } from '../attach/session.ts';
import { findOrDefaultContainer } from '../../polymorphic/attachable.ts';

export interface AttachRequest {
  pod: KObject;
  container: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  /** --pod-running-timeout, in ms. */
  timeoutMs: number;
}

export type AttachFn = (req: AttachRequest, inv: Invocation) => Promise<void>;

const POLL_MS = 500;

/** waitForPod with podRunningAndReady: the pod, or `completed` when it already ran to the end. */
async function waitRunningAndReady(inv: Invocation, ns: string, name: string, timeoutMs: number): Promise<{ pod: KObject; completed: boolean }> {
  for (let waited = 0; ; waited += POLL_MS) {
    let pod: KObject;
    try {
      pod = inv.rest().get<KObject>(resourcePath(CORE('pods'), ns, name));
    } catch (e) {
      if (e instanceof ApiStatusError && e.reason === 'NotFound') throw new ApiStatusError({ ...e.status, message: 'pods "" not found' });
      throw e;
    }
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return { pod, completed: true };
    const ready = (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
    if (phase === 'Running' && ready) return { pod, completed: false };
    if (waited >= timeoutMs) throw new CmdError('timed out waiting for the condition');
    try {
      await inv.ctx.sleep(POLL_MS);
    } catch {
      throw new CmdError('context canceled');
    }
  }
}

function printLogs(inv: Invocation, pod: KObject, container: string): void {
  const path = resourcePath(CORE('pods'), pod.metadata.namespace, pod.metadata.name) + '/log';
  inv.stdout.write(String(inv.rest().get<string>(path, { container }) ?? ''));
}

let attachImpl: AttachFn = async (req, inv) => {
  const ns = req.pod.metadata.namespace ?? inv.namespace;
  const name = req.pod.metadata.name!;
  const { pod, completed } = await waitRunningAndReady(inv, ns, name, req.timeoutMs);
  const container = () => findOrDefaultContainer(pod, req.container, req.quiet, inv.stderr).name;
  if (completed) return printLogs(inv, pod, container());
  try {
    await attachToPod(inv, pod, { container: req.container, stdin: req.stdin, tty: req.tty, quiet: req.quiet, commandName: 'kubectl attach' });
  } catch (e) {
    inv.stderr.write(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${(e as Error).message}\n`);
    printLogs(inv, pod, container());
  }
};

/** Tests may replace the attach step. */
export function setAttach(fn: AttachFn): void {
  attachImpl = fn;
}

export function attach(req: AttachRequest, inv: Invocation): Promise<void> {
  return attachImpl(req, inv);
}
