// Go's %#v of decoded JSON (what kubectl prints when a jsonpath fails): maps are
// map[string]interface {}{"k":v, …} with sorted keys, lists []interface {}{…}, strings quoted the
// Go way, null interface {}(nil).

import { goQuote } from '../flags/index.ts';

export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV(o[k])}`).join(', ')}}`;
  }
  return String(v);
}
