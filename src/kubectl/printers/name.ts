// -o name (cli-runtime pkg/printers/name.go): `kind/name` or `kind.group/name`, kind lower-cased.

import type { KObject } from '../../cluster/apiserver/types.ts';

/** `deployment.apps/web`: the lower-case kind, the group of apiVersion if any, the name. */
export function qualifiedName(obj: KObject): string {
  const gv = obj.apiVersion ?? '';
  const slash = gv.indexOf('/');
  const group = slash < 0 ? '' : gv.slice(0, slash);
  const kind = (obj.kind ?? '').toLowerCase();
  // NamePrinter: `<unknown>` for an object without a name (`kubectl config view -o name`).
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata?.name || '<unknown>'}`;
}

/** NamePrinter.PrintObj; `operation` is what write commands append (`created (dry run)`). */
export function printName(obj: KObject, operation = ''): string {
  const items = (obj as { items?: KObject[] }).items;
  if (Array.isArray(items)) return items.map((it) => printName(it, operation)).join('');
  return `${qualifiedName(obj)}${operation ? ` ${operation}` : ''}\n`;
}
