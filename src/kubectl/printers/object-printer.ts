// PrintFlags for the write commands (create, run, expose, apply, patch, set …; kubectl's
// PrintFlagsWithDryRunStrategy + ToPrinter): no -o prints the name printer's line with the
// operation (`deployment.apps/nginx created (dry run)`), -o name the same without it, and the
// other formats go through the framework's printers (printflags.ts). JSON and YAML leave
// managedFields out unless --show-managed-fields (JSONYamlPrintFlags); the YAML printer is
// stateful, writing `---` before every object after the first (cli-runtime printers/yaml.go).

import type { KObject } from '../../cluster/apiserver/types.ts';
import type { Invocation } from '../command.ts';
import type { DryRun } from '../flags/write.ts';
import { goIndentJson } from './goorder.ts';
import { printName } from './name.ts';
import { parseOutput, printObject, TemplateExecError } from './printflags.ts';

/** The formats PrintFlags offers when there is no table printer, in kubectl's (sorted) order. */
export const WRITE_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

export interface ObjectPrinter {
  /** The -o value as given ('' when absent). */
  readonly format: string;
  /** `typed`: the object is a Go struct in kubectl (JSON in struct order), not unstructured. */
  print(obj: KObject, opts?: { typed?: boolean }): void;
}

/** Parses -o and --template now (Complete's errors); prints each object as the command produces it. */
export function objectPrinter(inv: Invocation, operation: string, dryRun: DryRun): ObjectPrinter {
  const format = inv.flags.has('output') ? inv.flags.string('output') : '';
  const template = inv.flags.has('template') ? inv.flags.string('template') : '';
  const op = dryRun === 'client' ? `${operation} (dry run)` : dryRun === 'server' ? `${operation} (server dry run)` : operation;
  const output = parseOutput(format, WRITE_FORMATS, { template, readFile: (p) => (inv.ctx.fs.isFile(p) ? inv.ctx.fs.readFile(p) : undefined) });
  const keepManagedFields = inv.flags.has('show-managed-fields') && inv.flags.bool('show-managed-fields');
  let count = 0;
  const text = (obj: KObject, typed: boolean): string => {
    switch (output.kind) {
      case 'table': // no -o: the name printer with the operation
        return printName(obj, op);
      case 'json':
        return typed ? goIndentJson(strip(obj, keepManagedFields)) + '\n' : printObject(output, strip(obj, keepManagedFields));
      case 'yaml':
        return (count > 0 ? '---\n' : '') + printObject(output, strip(obj, keepManagedFields));
      default:
        return printObject(output, obj);
    }
  };
  return {
    format,
    print(obj, opts = {}) {
      try {
        inv.stdout.write(text(obj, opts.typed ?? false));
      } catch (e) {
        // A failed go-template has written its partial output and a debugging dump first.
        if (e instanceof TemplateExecError) inv.stdout.write(e.stdout);
        throw e;
      } finally {
        count++;
      }
    },
  };
}

function strip(obj: KObject, keep: boolean): KObject {
  if (keep || !obj.metadata?.managedFields) return obj;
  const { managedFields: _, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}
