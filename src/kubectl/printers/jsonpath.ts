// The Kubernetes JSONPath dialect (client-go util/jsonpath): text with `{...}` actions — fields
// `.a.b`, `['a']`, `[*]`, `[n]`, `[s:e]`, `..x` (recursive), filters `[?(@.x=="y")]`, `range`/`end`,
// quoted text `{"\n"}`. Results of one action are joined with spaces; maps and lists print as
// Go's json.Marshal would (keys sorted, compact).

import { goJson } from './json.ts';

type Node =
  | { t: 'text'; s: string }
  | { t: 'path'; steps: Step[] }
  | { t: 'range'; steps: Step[]; body: Node[] };
type Step =
  | { k: 'field'; name: string }
  | { k: 'recursive'; name: string }
  | { k: 'index'; start?: number; end?: number; single: boolean; all: boolean }
  | { k: 'filter'; left: Step[]; op?: string; right?: string | number | Step[] };

export class JsonPathError extends Error {}

export function parseTemplate(template: string): Node[] {
  const stack: Node[][] = [[]];
  const ranges: Array<{ t: 'range'; steps: Step[]; body: Node[] }> = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ t: 'text', s: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ t: 'text', s: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) throw new JsonPathError(`unclosed action`);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (/^"(.*)"$/s.test(action) || /^'(.*)'$/s.test(action)) {
      stack[stack.length - 1].push({ t: 'text', s: unquote(action) });
    } else if (action.startsWith('range ')) {
      const r = { t: 'range' as const, steps: parsePath(action.slice(6).trim()), body: [] };
      stack[stack.length - 1].push(r);
      ranges.push(r);
      stack.push(r.body);
    } else if (action === 'end') {
      if (!ranges.pop()) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else {
      stack[stack.length - 1].push({ t: 'path', steps: parsePath(action) });
    }
  }
  return stack[0];
}

function findClose(s: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

function unquote(q: string): string {
  const body = q.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

function parsePath(src: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  if (src.startsWith('$')) i = 1;
  if (src === '@') return steps;
  while (i < src.length) {
    if (src.startsWith('..', i)) {
      const m = /^[\w-]+/.exec(src.slice(i + 2));
      steps.push({ k: 'recursive', name: m ? m[0] : '' });
      i += 2 + (m ? m[0].length : 0);
    } else if (src[i] === '.') {
      // `\.` escapes a dot inside a key (kubectl\.kubernetes\.io/…), as client-go's parseField.
      const m = /^(?:\\.|[^.[\]\\])*/.exec(src.slice(i + 1))!;
      if (m[0] !== '') steps.push({ k: 'field', name: m[0].replace(/\\(.)/g, '$1') });
      i += 1 + m[0].length;
    } else if (src[i] === '[') {
      const close = matchBracket(src, i);
      const inner = src.slice(i + 1, close).trim();
      i = close + 1;
      if (inner.startsWith('?(')) steps.push(parseFilter(inner.slice(2, -1)));
      else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ k: 'field', name: inner.slice(1, -1) });
      else if (inner === '*') steps.push({ k: 'index', all: true, single: false });
      else {
        const parts = inner.split(':').map((p) => (p.trim() === '' ? undefined : Number(p)));
        if (parts.some((p) => p !== undefined && Number.isNaN(p))) throw new JsonPathError(`invalid array index ${inner}`);
        steps.push({ k: 'index', start: parts[0], end: parts.length > 1 ? parts[1] : undefined, single: parts.length === 1, all: false });
      }
    } else {
      const m = /^[^.[\]]+/.exec(src.slice(i))!;
      steps.push({ k: 'field', name: m[0] });
      i += m[0].length;
    }
  }
  return steps;
}

function matchBracket(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new JsonPathError(`unterminated array`);
}

function parseFilter(expr: string): Step {
  const m = /^\s*(@[^<>=!\s]*)\s*(==|!=|<=|>=|<|>)\s*(.+?)\s*$/.exec(expr);
  if (!m) return { k: 'filter', left: parsePath(expr.trim().replace(/^@/, '')) };
  const rightSrc = m[3];
  let right: string | number | Step[];
  if (/^'.*'$|^".*"$/.test(rightSrc)) right = rightSrc.slice(1, -1);
  else if (/^-?\d+(\.\d+)?$/.test(rightSrc)) right = Number(rightSrc);
  else right = parsePath(rightSrc.replace(/^@/, ''));
  return { k: 'filter', left: parsePath(m[1].replace(/^@/, '')), op: m[2], right };
}

