// One DELETE and its line (`pod "x" deleted from default namespace`, DeleteOptions.PrintObj in
// kubectl 1.34), shared by `kubectl delete` and `kubectl run --rm`.

import type { Invocation } from '../../command.ts';
import { ApiStatusError } from '../../errors.ts';
import { resourcePath, type ResourceRef } from '../../resource/rest.ts';

export interface DeleteLine {
  kind: string;
  group: string;
  name: string;
  namespace: string;
  namespaced: boolean;
}

export function deleteLine(d: DeleteLine, o: { gracePeriod: number; dryRun: string; output: string }): string {
  const kindString = d.group ? `${d.kind.toLowerCase()}.${d.group}` : d.kind.toLowerCase();
  if (o.output === 'name') return `${kindString}/${d.name}\n`;
  let op = o.gracePeriod === 0 ? 'force deleted' : 'deleted';
  if (d.namespaced) op += ` from ${d.namespace} namespace`;
  if (o.dryRun === 'client') op += ' (dry run)';
  else if (o.dryRun === 'server') op += ' (server dry run)';
  return `${kindString} "${d.name}" ${op}\n`;
}

/** run --rm's cleanup: IgnoreNotFound, no wait, default grace period. */
export function deleteOne(inv: Invocation, ref: ResourceRef, namespace: string, name: string, quiet: boolean): void {
  try {
    inv.rest().request({ method: 'DELETE', path: resourcePath(ref, namespace, name), body: { propagationPolicy: 'Background' } });
  } catch (e) {
    if (e instanceof ApiStatusError && e.reason === 'NotFound') return;
    throw e;
  }
  if (!quiet) {
    const plural = ref.resource ?? ref.name ?? '';
    const kind = plural === 'pods' ? 'Pod' : plural === 'services' ? 'Service' : plural;
    inv.stdout.write(deleteLine({ kind, group: ref.group, name, namespace, namespaced: ref.namespaced }, { gracePeriod: -1, dryRun: 'none', output: '' }));
  }
}
