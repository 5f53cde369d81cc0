// -o name (cli-runtime pkg/printers/name.go): `kind/name` or `kind.group/name`, kind lower-cased.

import type { KObject } from '../../cluster/apiserver/types.ts';

export function printName(obj: KObject): string {
  const items = (obj as { items?: KObject[] }).items;
  if (Array.isArray(items)) return items.map(printName).join('');
  const slash = obj.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
  const kind = obj.kind.toLowerCase();
  // NamePrinter: `<unknown>` for an object without a name (`kubectl config view -o name`).
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata?.name || '<unknown>'}\n`;
}
