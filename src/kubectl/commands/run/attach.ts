// The hook `kubectl run -i/-t/--attach` calls once the pod exists. Attaching (a shell session
// inside the pod's simulated container) belongs to a later piece of work; until then this
// waits for the pod to run, as kubectl does, and then reports honestly that it cannot attach.

import type { Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';

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

let attachImpl: AttachFn = async () => {
  throw new CmdError('attaching to a container is not available in this sandbox yet; use `kubectl logs` or `kubectl exec` instead').withHint(
    'the pod was created and keeps running; delete it with `kubectl delete pod <name>` when you are done.',
  );
};

/** Later code (the shell's session inside a pod) installs the real attach here. */
export function setAttach(fn: AttachFn): void {
  attachImpl = fn;
}

export function attach(req: AttachRequest, inv: Invocation): Promise<void> {
  return attachImpl(req, inv);
}
