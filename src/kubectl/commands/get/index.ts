// kubectl get (kubectl pkg/cmd/get/get.go): tables from the server's Table for human output,
// objects (a `List` when more than one) for -o json|yaml|name|jsonpath, and -w/--watch streams.

import type { KObject, Table } from '../../../cluster/apiserver/types.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { AggregateError, ApiStatusError, CmdError } from '../../errors.ts';
import { parseCustomColumns, printCustomColumns } from '../../printers/customcolumns.ts';
import { executeJsonPathValues } from '../../printers/jsonpath.ts';
import { parseOutput, printObject, TemplateExecError, type OutputFormat } from '../../printers/printflags.ts';
import { HumanReadablePrinter } from '../../printers/table.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import { checkNamesAcrossNamespaces, parseResourceArgs, type ResourceRequest } from '../../resource/builder.ts';
import type { ApiResource } from '../../resource/discovery.ts';
import { kindGroup } from '../../resource/mapper.ts';
import { resourcePath, TABLE_ACCEPT } from '../../resource/rest.ts';
import { GET_FLAGS } from './flags.ts';
import { watchResources } from './watch.ts';

export interface GetOptions {
  requests: ResourceRequest[];
  output: OutputFormat;
  allNamespaces: boolean;
  namespace: string;
  labelSelector: string;
  fieldSelector: string;
  ignoreNotFound: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: string[];
  sortBy: string;
  watch: boolean;
  watchOnly: boolean;
  outputWatchEvents: boolean;
}

/** One fetched unit, like kubectl's resource.Info: a named object or a whole list. */
export interface Info {
  mapping: ApiResource;
  name?: string;
  table?: Table;
  object?: KObject;
}

export default defineCommand<GetOptions>({
  name: 'get',
  flags: GET_FLAGS,
  complete(inv) {
    const f = inv.flags;
    const output = parseOutput(f.string('output'), undefined, { template: f.string('template'), readFile: (p) => (inv.ctx.fs.isFile(p) ? inv.ctx.fs.readFile(p) : undefined) });
    if (inv.args.length === 0) {
      inv.stderr.write(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
      );
      throw inv.usageError(
        'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
      );
    }
    return {
      requests: parseResourceArgs(inv.args, inv.mapper()),
      output,
      allNamespaces: f.bool('all-namespaces'),
      namespace: inv.namespace,
      labelSelector: f.string('selector'),
      fieldSelector: f.string('field-selector'),
      ignoreNotFound: f.bool('ignore-not-found'),
      noHeaders: f.bool('no-headers'),
      showLabels: f.bool('show-labels'),
      labelColumns: f.strings('label-columns'),
      sortBy: f.string('sort-by'),
      watch: f.bool('watch'),
      watchOnly: f.bool('watch-only'),
      outputWatchEvents: f.bool('output-watch-events'),
    };
  },
  validate(o, inv) {
    // cli-runtime builder.go: names and selectors do not mix.
    if (o.requests.some((r) => r.names.length > 0) && o.labelSelector)
      throw new CmdError(
        inv.args.some((a) => a.includes('/'))
          ? 'selectors and the all flag cannot be used when passing resource/name arguments'
          : 'name cannot be provided when a selector is specified',
      );
    checkNamesAcrossNamespaces(o.requests, o.allNamespaces);
  },
  async run(o, inv) {
    if (o.watch || o.watchOnly) return watchResources(o, inv);
    if (o.output.kind === 'table' || o.output.kind === 'custom-columns') return printHuman(o, inv);
    return printGeneric(o, inv);
  },
});

function query(o: GetOptions, extra: Record<string, string> = {}): Record<string, string> {
  const q: Record<string, string> = { ...extra };
  if (o.labelSelector) q.labelSelector = o.labelSelector;
  if (o.fieldSelector) q.fieldSelector = o.fieldSelector;
  return q;
}

/** Fetch every request; NotFound errors on named objects are collected, not thrown. */
export function fetchInfos(o: GetOptions, inv: Invocation, asTable: boolean): { infos: Info[]; errors: Error[] } {
  const rest = inv.rest();
  const infos: Info[] = [];
  const errors: Error[] = [];
  const headers = asTable ? { accept: TABLE_ACCEPT } : undefined;
  const extra: Record<string, string> = asTable && o.sortBy ? { includeObject: 'Object' } : {};
  for (const req of o.requests) {
    const ns = o.allNamespaces && req.names.length === 0 ? undefined : o.namespace;
    if (req.names.length === 0) {
      const body = rest.list<Table | KObject>(req.mapping, ns, query(o, extra), headers);
      infos.push(asTable ? { mapping: req.mapping, table: body as Table } : { mapping: req.mapping, object: body as KObject });
      continue;
    }
    for (const name of req.names) {
      try {
        const body = rest.getNamed<Table | KObject>(req.mapping, ns, name, extra, headers);
        infos.push(asTable ? { mapping: req.mapping, name, table: body as Table } : { mapping: req.mapping, name, object: body as KObject });
      } catch (e) {
        if (e instanceof ApiStatusError && e.reason === 'NotFound' && o.ignoreNotFound) continue;
        errors.push(e as Error);
      }
    }
  }
  return { infos, errors };
}

