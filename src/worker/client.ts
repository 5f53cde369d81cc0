// The page's handle on the sandbox worker: the only place the UI touches the worker.

import * as Comlink from 'comlink';
import type { SandboxApi } from './protocol.ts';

export type Sandbox = Comlink.Remote<SandboxApi>;

export function startSandbox(): Sandbox {
  const worker = new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'sandbox' });
  return Comlink.wrap<SandboxApi>(worker);
}

/** Mark an object whose methods the worker calls back (terminal callbacks, summary listeners). */
export const callbacks = Comlink.proxy;
