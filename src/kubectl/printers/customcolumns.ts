// -o custom-columns=NAME:.metadata.name,IP:.status.podIP (kubectl pkg/cmd/get/customcolumn.go):
// each cell is every match of its JSONPath, printed with Go's fmt.Sprint and joined by commas;
// `<none>` when nothing matches.

import { CmdError } from '../errors.ts';
import { executeJsonPathValues } from './jsonpath.ts';
import { escapeTerminal } from './table.ts';
import type { TabWriter } from './tabwriter.ts';

export interface Column {
  header: string;
  path: string;
}

export function parseCustomColumns(spec: string): Column[] {
  if (spec === '') throw new CmdError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new CmdError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const path = part.slice(colon + 1);
    return { header: part.slice(0, colon), path: /^\{.*\}$/.test(path) ? path : `{${path.startsWith('.') ? path : '.' + path}}` };
  });
}

/** Go's fmt.Sprint of a decoded JSON value: `[a b]`, `map[k:v]`, `<nil>`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return '[' + v.map(goSprint).join(' ') + ']';
  if (typeof v === 'object')
    return 'map[' + Object.keys(v).sort().map((k) => `${k}:${goSprint((v as Record<string, unknown>)[k])}`).join(' ') + ']';
  return String(v);
}

export function printCustomColumns(cols: Column[], objs: unknown[], w: TabWriter, noHeaders: boolean, printedHeader: boolean): void {
  if (!noHeaders && !printedHeader) w.write(cols.map((c) => c.header).join('\t') + '\n');
  for (const o of objs) {
    let cells: string[];
    try {
      cells = cols.map((c) => {
        const vals = executeJsonPathValues(c.path, o);
        return vals.length === 0 ? '<none>' : vals.map((v) => escapeTerminal(goSprint(v))).join(',');
      });
    } catch (e) {
      // kubectl get's `defer w.Flush()`: what was written (the header, earlier rows) still prints.
      w.flush();
      throw e;
    }
    w.write(cells.join('\t') + '\n');
  }
}
