// Reads what `kubectl apply -f FILE` printed and picks out the problems that belong to a place in
// the file: the API server's field errors (`The Service "web" is invalid: spec.ports[0].port: …`,
// one or a list), a kind the server does not know, unknown fields, and YAML syntax errors with
// their line. The editor puts each on its line (yaml-positions.ts finds it).

export interface ApplyProblem {
  /** The object it is about, when kubectl says (several documents may share a file). */
  kind?: string;
  name?: string;
  /** A field path as the API server writes it: spec.ports[0].port. */
  field?: string;
  /** A 1-based line, for YAML syntax errors. */
  line?: number;
  message: string;
}

/** k8s.io/apimachinery/pkg/util/validation/field: ErrorType.String(). */
const ERROR_TYPES = ['Not found', 'Required value', 'Duplicate value', 'Invalid value', 'Unsupported value', 'Forbidden', 'Too long', 'Too many', 'Internal error'];

/** spec.ports[0].port, metadata.labels[app.kubernetes.io/name] */
const PATH = String.raw`[A-Za-z_$][\w$-]*(?:\[[^\]]*\])*(?:\.[A-Za-z_$][\w$-]*(?:\[[^\]]*\])*)*`;
const FIELD_ERROR = new RegExp(`(${PATH}): (?=(?:${ERROR_TYPES.join('|')})\\b)`, 'g');

// "The Service "web" is invalid: …" (apply's own printing) and "Service "web" is invalid: …"
// (inside "Error from server (Invalid): error when creating …").
const INVALID = /(?:^|: |The )([A-Z]\w*) "([^"]+)" is invalid: ?(.*)$/;
const NO_KIND = /resource mapping not found for name: "([^"]*)" namespace: "[^"]*" from "[^"]*": no matches for kind "([^"]+)" in version "([^"]*)"/;
const YAML_LINE = /error converting YAML to JSON: yaml: line (\d+): (.*)$/;
const UNKNOWN_FIELD = /unknown field "([^"]+)"/g;
const CANNOT_HANDLE = /([A-Z]\w*) in version "[^"]*" cannot be handled as a \w+: (.*)$/;

/** Field errors from "[a: Invalid value: …, b: Required value]", "a: …" or the "* a: …" lines. */
function fieldErrors(text: string): { field: string; message: string }[] {
  const body = text.trim().replace(/^\[([\s\S]*)\]$/, '$1');
  const starts = [...body.matchAll(FIELD_ERROR)];
  return starts.map((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : body.length;
    const message = body
      .slice(m.index, end)
      .replace(/(,\s*|\s*\n\*\s*)$/, '')
      .trim();
    return { field: m[1], message };
  });
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function applyProblems(output: string): ApplyProblem[] {
  const lines = output.replace(ANSI, '').replace(/\r/g, '').split('\n');
  const out: ApplyProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let m: RegExpMatchArray | null;
    if ((m = line.match(INVALID))) {
      const [, kind, name, rest] = m;
      // A list of several errors continues on "* field: …" lines.
      let text = rest;
      while (i + 1 < lines.length && lines[i + 1].startsWith('* ')) text += '\n' + lines[++i];
      const errors = fieldErrors(text);
      if (errors.length === 0) out.push({ kind, name, message: line.trim() });
      for (const e of errors) out.push({ kind, name, field: e.field, message: e.message });
    } else if ((m = line.match(NO_KIND))) {
      out.push({ name: m[1] || undefined, kind: m[2], field: 'kind', message: `no matches for kind "${m[2]}" in version "${m[3]}"` });
    } else if ((m = line.match(YAML_LINE))) {
      out.push({ line: Number(m[1]), message: `yaml: line ${m[1]}: ${m[2]}` });
    } else if ((m = line.match(CANNOT_HANDLE))) {
      const unknown = [...m[2].matchAll(UNKNOWN_FIELD)];
      for (const u of unknown) out.push({ kind: m[1], field: u[1], message: `unknown field "${u[1]}"` });
      if (unknown.length === 0) out.push({ kind: m[1], message: m[2] });
    } else if (/^Warning: unknown field "/.test(line)) {
      for (const u of line.matchAll(UNKNOWN_FIELD)) out.push({ field: u[1], message: `unknown field "${u[1]}"` });
    }
  }
  return out;
}
