// The files side of the worker's RPC endpoint. The worker serves FilesApi on the same comlink
// endpoint as SandboxApi (sandbox.worker.ts joins them), so the page's one handle reaches both.

import type { Remote } from 'comlink';
import type { Sandbox } from '../../worker/client.ts';
import type { FilesApi } from '../../worker/protocol.ts';

export type Files = Remote<FilesApi>;

export function filesApi(sandbox: Sandbox): Files {
  // SandboxApi does not list FilesApi (the host does not implement it), hence the cast.
  return sandbox as unknown as Files;
}

/** `~/svc.yaml` for a path under home, else the path itself. */
export function displayPath(path: string, home: string): string {
  if (path === home) return '~';
  return path.startsWith(home + '/') ? '~' + path.slice(home.length) : path;
}

/** A path as a shell word: quoted only when it has characters the shell would treat specially. */
export function shellPath(path: string, home: string): string {
  const shown = displayPath(path, home);
  if (/^[\w~./@%+=:,-]+$/.test(shown)) return shown;
  return `'${path.replace(/'/g, `'\\''`)}'`;
}
