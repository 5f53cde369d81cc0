// genericclioptions.PrintFlags for write commands: no -o prints `kind.group/name <operation>`
// (`deployment.apps/nginx created (dry run)`), `-o name` the same without the operation, `-o json`
// and `-o yaml` the object. The YAML printer is stateful: from the second object on it writes a
// `---` line first (cli-runtime printers/yaml.go).

import type { Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import type { KObject } from '../../../cluster/apiserver/types.ts';
import { printJson } from '../../printers/json.ts';
import { toYaml } from '../../printers/yaml.ts';
import type { DryRun } from '../../flags/write.ts';
import { goIndentJson } from '../../printers/goorder.ts';

const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';
const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'template', 'templatefile'];

export interface ObjectPrinter {
  readonly format: string;
  /** `typed`: the object is a Go struct in kubectl (JSON in struct order), not unstructured. */
  print(obj: KObject, opts?: { typed?: boolean }): void;
}

/** PrintFlags.Complete + PrintFlagsWithDryRunStrategy + ToPrinter. */
export function objectPrinter(inv: Invocation, operation: string, dryRun: DryRun): ObjectPrinter {
  const format = inv.flags.has('output') ? inv.flags.string('output') : '';
  const op = dryRun === 'client' ? `${operation} (dry run)` : dryRun === 'server' ? `${operation} (server dry run)` : operation;
  if (TEMPLATE_FORMATS.includes(format) || format.startsWith('jsonpath=') || format.startsWith('go-template=') || format.startsWith('template=') || format.startsWith('custom-columns'))
    throw new CmdError(`-o ${format.split('=')[0]} is not available in this sandbox for this command; use -o yaml or -o json`);
  if (!['', 'name', 'json', 'yaml'].includes(format))
    throw new CmdError(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED}`);
  let count = 0;
  return {
    format,
    print(obj, opts = {}) {
      const out = inv.stdout;
      switch (format) {
        case '':
          out.write(`${kindGroupOf(obj)}/${obj.metadata.name ?? ''} ${op}\n`);
          break;
        case 'name':
          out.write(`${kindGroupOf(obj)}/${obj.metadata.name ?? ''}\n`);
          break;
        case 'json':
          out.write(opts.typed ? goIndentJson(withoutManagedFields(inv, obj)) + '\n' : printJson(withoutManagedFields(inv, obj)));
          break;
        case 'yaml':
          if (count > 0) out.write('---\n');
          out.write(toYaml(withoutManagedFields(inv, obj)));
          break;
      }
      count++;
    },
  };
}

function withoutManagedFields(inv: Invocation, obj: KObject): KObject {
  if (inv.flags.has('show-managed-fields') && inv.flags.bool('show-managed-fields')) return obj;
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** `deployment.apps`, `pod`: the lower-case kind, then the group of apiVersion if any. */
export function kindGroupOf(obj: KObject): string {
  const gv = obj.apiVersion ?? '';
  const group = gv.includes('/') ? gv.slice(0, gv.indexOf('/')) : '';
  const kind = (obj.kind ?? '').toLowerCase();
  return group ? `${kind}.${group}` : kind;
}