function walk(values: unknown[], steps: Step[], allowMissing: boolean): unknown[] {
  let cur = values;
  for (const st of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (st.k === 'field') {
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          if (st.name === '*') next.push(...Object.keys(v).sort().map((k) => (v as Record<string, unknown>)[k]));
          else if (st.name in v) next.push((v as Record<string, unknown>)[st.name]);
          else if (!allowMissing) throw new JsonPathError(`${st.name} is not found`);
        }
      } else if (st.k === 'recursive') {
        const visit = (x: unknown) => {
          if (Array.isArray(x)) x.forEach(visit);
          else if (x && typeof x === 'object') {
            if (st.name in x) next.push((x as Record<string, unknown>)[st.name]);
            Object.keys(x).sort().forEach((k) => visit((x as Record<string, unknown>)[k]));
          }
        };
        visit(v);
      } else if (st.k === 'index') {
        if (!Array.isArray(v)) continue;
        if (st.all) next.push(...v);
        else next.push(...sliceLikeClientGo(v, st));
      } else {
        const items = Array.isArray(v) ? v : [v];
        for (const item of items) {
          const left = walk([item], st.left, true);
          if (st.op === undefined) {
            if (left.length) next.push(item);
            continue;
          }
          const right = Array.isArray(st.right) ? walk([item], st.right, true)[0] : st.right;
          if (left.length && compare(left[0], st.op, right)) next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b || String(a) === String(b);
    case '!=':
      return !(a === b || String(a) === String(b));
    case '<':
      return Number(a) < Number(b);
    case '>':
      return Number(a) > Number(b);
    case '<=':
      return Number(a) <= Number(b);
    default:
      return Number(a) >= Number(b);
  }
}

/**
 * client-go's evalArray: `[n]` is `[n:n+1]`; negative bounds count from the end; any bound outside
 * the array is an error whatever --allow-missing-template-keys says (only an empty range passes).
 */
function sliceLikeClientGo(v: unknown[], st: { start?: number; end?: number; single: boolean }): unknown[] {
  const len = v.length;
  let start = st.start ?? 0;
  if (start < 0) start += len;
  let end = st.single ? (st.start ?? 0) + 1 : (st.end ?? len);
  if (end < 0 || (end === 0 && st.single)) end += len;
  if (end === start) return [];
  if (start >= len || start < 0) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
  if (end > len || end < 0) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
  if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`);
  return v.slice(start, end);
}

export function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return v === null ? 'null' : '';
  if (typeof v === 'object') return goJson(v, '');
  return String(v);
}

/** Execute a template against data; allowMissing mirrors --allow-missing-template-keys (default true). */
export function executeJsonPath(template: string, data: unknown, allowMissing = true): string {
  const nodes = parseTemplate(template);
  const run = (ns: Node[], root: unknown, cur: unknown): string =>
    ns
      .map((n) => {
        if (n.t === 'text') return n.s;
        if (n.t === 'path') {
          const base = n.steps.length && (n.steps[0] as { name?: string }).name === undefined ? cur : cur;
          return walk([base], n.steps, allowMissing).map(formatValue).join(' ');
        }
        return walk([cur], n.steps, allowMissing)
          .map((item) => run(n.body, root, item))
          .join('');
      })
      .join('');
  return run(nodes, data, data);
}

/** The raw values a single-action template selects (for custom-columns and --sort-by). */
export function executeJsonPathValues(template: string, data: unknown): unknown[] {
  const nodes = parseTemplate(template);
  const out: unknown[] = [];
  for (const n of nodes) if (n.t === 'path') out.push(...walk([data], n.steps, true));
  return out;
}

/** kubectl's -o jsonpath accepts templates without braces: `.items[*].metadata.name`. */
export function relaxedTemplate(t: string): string {
  if (/^\{.*\}$/s.test(t) || t.includes('{')) return t;
  return `{${t}}`;
}
