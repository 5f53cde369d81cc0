// `-o` as kubectl's PrintFlags understand it: the format name, and its argument after `=`.

import { CmdError } from '../errors.ts';
import { goQuote } from '../flags/index.ts';
import { executeJsonPath, relaxedTemplate } from './jsonpath.ts';
import { printJson } from './json.ts';
import { printName } from './name.ts';
import { toYaml } from './yaml.ts';
import type { KObject } from '../../cluster/apiserver/types.ts';

export const GET_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath',
  'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
];

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' | 'yaml' | 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string };

export function parseOutput(o: string, allowed = GET_FORMATS): OutputFormat {
  const eq = o.indexOf('=');
  const name = eq < 0 ? o : o.slice(0, eq);
  const arg = eq < 0 ? '' : o.slice(eq + 1);
  if (name === '') return { kind: 'table', wide: false };
  if (allowed.includes(name)) {
    if (name === 'wide') return { kind: 'table', wide: true };
    if (name === 'json' || name === 'yaml' || name === 'name') return { kind: name };
    if (name === 'jsonpath' || name === 'jsonpath-as-json') {
      if (arg === '') throw new CmdError('template format specified but no template given');
      return { kind: 'jsonpath', template: relaxedTemplate(arg), asJson: name === 'jsonpath-as-json' };
    }
    if (name === 'custom-columns') return { kind: 'custom-columns', spec: arg };
    throw new CmdError(`-o ${name} is not available in this sandbox`);
  }
  throw new CmdError(`unable to match a printer suitable for the output format ${goQuote(o)}, allowed formats are: ${allowed.join(',')}`);
}

/** Print one object (or a List) in a non-table format. */
export function printObject(f: OutputFormat, obj: KObject): string {
  switch (f.kind) {
    case 'json':
      return printJson(obj);
    case 'yaml':
      return toYaml(obj);
    case 'name':
      return printName(obj);
    case 'jsonpath': {
      if (f.asJson) return printJson(JSON.parse('[' + executeJsonPath(f.template, obj) + ']'));
      return executeJsonPath(f.template, obj);
    }
    default:
      throw new Error(`printObject: ${f.kind} is printed by the caller`);
  }
}
