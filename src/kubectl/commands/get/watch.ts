// kubectl get -w / --watch-only (get.go watch): print the current list (unless --watch-only),
// then one row per watch event through the same printer and tab writer, so columns stay aligned
// with the first header; stops when the process is interrupted.

import type { KObject, Table, WatchEvent } from '../../../cluster/apiserver/types.ts';
import type { Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { printObject } from '../../printers/printflags.ts';
import { HumanReadablePrinter } from '../../printers/table.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import { resourcePath, TABLE_ACCEPT } from '../../resource/rest.ts';
import type { GetOptions } from './index.ts';

export async function watchResources(o: GetOptions, inv: Invocation): Promise<number> {
  if (o.requests.length !== 1 || o.requests[0].names.length > 1)
    throw new CmdError(`watch is only supported on individual resources and resource collections, but ${o.requests.length} resources were found`);
  const req = o.requests[0];
  const ns = o.allNamespaces ? undefined : o.namespace;
  const path = resourcePath(req.mapping, ns);
  const query: Record<string, string> = {};
  if (o.labelSelector) query.labelSelector = o.labelSelector;
  const fieldSelectors = [o.fieldSelector, req.names.length ? `metadata.name=${req.names[0]}` : ''].filter(Boolean);
  if (fieldSelectors.length) query.fieldSelector = fieldSelectors.join(',');
  const human = o.output.kind === 'table';
  const rest = inv.rest();
  const w = new TabWriter(inv.stdout);
  const printer = new HumanReadablePrinter({
    noHeaders: o.noHeaders,
    wide: o.output.kind === 'table' && o.output.wide,
    withNamespace: o.allNamespaces && req.mapping.namespaced,
    showLabels: o.showLabels,
    columnLabels: o.labelColumns,
  });
  const headers = human ? { accept: TABLE_ACCEPT } : undefined;
  const eventType = (t: string) => (o.outputWatchEvents ? t : undefined);

  const list = rest.get<Table & KObject>(path, query, headers);
  const resourceVersion = list.metadata?.resourceVersion ?? '';
  if (!o.watchOnly) {
    if (human) {
      printer.print(o.outputWatchEvents ? list : list, w, eventType('ADDED'));
      if ((list as Table).rows.length === 0 && !o.outputWatchEvents) inv.stderr.write(noResources(o, req.mapping.namespaced));
    } else for (const item of (list as KObject).items ?? []) inv.stdout.write(printObject(o.output, item));
    w.flush();
  }

  const lastRows = new Map<string, Table>();
  const onEvent = (e: WatchEvent) => {
    if (e.type === 'BOOKMARK') return;
    if (!human) return void inv.stdout.write(printObject(o.output, e.object));
    let table: Table | undefined;
    if ((e.object as unknown as Table).kind === 'Table') table = e.object as unknown as Table;
    else {
      const name = e.object.metadata.name ?? '';
      const key = `${e.object.metadata.namespace ?? ''}/${name}`;
      try {
        table = rest.get<Table>(resourcePath(req.mapping, e.object.metadata.namespace, name), {}, headers);
        lastRows.set(key, table);
      } catch {
        table = lastRows.get(key); // deleted: print the last row we saw
      }
    }
    if (table) printer.print(structuredClone(table), w, eventType(e.type));
    w.flush();
  };
  const handle = rest.watch({ method: 'GET', path, query: { ...query, watch: 'true', resourceVersion }, headers }, onEvent);
  await new Promise<void>((resolve) => {
    if (inv.signal.aborted) return resolve();
    inv.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  handle.stop();
  return 130;
}

function noResources(o: GetOptions, namespaced: boolean): string {
  return namespaced && !o.allNamespaces ? `No resources found in ${o.namespace} namespace.\n` : 'No resources found\n';
}
