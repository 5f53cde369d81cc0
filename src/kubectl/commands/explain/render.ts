// Models kubectl 1.34's explain v2 plaintext template (pkg/explain/v2/templates/plaintext.tmpl)
// over an OpenAPI v3 document: the header, then "output" follows the field path through
// properties, array items, map values and allOf, and prints DESCRIPTION and FIELDS.
// Text is wrapped with kubectl's template wrap (go-wordwrap) and indented with sprig's indent.

import { CmdError } from '../../errors.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;
export interface OpenApiDoc {
  components?: { schemas?: Record<string, Schema> };
}
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/**
 * The template's `wrap`: kubectl's own (explain/v2/funcs.go), term.NewWordWrapWriter, i.e.
 * mitchellh/go-wordwrap's WrapString. It breaks only at white space, a newline in the text ends
 * the line, and a word longer than the limit runs past it.
 */
export function wrap(str: string, lim: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const ch of str) {
    const wordLen = [...word].length;
    if (ch === '\n') {
      if (word === '') {
        if (current + space.length <= lim) out += space;
      } else out += space + word;
      out += ch;
      current = 0;
      word = '';
      space = '';
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space === '' || word !== '') {
        current += space.length + wordLen;
        out += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      const n = wordLen + 1;
      if (current + space.length + n > lim && n < lim) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + space.length <= lim) out += space;
  } else out += space + word;
  return out;
}

/** sprig indent. */
export function indent(s: string, n: number): string {
  const pad = ' '.repeat(n);
  return pad + s.replaceAll('\n', '\n' + pad);
}

export class Explainer {
  constructor(private readonly doc: OpenApiDoc) {}

  resolve(ref: string | undefined): Schema | undefined {
    if (!ref) return undefined;
    const name = ref.replace('#/components/schemas/', '');
    // IntOrString and Quantity carry no `type` in v3 documents (a oneOf), so typeGuess names them.
    return this.doc.components?.schemas?.[name];
  }

  /** The template's output; `error` when it failed part way (`text` is what it wrote first). */
  render(gvk: Gvk, fieldPath: string[], recursive: boolean): { text: string; error?: CmdError } {
    let out = '';
    if (gvk.group) out += `GROUP:      ${gvk.group}\n`;
    out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
    const root = Object.values(this.doc.components?.schemas ?? {}).find((s) =>
      (s['x-kubernetes-group-version-kind'] ?? []).some((g: Gvk) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind),
    );
    if (!root) throw new CmdError(`GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema`);
    const body = this.output(root, fieldPath, recursive, new Set());
    if (!body) return { text: out, error: new CmdError(`field "${fieldPath[fieldPath.length - 1]}" does not exist`) };
    return { text: out + body + '\n' };
  }

