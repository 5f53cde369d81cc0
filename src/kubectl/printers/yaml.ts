// -o yaml: sigs.k8s.io/yaml (JSON → goyaml.v2): keys sorted, sequences not indented under their
// key, strings that would read back as another type (numbers, bools, null, timestamps) in double
// quotes, other strings that cannot be plain in single quotes, multi-line strings as literal
// blocks, lines folded at 80 columns.

import { Document, isScalar, visit } from 'yaml';
import { sortKeysDeep } from './json.ts';

/** Would goyaml.v2 resolve this plain scalar to something other than a string? */
export function resolvesToNonString(s: string): boolean {
  if (s === '' || s === '~' || /^(null|Null|NULL)$/.test(s)) return true;
  if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(s)) return true;
  if (/^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]*|[1-9][0-9_]*)$/.test(s)) return true; // ints
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true; // base 60
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return true; // floats
  if (/^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(s)) return true;
  if (/^\d{4}-\d\d?-\d\d?(([Tt]|[ \t]+)\d\d?:\d\d:\d\d(\.\d*)?([ \t]*(Z|[-+]\d\d?(:\d\d)?))?)?$/.test(s)) return true;
  return s === '<<';
}

export function toYaml(obj: unknown): string {
  const doc = new Document(sortKeysDeep(obj), { version: '1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      if (node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
      else if (resolvesToNonString(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  void isScalar;
  return doc.toString({ indentSeq: false, lineWidth: 80, minContentWidth: 0, singleQuote: true, nullStr: 'null' });
}