function printHuman(o: GetOptions, inv: Invocation): number {
  const asTable = o.output.kind === 'table';
  const { infos, errors } = fetchInfos(o, inv, asTable);
  if (o.sortBy) for (const info of infos) sortInfo(info, o.sortBy);
  const kinds = new Set(infos.map((i) => kindGroup(i.mapping)));
  const printWithKind = kinds.size > 1;
  let written = 0;
  let ready = false; // separatorWriterWrapper: a blank line before the next group's first output
  const w = new TabWriter((s) => {
    if (s === '') return;
    if (ready) {
      inv.stdout.write('\n');
      ready = false;
    }
    written += s.length;
    inv.stdout.write(s);
  });
  let printer: HumanReadablePrinter | undefined;
  let lastMapping: ApiResource | undefined;
  let allNamespaced = !o.allNamespaces;
  let printedCustomHeader = false;
  for (const info of infos) {
    allNamespaced = allNamespaced && info.mapping.namespaced;
    if (info.mapping !== lastMapping) {
      w.flush();
      w.setRememberedWidths(null);
      if (lastMapping && !o.noHeaders && written > 0) ready = true;
      printer = new HumanReadablePrinter({
        noHeaders: o.noHeaders,
        wide: o.output.kind === 'table' && o.output.wide,
        withNamespace: o.allNamespaces && info.mapping.namespaced,
        withKind: printWithKind || inv.flags.bool('show-kind') ? kindGroup(info.mapping) : undefined,
        showLabels: o.showLabels,
        columnLabels: o.labelColumns,
      });
      printedCustomHeader = false;
      lastMapping = info.mapping;
    }
    if (info.table) printer!.print(info.table, w);
    else if (info.object && o.output.kind === 'custom-columns') {
      const objs = itemsOf(info.object);
      if (objs.length) {
        printCustomColumns(parseCustomColumns(o.output.spec), objs, w, o.noHeaders, printedCustomHeader);
        printedCustomHeader = true;
      }
    }
  }
  w.flush();
  if (written === 0 && !o.ignoreNotFound && errors.length === 0) {
    if (allNamespaced) inv.stderr.write(`No resources found in ${o.namespace} namespace.\n`);
    else inv.stderr.write('No resources found\n');
  }
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

function itemsOf(obj: KObject): KObject[] {
  const items = (obj as { items?: KObject[] }).items;
  return Array.isArray(items) ? items : [obj];
}

function printGeneric(o: GetOptions, inv: Invocation): number {
  const { infos, errors } = fetchInfos(o, inv, false);
  const singleItemImplied = o.requests.length === 1 && o.requests[0].names.length === 1;
  if (singleItemImplied && errors.length) throw errors[0];
  if (infos.length === 0 && o.ignoreNotFound) {
    if (errors.length) throw new AggregateError(errors);
    return 0;
  }
  let obj: KObject;
  if (singleItemImplied && infos.length === 1) obj = infos[0].object!;
  else {
    const items: KObject[] = [];
    for (const info of infos) items.push(...itemsOf(info.object!).map((it) => withTypeMeta(it, info.mapping)));
    if (o.sortBy) sortObjects(items, o.sortBy);
    obj = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } } as KObject;
  }
  try {
    inv.stdout.write(printObject(o.output, obj));
  } catch (e) {
    if (e instanceof TemplateExecError) inv.stdout.write(e.stdout);
    throw e;
  }
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

/** Items of a list carry no apiVersion/kind on the wire; kubectl's decoding restores them. */
function withTypeMeta(item: KObject, m: ApiResource): KObject {
  if (item.kind && item.apiVersion) return item;
  return { ...item, apiVersion: m.group ? `${m.group}/${m.version}` : m.version, kind: m.kind };
}

function sortKey(obj: unknown, sortBy: string): unknown {
  const t = /^\{.*\}$/.test(sortBy) ? sortBy : `{${sortBy}}`;
  return executeJsonPathValues(t, obj)[0];
}

function cmp(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function sortObjects(items: KObject[], sortBy: string): void {
  items.sort((x, y) => cmp(sortKey(x, sortBy), sortKey(y, sortBy)));
}

function sortInfo(info: Info, sortBy: string): void {
  if (info.table) info.table.rows.sort((x, y) => cmp(sortKey(x.object, sortBy), sortKey(y.object, sortBy)));
  else if (info.object && Array.isArray(info.object.items)) sortObjects(info.object.items, sortBy);
}
