// `-o` as kubectl's PrintFlags understand it: the format name, and its argument after `=`.

import { CmdError } from '../errors.ts';
import { goQuote } from '../flags/index.ts';
import { executeJsonPath, JsonPathError, parseTemplate, relaxedTemplate } from './jsonpath.ts';
import { goSharpV } from './gosyntax.ts';
import { printJson } from './json.ts';
import { printName } from './name.ts';
import { toYaml } from './yaml.ts';
import type { KObject } from '../../cluster/apiserver/types.ts';
import { executeGoTemplate, GoTemplateError, parseGoTemplate, type GoTemplate } from './go-template.ts';
import { goSprint } from './customcolumns.ts';
import { goJson } from './json.ts';

export const GET_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath',
  'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
];

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' | 'yaml' | 'name' }
  /** `raw`: the template as given (kubectl's messages quote it unrelaxed). */
  | { kind: 'jsonpath'; template: string; asJson: boolean; raw?: string }
  | { kind: 'custom-columns'; spec: string }
  | { kind: 'go-template'; template: GoTemplate };

/** The --template flag and a file reader for -o go-template-file (template_flags.go). */
export interface TemplateSource {
  template?: string;
  readFile?(path: string): string | undefined;
}

const GO_TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];

export function parseOutput(o: string, allowed = GET_FORMATS, tpl: TemplateSource = {}): OutputFormat {
  // PrintFlags.ToPrinter: --template without -o means go-template.
  if (o === '' && tpl.template) o = 'go-template';
  const eq = o.indexOf('=');
  const name = eq < 0 ? o : o.slice(0, eq);
  const arg = eq < 0 ? '' : o.slice(eq + 1);
  if (name === '') return { kind: 'table', wide: false };
  if (allowed.includes(name)) {
    if (name === 'wide') return { kind: 'table', wide: true };
    if (name === 'json' || name === 'yaml' || name === 'name') return { kind: name };
    if (name === 'jsonpath' || name === 'jsonpath-as-json') {
      if (arg === '') throw new CmdError('template format specified but no template given');
      const template = relaxedTemplate(arg);
      try {
        parseTemplate(template);
      } catch (e) {
        // jsonpath_flags.go: fmt.Errorf("error parsing jsonpath %s, %v\n", templateValue, err)
        if (e instanceof JsonPathError) throw new CmdError(`error parsing jsonpath ${arg}, ${e.message}\n`);
        throw e;
      }
      return { kind: 'jsonpath', template, asJson: name === 'jsonpath-as-json', raw: arg };
    }
    if (name === 'custom-columns') return { kind: 'custom-columns', spec: arg };
    if (GO_TEMPLATE_FORMATS.includes(name)) return { kind: 'go-template', template: goTemplateFrom(name, tpl.template || arg, tpl) };
    throw new CmdError(`-o ${name} is not available in this sandbox`);
  }
  throw new CmdError(`unable to match a printer suitable for the output format ${goQuote(o)}, allowed formats are: ${allowed.join(',')}`);
}

/** GoTemplatePrintFlags.ToPrinter: the template text (or file), parsed. */
function goTemplateFrom(format: string, value: string, tpl: TemplateSource): GoTemplate {
  if (value === '') throw new CmdError('template format specified but no template given');
  let text = value;
  if (format === 'go-template-file' || format === 'templatefile') {
    const data = tpl.readFile?.(value);
    if (data === undefined) throw new CmdError(`error reading --template ${value}, open ${value}: no such file or directory\n`);
    text = data;
  }
  try {
    return parseGoTemplate(text);
  } catch (e) {
    if (e instanceof GoTemplateError) throw new CmdError(`error parsing template ${text}, ${e.message}\n`);
    throw e;
  }
}

/** A failed go-template: kubectl has already written the partial output and a debugging dump to stdout. */
export class TemplateExecError extends CmdError {
  constructor(
    message: string,
    readonly stdout: string,
  ) {
    super(message);
  }
}

/** GoTemplatePrinter.PrintObj: the object as JSON decoded (whole numbers as int64), then the template. */
function printGoTemplate(t: GoTemplate, obj: KObject): string {
  const raw = goJson(obj, '');
  const data: unknown = JSON.parse(raw);
  const r = executeGoTemplate(t, data);
  if (r.error === undefined) return r.out;
  const dump =
    `Error executing template: ${r.error}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${t.raw}\n\traw data was:\n\t\t${raw}\n\tobject given to template engine was:\n\t\t${goSprint(data)}\n\n`;
  throw new TemplateExecError(`error executing template ${goQuote(t.raw)}: ${r.error}`, r.out + dump);
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
      let out: string;
      try {
        out = executeJsonPath(f.template, obj);
      } catch (e) {
        if (e instanceof JsonPathError) throw jsonPathExecError(f.raw ?? f.template, e, obj);
        throw e;
      }
      return f.asJson ? printJson(JSON.parse('[' + out + ']')) : out;
    }
    case 'go-template':
      return printGoTemplate(f.template, obj);
    default:
      throw new Error(`printObject: ${f.kind} is printed by the caller`);
  }
}

/** cli-runtime's JSONPathPrinter.PrintObj error, object dump included, exactly as kubectl 1.34 prints it. */
function jsonPathExecError(raw: string, e: JsonPathError, obj: KObject): CmdError {
  return new CmdError(
    `error executing jsonpath ${goQuote(raw)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${raw}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n\n`,
  );
}
