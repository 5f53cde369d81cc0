// One YAML (or JSON) document to JSON, as sigs.k8s.io/yaml's YAMLToJSON does over go-yaml v2,
// with go-yaml's error wording: the `yaml` package finds the mistake, and we name it as libyaml
// would. Line numbers follow go-yaml v2's parser.fail(): scanner errors report the 1-based line of
// the problem, parser errors its 0-based line (so one less), which is what kubectl prints.

import { parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions, type YAMLError } from 'yaml';

export class YamlSyntaxError extends Error {}

/** go-yaml v2 (YAML 1.1 with `yes`/`on` booleans) but timestamps stay strings, as they do in an interface{}. */
const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  uniqueKeys: false,
  customTags: (tags) => tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
};

/** Parse one document (text between `---` lines); null for an empty document. */
export function yamlToJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // YAMLOrJSONDecoder reads JSON-looking input as JSON; when that fails it retries as YAML
    // (a trailing comma is valid flow YAML) and reports the JSON error if both fail.
    try {
      return JSON.parse(trimmed);
    } catch {
      try {
        return parseYaml(text);
      } catch {
        throw new YamlSyntaxError(goJsonSyntaxError(trimmed));
      }
    }
  }
  return parseYaml(text);
}

function parseYaml(text: string): unknown {
  const doc = parseDocument(text, OPTIONS);
  const err = doc.errors[0];
  if (err) throw new YamlSyntaxError(`error converting YAML to JSON: yaml: ${goYamlMessage(err, text)}`);
  const v = doc.toJS({ maxAliasCount: 100 }) as unknown;
  return v === undefined ? null : v;
}

function lineOf(text: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

function goYamlMessage(err: YAMLError, text: string): string {
  const pos = err.pos[0];
  const line = err.linePos?.[0].line ?? lineOf(text, pos);
  const scanner = (l: number, msg: string) => `line ${l}: ${msg}`;
  const parser = (l: number, msg: string) => (l - 1 > 0 ? `line ${l - 1}: ${msg}` : msg);
  const m = err.message;
  if (err.code === 'TAB_AS_INDENT') return scanner(line, 'found character that cannot start any token');
  if (m.startsWith('Missing closing')) return scanner(lineOf(text, text.length), 'found unexpected end of stream');
  if (m.startsWith('Nested mappings are not allowed')) {
    // libyaml stops at the `:` that may not start a mapping here (the value ran on into it).
    const rest = text.slice(pos);
    const colon = rest.search(/:(\s|$)/);
    return scanner(lineOf(text, colon < 0 ? pos : pos + colon), 'mapping values are not allowed in this context');
  }
  if (m.startsWith('Flow map')) return parser(line, "did not find expected ',' or '}'");
  if (m.startsWith('Flow sequence')) return parser(line, "did not find expected ',' or ']'");
  if (err.code === 'BAD_INDENT' || err.code === 'BLOCK_AS_IMPLICIT_KEY' || m.startsWith('Sequence item without'))
    return parser(line, 'did not find expected key');
  if (m.startsWith('Implicit map keys need to be followed')) return scanner(line + 1, 'could not find expected \':\'');
  return parser(line, 'did not find expected key');
}

/**
 * Go's encoding/json syntax errors as YAMLOrJSONDecoder words them (`json: offset N: invalid
 * character 'x' after object key:value pair`): a small scanner with Go's state names.
 */
export function goJsonSyntaxError(s: string): string {
  let i = 0;
  const fail = (context: string) => {
    const c = s[i];
    const ch = c === undefined ? '' : c === "'" ? "\\'" : c === '"' ? '"' : c;
    if (c === undefined) return `json: offset ${i}: unexpected end of JSON input`;
    return `json: offset ${i + 1}: invalid character '${ch}' ${context}`;
  };
  const ws = () => {
    while (i < s.length && ' \t\r\n'.includes(s[i])) i++;
  };
  const value = (): string | null => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return (i++, null);
      for (;;) {
        ws();
        if (s[i] !== '"') return fail('looking for beginning of object key string');
        const e = str();
        if (e) return e;
        ws();
        if (s[i] !== ':') return fail('after object key');
        i++;
        const v = value();
        if (v) return v;
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '}') return (i++, null);
        return fail('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return (i++, null);
      for (;;) {
        const v = value();
        if (v) return v;
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ']') return (i++, null);
        return fail('after array element');
      }
    }
    if (c === '"') return str();
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?)/.exec(s.slice(i));
    if (lit) {
      i += lit[0].length;
      return null;
    }
    return fail('looking for beginning of value');
  };
  const str = (): string | null => {
    i++;
    while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    if (i >= s.length) return fail('');
    i++;
    return null;
  };
  const e = value();
  if (e) return e;
  ws();
  return i < s.length ? fail('after top-level value') : 'json: invalid JSON';
}
