// The page's handle on the sandbox worker: the only place the UI touches the worker.

import * as Comlink from 'comlink';
import type { SandboxApi } from './protocol.ts';

export type Sandbox = Comlink.Remote<SandboxApi>;

let instance: Sandbox | undefined;

/** The page's one sandbox worker, started on first call (boot.ts calls it before the app loads). */
export function sandbox(): Sandbox {
  if (!instance) {
    const worker = new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'sandbox' });
    instance = Comlink.wrap<SandboxApi>(worker);
  }
  return instance;
}

/** Mark an object whose methods the worker calls back (terminal callbacks, summary listeners). */
export const callbacks = Comlink.proxy;
