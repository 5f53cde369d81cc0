// Human-readable output from the server's metav1.Table, as cli-runtime's HumanReadablePrinter
// (pkg/printers/tableprinter.go, v0.34): decorateTable adds NAMESPACE (-A), `-L` label columns and
// LABELS (--show-labels) and prefixes names with `kind/` when several kinds are printed; priority>0
// columns only with -o wide; headers once per column set; cells escaped for the terminal.

import type { Table, TableColumnDefinition, TableRow } from '../../cluster/apiserver/types.ts';
import type { TabWriter } from './tabwriter.ts';

export interface TableOptions {
  noHeaders?: boolean;
  wide?: boolean;
  withNamespace?: boolean;
  /** Lower-cased `kind` or `kind.group` to prefix names with, when several kinds are printed. */
  withKind?: string;
  showLabels?: boolean;
  columnLabels?: string[];
}

export const EVENT_TYPE: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** printers.WriteEscaped: ESC and CR from user data cannot drive the terminal. */
export function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/** Go's fmt.Sprint for a JSON cell value. */
export function sprint(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

interface Meta {
  namespace?: string;
  labels?: Record<string, string>;
}

function rowMeta(row: TableRow): Meta | undefined {
  const o = row.object as { metadata?: Meta } | undefined;
  return o?.metadata;
}

/** decorateTable: returns new column definitions and rows. */
export function decorateTable(table: Table, o: TableOptions): { columns: TableColumnDefinition[]; rows: unknown[][] } {
  const labelCols = o.columnLabels ?? [];
  let columns = table.columnDefinitions;
  const width = columns.length + labelCols.length + (o.withNamespace ? 1 : 0) + (o.showLabels ? 1 : 0);
  let nameColumn = -1;
  if (o.withKind) nameColumn = columns.findIndex((c) => c.format === 'name' && c.type === 'string');
  if (width !== columns.length) {
    const str = (name: string): TableColumnDefinition => ({ name, type: 'string', format: '', description: '', priority: 0 });
    columns = [
      ...(o.withNamespace ? [str('Namespace')] : []),
      ...columns,
      ...labelCols.map((l) => str(l.split('/').pop()!.toUpperCase())),
      ...(o.showLabels ? [str('Labels')] : []),
    ];
  }
  const includeLabels = labelCols.length > 0 || !!o.showLabels;
  const rows = table.rows.map((row) => {
    let cells = [...row.cells];
    if (nameColumn >= 0) cells[nameColumn] = `${o.withKind}/${sprint(cells[nameColumn])}`;
    if (!(includeLabels || o.withNamespace)) return cells;
    const m = rowMeta(row);
    if (!m) {
      if (o.withNamespace) cells = [null, ...cells];
      while (cells.length < width) cells.push(null);
      return cells;
    }
    if (o.withNamespace) cells = [m.namespace ?? '', ...cells];
    if (includeLabels) {
      for (const k of labelCols) cells.push(m.labels?.[k] ?? '');
      if (o.showLabels) cells.push(formatLabels(m.labels));
    }
    return cells;
  });
  return { columns, rows };
}

/**
 * One HumanReadablePrinter: remembers the last column set, so a stream of tables (watch events)
 * prints the header once.
 */
export class HumanReadablePrinter {
  #lastColumns?: string;
  #printedHeaders = false;
  constructor(private readonly o: TableOptions) {}

  print(table: Table, w: TabWriter, eventType?: string): void {
    let noHeaders = !!this.o.noHeaders;
    const cols = JSON.stringify(table.columnDefinitions);
    if (this.#printedHeaders && (table.columnDefinitions.length === 0 || cols === this.#lastColumns)) noHeaders = true;
    if (table.columnDefinitions.length === 0 && this.#lastColumns) table = { ...table, columnDefinitions: JSON.parse(this.#lastColumns) };
    else if (cols !== this.#lastColumns) {
      this.#lastColumns = cols;
      this.#printedHeaders = false;
    }
    if (table.rows.length > 0) this.#printedHeaders = true;
    let { columns, rows } = decorateTable(table, this.o);
    if (eventType) {
      columns = [{ name: 'Event', type: 'string', format: '', description: '', priority: 0 }, ...columns];
      rows = rows.map((r) => [EVENT_TYPE[eventType] ?? eventType, ...r]);
    }
    printTable(columns, rows, w, { ...this.o, noHeaders });
  }
}

export function printTable(columns: TableColumnDefinition[], rows: unknown[][], w: TabWriter, o: TableOptions): void {
  const visible = (c: TableColumnDefinition) => o.wide || c.priority === 0;
  if (!o.noHeaders) {
    if (rows.length === 0) return;
    w.write(columns.filter(visible).map((c) => c.name.toUpperCase()).join('\t') + '\n');
  }
  for (const row of rows) {
    const out: string[] = [];
    row.forEach((cell, i) => {
      if (i >= columns.length || !visible(columns[i])) return;
      if (cell === null || cell === undefined) return void out.push('');
      if (typeof cell === 'string') {
        const brk = cell.search(/[\f\n\r]/);
        out.push(brk >= 0 ? escapeTerminal(cell.slice(0, brk)) + '...' : escapeTerminal(cell));
      } else out.push(escapeTerminal(sprint(cell)));
    });
    w.write(out.join('\t') + '\n');
  }
}
