// -o json: Go's json.MarshalIndent(obj, "", "    ") of an unstructured object, so map keys are
// sorted and <, >, & are escaped as Go's encoder does (cli-runtime pkg/printers/json.go).

export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort(goStringLess)) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeysDeep(x);
    }
    return out;
  }
  return v;
}

/** Go sorts map keys by bytes (UTF-8), which for our keys is code-unit order. */
function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function goJson(v: unknown, indent = '    '): string {
  return JSON.stringify(sortKeysDeep(v), null, indent)
    .replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function printJson(obj: unknown): string {
  return goJson(obj) + '\n';
}