  private output(schema: Schema, path: string[], recursive: boolean, history: Set<string>): string {
    const ref: string = schema.$ref ?? '';
    const next = new Set(history).add(ref);
    const resolved = this.resolve(ref) ?? schema;
    if (path.length === 0) {
      let s = 'DESCRIPTION:\n' + indent(wrap(this.description(resolved) || '<empty>', 76), 4) + '\n';
      const ext = this.externalDocs(resolved);
      if (ext) s += '\n' + ext;
      const fields = this.fieldList(resolved, 1, recursive, new Set());
      if (fields) s += 'FIELDS:\n' + fields;
      return s;
    }
    if (ref && history.has(ref)) return '';
    const sub = resolved.properties?.[path[0]];
    if (sub) {
      let s = '';
      if (path.length === 1) s += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.enumText(sub, true, -1, 0)}\n\n`;
      return s + this.output(sub, path.slice(1), recursive, new Set());
    }
    if (resolved.items) return this.output(resolved.items, path, recursive, next);
    if (isSchema(resolved.additionalProperties)) return this.output(resolved.additionalProperties, path, recursive, next);
    for (const alt of resolved.allOf ?? []) {
      const s = this.output(alt, path, recursive, next);
      if (s) return s;
    }
    return '';
  }

  private fieldList(schema: Schema, level: number, recursive: boolean, history: Set<string>): string {
    const ref: string = schema.$ref ?? '';
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const resolved = this.resolve(ref) ?? schema;
    let out = '';
    for (const k of Object.keys(resolved.properties ?? {}).sort()) {
      out += this.fieldDetail(k, resolved, recursive, level);
      if (recursive) out += this.fieldList(resolved.properties[k], level + 1, recursive, next);
    }
    for (const alt of resolved.allOf ?? []) out += this.fieldList(alt, level, recursive, next);
    if (resolved.items) out += this.fieldList(resolved.items, level, recursive, next);
    if (isSchema(resolved.additionalProperties)) out += this.fieldList(resolved.additionalProperties, level, recursive, next);
    return out;
  }

  private fieldDetail(name: string, schema: Schema, short: boolean, level: number): string {
    const n = level * 2;
    const field: Schema = schema.properties[name];
    let s = indent(name, n) + `\t<${this.typeGuess(field)}>`;
    if ((schema.required ?? []).includes(name)) s += ' -required-';
    s += this.enumText(field, false, 4, n) + '\n';
    if (!short) {
      s += indent(wrap(field.description || '<no description>', 78 - n), n + 2) + '\n';
      const ext = field.externalDocs;
      if (ext) {
        s += '\n' + indent('EXTERNAL DOCS:', n + 2) + '\n';
        if (ext.description) s += indent(wrap(ext.description, 76 - n), n + 4) + '\n';
        if (ext.url) s += indent(`URL: ${ext.url}`, n + 4) + '\n';
      }
      s += '\n';
    }
    return s;
  }

  /** The "description" template: the schema's own text, then its allOf, items and map values. */
  private description(schema: Schema): string {
    const s = this.resolve(schema.$ref) ?? schema;
    let out = s.description ? s.description + '\n' : '';
    for (const alt of s.allOf ?? []) out += this.description(alt);
    if (s.items) out += this.description(s.items);
    if (isSchema(s.additionalProperties)) out += this.description(s.additionalProperties);
    return out;
  }

  private externalDocs(schema: Schema): string {
    const ext = schema.externalDocs;
    if (!ext) return '';
    let s = 'EXTERNAL DOCS:\n';
    if (ext.description) s += indent(wrap(ext.description, 76), 4) + '\n';
    if (ext.url) s += indent(`URL: ${ext.url}`, 4) + '\n';
    return s;
  }

  typeGuess(schema: Schema): string {
    if (schema.items) return '[]' + this.typeGuess(schema.items);
    if (isSchema(schema.additionalProperties)) return 'map[string]' + this.typeGuess(schema.additionalProperties);
    if (schema.allOf && !schema.properties && schema.allOf.length === 1) return this.typeGuess(schema.allOf[0]);
    if (schema.$ref) {
      const refSchema = this.resolve(schema.$ref);
      if (!refSchema || !refSchema.type || refSchema.type === 'object') {
        const name = String(schema.$ref).split('/').pop() ?? '';
        return name.split('.').pop() || 'Object';
      }
      return refSchema.type;
    }
    if (schema.type === 'object') return 'Object';
    return schema.type || 'Object';
  }

  private enumText(schema: Schema, long: boolean, limit: number, indentAmount: number): string {
    const values: unknown[] | undefined = schema.enum;
    if (!values?.length) return '';
    let s = long ? 'ENUM:' : '\n' + ' '.repeat(indentAmount) + 'enum: ';
    for (let i = 0; i < values.length; i++) {
      if (limit > -1 && i >= limit) {
        s += ', ....';
        break;
      }
      if (i > 0 && !long) s += ', ';
      else if (long) s += '\n    ';
      s += values[i] === '' ? '""' : String(values[i]);
    }
    return s;
  }
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null;
}
