// The kubeconfig a learner changed with `kubectl config set-context`: written to
// $HOME/.kube/config in the shell's file system (as kubectl writes its own file) and read back
// over the host's kubeconfig on every run. Only what the sandbox models is kept: one cluster,
// one user, one context, and that context's namespace.

import { parse } from 'yaml';
import type { ProcessContext } from '../shell/program.ts';
import type { SandboxKubeconfig } from './config.ts';
import { toYaml } from './printers/yaml.ts';

export function kubeconfigPath(ctx: ProcessContext): string {
  return `${ctx.env.HOME || '/root'}/.kube/config`;
}

/** clientcmd api/v1 Config in its field order (what `config view -o json` prints). */
export function kubeconfigObject(c: SandboxKubeconfig): Record<string, unknown> {
  const context: Record<string, string> = { cluster: c.cluster, user: c.user };
  if (c.namespace) context.namespace = c.namespace;
  return {
    kind: 'Config',
    apiVersion: 'v1',
    clusters: [{ name: c.cluster, cluster: { server: c.server } }],
    users: [{ name: c.user, user: {} }],
    contexts: [{ name: c.currentContext, context }],
    'current-context': c.currentContext,
  };
}

/** The host's kubeconfig with the file's namespace for the same context, if the file has one. */
export function loadKubeconfig(ctx: ProcessContext, base: SandboxKubeconfig): SandboxKubeconfig {
  const path = kubeconfigPath(ctx);
  if (!ctx.fs?.isFile(path)) return base;
  let doc: { contexts?: Array<{ name?: string; context?: { namespace?: string } }> } | undefined;
  try {
    doc = parse(ctx.fs.readFile(path)) as typeof doc;
  } catch {
    return base;
  }
  const entry = doc?.contexts?.find((c) => c?.name === base.currentContext);
  if (!entry) return base;
  return { ...base, namespace: String(entry.context?.namespace ?? '') };
}

export function saveKubeconfig(ctx: ProcessContext, c: SandboxKubeconfig): void {
  const path = kubeconfigPath(ctx);
  ctx.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true });
  ctx.fs.writeFile(path, toYaml(kubeconfigObject(c)));
}
