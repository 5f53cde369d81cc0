// -o go-template / --template: the part of Go's text/template that kubectl users write
// (cli-runtime printers/template.go: template.New("output") with `exists` and `base64decode`,
// missingkey=default). Data is the object as k8s.io/apimachinery/pkg/util/json decodes it: whole
// numbers are int64, so `{{eq .spec.replicas 1}}` works and `{{eq .spec.replicas 1.0}}` fails as
// in Go. Messages are text/template's: `template: output:1: unclosed action`,
// `template: output:1:11: executing "output" at <.x.y>: can't evaluate field y in type interface {}`.

import { goSprint } from './customcolumns.ts';

export class GoTemplateError extends Error {}

/** A float64 that JS would call an integer (a `1.0` literal): Go keeps the kind apart. */
class GoFloat {
  constructor(readonly v: number) {}
}

/** Missing map keys and nil: printed `<no value>`. */
const NO_VALUE = undefined;

type Arg =
  | { t: 'field'; chain: string[]; pos: number; text: string }
  | { t: 'dot'; pos: number; text: string }
  | { t: 'var'; name: string; chain: string[]; pos: number; text: string }
  | { t: 'lit'; value: unknown; pos: number; text: string }
  | { t: 'ident'; name: string; pos: number; text: string }
  | { t: 'pipe'; pipe: Pipe; chain: string[]; pos: number; text: string };

interface Cmd {
  args: Arg[];
  pos: number;
  text: string;
}

interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Cmd[];
  pos: number;
  text: string;
}

interface BlockNode {
  t: 'if' | 'with' | 'range';
  pipe: Pipe;
  list: Node[];
  else?: Node[];
}

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe }
  | BlockNode
  | { t: 'break' | 'continue' };

const FUNCS = new Set([
  'and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'html', 'js', 'urlquery', 'call', 'exists', 'base64decode',
]);

// ---------------------------------------------------------------------------------------------
// Lexing and parsing

interface Tok {
  k: 'field' | 'var' | 'dot' | 'str' | 'num' | 'ident' | 'lparen' | 'rparen' | 'pipe' | 'decl' | 'assign' | 'comma' | 'char' | 'bool' | 'nil';
  v: string;
  pos: number;
}

class Parser {
  #src: string;
  #line = 1;
  #vars: string[][] = [['$']];

  constructor(src: string) {
    this.#src = src;
  }

  #fail(msg: string): never {
    throw new GoTemplateError(`template: output:${this.#line}: ${msg}`);
  }

  parse(): Node[] {
    const items = this.#split();
    let i = 0;
    type End = { kw: '' | 'end' | 'else' | 'elseif'; toks?: Tok[]; pos?: number };
    const list = (stop: string[]): { nodes: Node[]; end: End } => {
      const nodes: Node[] = [];
      while (i < items.length) {
        const it = items[i++];
        this.#line = it.line;
        if (it.kind === 'text') {
          if (it.text) nodes.push({ t: 'text', text: it.text });
          continue;
        }
        const toks = this.#lex(it.text, it.pos);
        if (toks.length === 0) this.#fail('missing value for command');
        const head = toks[0];
        const kw = head.k === 'ident' ? head.v : '';
        if (kw === 'end' || kw === 'else') {
          if (!stop.includes(kw)) this.#fail(`unexpected {{${kw}}}`);
          if (kw === 'else' && toks[1]?.v === 'if' && toks[1].k === 'ident') return { nodes, end: { kw: 'elseif', toks: toks.slice(2), pos: it.pos } };
          if (toks.length > 1) this.#fail(`unexpected ${quoteTok(toks[1])} in ${kw}`);
          return { nodes, end: { kw } };
        }
        if (kw === 'if' || kw === 'with' || kw === 'range') {
          nodes.push(block(kw, toks.slice(1), it.pos));
          continue;
        }
        if (kw === 'break' || kw === 'continue') {
          nodes.push({ t: kw });
          continue;
        }
        if (kw === 'define' || kw === 'template' || kw === 'block') this.#fail(`{{${kw}}} is not available in this sandbox`);
        nodes.push({ t: 'action', pipe: this.#pipe(toks, 'command', it.pos) });
      }
      if (stop.length) this.#fail('unexpected EOF');
      return { nodes, end: { kw: '' } };
    };
    // An if/with/range and its branches; `{{else if …}}` nests an if that the same {{end}} closes.
    const block = (kw: 'if' | 'with' | 'range', toks: Tok[], pos: number): Node => {
      this.#vars.push([...this.#vars.at(-1)!]);
      const pipe = this.#pipe(toks, kw, pos);
      const body = list(['end', 'else']);
      let elseList: Node[] | undefined;
      if (body.end.kw === 'else') elseList = list(['end']).nodes;
      else if (body.end.kw === 'elseif') elseList = [block('if', body.end.toks!, body.end.pos!)];
      this.#vars.pop();
      return { t: kw, pipe, list: body.nodes, else: elseList };
    };
    return list([]).nodes;
  }

  /** Text and actions, with `{{- ` / ` -}}` trimming applied and comments dropped. */
  #split(): Array<{ kind: 'text' | 'action'; text: string; pos: number; line: number }> {
    const s = this.#src;
    const out: Array<{ kind: 'text' | 'action'; text: string; pos: number; line: number }> = [];
    let at = 0;
    let trimNext = false;
    while (at <= s.length) {
      const open = s.indexOf('{{', at);
      let text = open < 0 ? s.slice(at) : s.slice(at, open);
      if (trimNext) text = text.replace(/^\s+/, '');
      trimNext = false;
      const lineAt = (p: number) => s.slice(0, p).split('\n').length;
      if (open < 0) {
        out.push({ kind: 'text', text, pos: at, line: lineAt(at) });
        break;
      }
      let start = open + 2;
      if (/^-[ \t\r\n]/.test(s.slice(start, start + 2))) {
        text = text.replace(/\s+$/, '');
        start += 1;
      }
      out.push({ kind: 'text', text, pos: at, line: lineAt(at) });
      this.#line = lineAt(open);
      const close = findClose(s, start);
      if (close < 0) {
        if (/^\s*\/\*/.test(s.slice(start))) this.#fail('unclosed comment');
        // The lexer reads the action's items first: a stray character is reported before EOF.
        this.#lex(s.slice(start), start);
        this.#fail('unclosed action');
      }
      let inner = s.slice(start, close);
      if (/[ \t\r\n]-$/.test(inner)) {
        inner = inner.slice(0, -1);
        trimNext = true;
      }
      at = close + 2;
      if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(inner)) continue;
      out.push({ kind: 'action', text: inner, pos: start, line: lineAt(open) });
    }
    return out;
  }

  #lex(text: string, base: number): Tok[] {
    const toks: Tok[] = [];
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      const pos = base + i;
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      if (c === '"') {
        let j = i + 1;
        while (j < text.length && text[j] !== '"') {
          if (text[j] === '\\') j++;
          if (text[j] === '\n') this.#fail('unterminated quoted string');
          j++;
        }
        if (j >= text.length) this.#fail('unterminated quoted string');
        toks.push({ k: 'str', v: unquoteGo(text.slice(i, j + 1)), pos });
        i = j + 1;
        continue;
      }
      if (c === '`') {
        const j = text.indexOf('`', i + 1);
        if (j < 0) this.#fail('unterminated raw quoted string');
        toks.push({ k: 'str', v: text.slice(i + 1, j), pos });
        i = j + 1;
        continue;
      }
      const m = /^(\.[A-Za-z_][\w]*)+/.exec(text.slice(i)) ?? /^\$[\w]*(\.[A-Za-z_][\w]*)*/.exec(text.slice(i));
      if (m) {
        toks.push({ k: c === '$' ? 'var' : 'field', v: m[0], pos });
        i += m[0].length;
        continue;
      }
      if (c === '.' && !/[0-9]/.test(text[i + 1] ?? '')) {
        toks.push({ k: 'dot', v: '.', pos });
        i++;
        continue;
      }
      const num = /^[-+]?(0[xX][0-9a-fA-F_]+|(\d[\d_]*)?\.?\d*([eE][-+]?\d+)?)/.exec(text.slice(i));
      if (num && num[0] && /\d/.test(num[0])) {
        toks.push({ k: 'num', v: num[0], pos });
        i += num[0].length;
        continue;
      }
      const id = /^[A-Za-z_][\w]*/.exec(text.slice(i));
      if (id) {
        const v = id[0];
        toks.push({ k: v === 'true' || v === 'false' ? 'bool' : v === 'nil' ? 'nil' : 'ident', v, pos });
        i += v.length;
        // A field chain right after a name is kubectl users' `len .items` typo-free form; nothing to do.
        continue;
      }
      if (c === "'") {
        const m2 = /^'(\\.|[^'\\])'/.exec(text.slice(i));
        if (!m2) this.#fail('unterminated character constant');
        toks.push({ k: 'char', v: m2[0], pos });
        i += m2[0].length;
        continue;
      }
      if (text.startsWith(':=', i)) {
        toks.push({ k: 'decl', v: ':=', pos });
        i += 2;
        continue;
      }
      const single: Record<string, Tok['k']> = { '(': 'lparen', ')': 'rparen', '|': 'pipe', '=': 'assign', ',': 'comma' };
      if (single[c]) {
        toks.push({ k: single[c], v: c, pos });
        i++;
        continue;
      }
      const cp = c.codePointAt(0)!;
      this.#fail(`bad character U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
    }
    return toks;
  }

  #pipe(toks: Tok[], context: string, pos: number): Pipe {
    let decl: string[] = [];
    let assign = false;
    // `$x := …`, `$i, $e := …` (range), `$x = …`
    const declAt = toks.findIndex((t) => t.k === 'decl' || t.k === 'assign');
    if (declAt > 0 && toks.slice(0, declAt).every((t) => t.k === 'var' || t.k === 'comma')) {
      decl = toks.slice(0, declAt).filter((t) => t.k === 'var').map((t) => t.v);
      assign = toks[declAt].k === 'assign';
      toks = toks.slice(declAt + 1);
    }
    const p = this.#pipeline(toks, 0, false, context);
    if (p.next !== toks.length) this.#fail(`unexpected ${quoteTok(toks[p.next])} in ${context}`);
    if (assign) for (const v of decl) if (!this.#vars.at(-1)!.includes(v)) this.#fail(`undefined variable "${v}"`);
    if (!assign) this.#vars.at(-1)!.push(...decl);
    return { ...p.pipe, decl, assign, pos };
  }

  #pipeline(toks: Tok[], i: number, inParen: boolean, context: string): { pipe: Pipe; next: number } {
    const cmds: Cmd[] = [];
    let cur: Arg[] = [];
    const startPos = toks[i]?.pos ?? 0;
    const endCmd = () => {
      if (!cur.length) this.#fail(`missing value for ${context}`);
      cmds.push({ args: cur, pos: cur[0].pos, text: cur.map((a) => a.text).join(' ') });
      cur = [];
    };
    while (i < toks.length) {
      const t = toks[i];
      if (t.k === 'rparen') {
        if (!inParen) this.#fail(`unexpected right paren ${JSON.stringify(')')}`);
        break;
      }
      if (t.k === 'pipe') {
        endCmd();
        i++;
        continue;
      }
      if (t.k === 'lparen') {
        const sub = this.#pipeline(toks, i + 1, true, 'parenthesized pipeline');
        if (toks[sub.next]?.k !== 'rparen') this.#fail('unclosed left paren');
        i = sub.next + 1;
        let chain: string[] = [];
        if (toks[i]?.k === 'field' && toks[i].pos === toks[sub.next].pos + 1) {
          chain = toks[i].v.slice(1).split('.');
          i++;
        }
        cur.push({ t: 'pipe', pipe: sub.pipe, chain, pos: t.pos, text: `(${sub.pipe.text})${chain.map((c) => '.' + c).join('')}` });
        continue;
      }
      cur.push(this.#operand(t));
      i++;
    }
    if (cur.length || cmds.length === 0) endCmd();
    const text = cmds.map((c) => c.text).join(' | ');
    return { pipe: { decl: [], assign: false, cmds, pos: startPos, text }, next: i };
  }

  #operand(t: Tok): Arg {
    switch (t.k) {
      case 'field':
      {
        // parse.go builds a multi-element chain at the position of its second element.
        const chain = t.v.slice(1).split('.');
        return { t: 'field', chain, pos: chain.length > 1 ? t.pos + 1 + chain[0].length : t.pos, text: t.v };
      }
      case 'dot':
        return { t: 'dot', pos: t.pos, text: '.' };
      case 'var': {
        const [name, ...chain] = t.v.split('.');
        if (!this.#vars.at(-1)!.includes(name)) this.#fail(`undefined variable "${name}"`);
        return { t: 'var', name, chain, pos: chain.length ? t.pos + name.length : t.pos, text: t.v };
      }
      case 'str':
        return { t: 'lit', value: t.v, pos: t.pos, text: JSON.stringify(t.v) };
      case 'bool':
        return { t: 'lit', value: t.v === 'true', pos: t.pos, text: t.v };
      case 'nil':
        return { t: 'lit', value: null, pos: t.pos, text: 'nil' };
      case 'char':
        return { t: 'lit', value: unquoteGo('"' + t.v.slice(1, -1) + '"').codePointAt(0), pos: t.pos, text: t.v };
      case 'num': {
        const s = t.v.replace(/_/g, '');
        const isFloat = /[.eE]/.test(s) && !/^[-+]?0[xX]/.test(s);
        const n = Number(s);
        if (Number.isNaN(n)) this.#fail(`bad number syntax: "${t.v}"`);
        return { t: 'lit', value: isFloat ? new GoFloat(n) : n, pos: t.pos, text: t.v };
      }
      case 'ident':
        if (!FUNCS.has(t.v)) this.#fail(`function "${t.v}" not defined`);
        return { t: 'ident', name: t.v, pos: t.pos, text: t.v };
      default:
        this.#fail(`unexpected ${quoteTok(t)} in operand`);
    }
  }
}

function quoteTok(t: Tok): string {
  if (t.k === 'str') return `"${t.v}"`;
  return `${JSON.stringify(t.v)}`;
}

/** Where the action opened at `from` closes, skipping quoted strings. */
function findClose(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s[i];
    if (c === '"' || c === '`') {
      const q = c;
      i++;
      while (i < s.length && s[i] !== q) {
        if (q === '"' && s[i] === '\\') i++;
        if (q === '"' && s[i] === '\n') return -1;
        i++;
      }
      i++;
      continue;
    }
    if (s.startsWith('}}', i)) return i;
    i++;
  }
  return -1;
}

/** strconv.Unquote of a Go interpreted string literal. */
function unquoteGo(lit: string): string {
  const body = lit.slice(1, -1);
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, e: string) => {
    if (map[e] !== undefined) return map[e];
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return e;
  });
}

// ---------------------------------------------------------------------------------------------
// Execution

class ExecError extends Error {
  constructor(
    readonly pos: number,
    readonly at: string,
    msg: string,
  ) {
    super(msg);
  }
}

class Break {}
class Continue {}

type Kind = 'int' | 'float' | 'string' | 'bool' | 'map' | 'slice' | 'nil';

function kindOf(v: unknown): Kind {
  if (v === undefined || v === null) return 'nil';
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'slice';
  return 'map';
}

const GO_TYPE: Record<Kind, string> = { int: 'int64', float: 'float64', string: 'string', bool: 'bool', map: 'map[string]interface {}', slice: '[]interface {}', nil: 'interface {}' };

function num(v: unknown): number {
  return v instanceof GoFloat ? v.v : (v as number);
}

/** Go's strconv 'g' with the shortest precision, as %v prints a float64. */
function formatFloat(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : f < 0 ? '-Inf' : 'NaN';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = f.toExponential().split('e');
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(f);
}

/** fmt.Sprint of one template value. */
export function goPrint(v: unknown): string {
  if (v === undefined || v === null) return '<no value>';
  if (v instanceof GoFloat) return formatFloat(v.v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatFloat(v);
  if (Array.isArray(v) || typeof v === 'object') return goSprint(v).replace(/\b(\d+\.\d+)\b/g, (x) => formatFloat(Number(x)));
  return String(v);
}

function truth(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (v instanceof GoFloat) return v.v !== 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v as object).length > 0;
}

interface Scope {
  vars: Map<string, unknown>;
}

class Exec {
  out = '';
  constructor(readonly root: unknown) {}

  run(nodes: Node[], dot: unknown, scope: Scope): void {
    for (const n of nodes) {
      switch (n.t) {
        case 'text':
          this.out += n.text;
          break;
        case 'action': {
          const v = this.pipe(n.pipe, dot, scope);
          if (!n.pipe.decl.length) this.out += goPrint(v);
          break;
        }
        case 'if':
        case 'with': {
          const inner: Scope = { vars: new Map(scope.vars) };
          const v = this.pipe(n.pipe, dot, inner);
          if (truth(v)) this.run(n.list, n.t === 'with' ? v : dot, inner);
          else if (n.else) this.run(n.else, dot, inner);
          copyBack(scope, inner);
          break;
        }
        case 'range':
          this.range(n, dot, scope);
          break;
        case 'break':
          throw new Break();
        case 'continue':
          throw new Continue();
      }
    }
  }

  range(n: BlockNode, dot: unknown, scope: Scope): void {
    const inner: Scope = { vars: new Map(scope.vars) };
    const decl = n.pipe.decl;
    const v = this.pipe({ ...n.pipe, decl: [] }, dot, inner);
    let entries: Array<[unknown, unknown]>;
    if (Array.isArray(v)) entries = v.map((x, i) => [i, x]);
    else if (v && typeof v === 'object' && !(v instanceof GoFloat)) entries = Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]);
    else if (typeof v === 'number' && Number.isInteger(v)) entries = Array.from({ length: Math.max(0, v) }, (_, i) => [i, i]);
    else if (v === undefined || v === null) entries = [];
    else throw new ExecError(n.pipe.pos, n.pipe.text, `range can't iterate over ${goPrint(v)}`);
    if (!entries.length) {
      if (n.else) this.run(n.else, dot, inner);
      return;
    }
    for (const [k, x] of entries) {
      const s: Scope = { vars: new Map(inner.vars) };
      if (decl.length === 1) s.vars.set(decl[0], x);
      if (decl.length === 2) {
        s.vars.set(decl[0], k);
        s.vars.set(decl[1], x);
      }
      try {
        this.run(n.list, x, s);
      } catch (e) {
        if (e instanceof Break) break;
        if (e instanceof Continue) continue;
        throw e;
      }
      copyBack(inner, s);
    }
    copyBack(scope, inner);
  }

  pipe(p: Pipe, dot: unknown, scope: Scope): unknown {
    let v: unknown;
    let first = true;
    for (const c of p.cmds) {
      v = this.cmd(c, dot, scope, first ? NOFINAL : v);
      first = false;
    }
    for (const d of p.decl) scope.vars.set(d, v);
    return v;
  }

  cmd(c: Cmd, dot: unknown, scope: Scope, final: unknown): unknown {
    const [head, ...rest] = c.args;
    const hasFinal = final !== NOFINAL;
    if (head.t === 'ident') {
      const args = rest.map((a) => () => this.arg(a, dot, scope));
      if (hasFinal) args.push(() => final);
      return this.call(head.name, args, c);
    }
    if (rest.length || hasFinal) {
      if (head.t === 'field' || head.t === 'var' || head.t === 'pipe') {
        const chain = head.t === 'field' ? head.chain : head.chain;
        if (chain.length) throw new ExecError(head.pos, head.text, `can't give argument to non-function ${head.text}`);
      }
      throw new ExecError(c.pos, c.text, `can't give argument to non-function ${head.text}`);
    }
    return this.arg(head, dot, scope);
  }

  arg(a: Arg, dot: unknown, scope: Scope): unknown {
    switch (a.t) {
      case 'dot':
        return dot;
      case 'lit':
        return a.value;
      case 'field':
        return this.chain(dot, a.chain, a);
      case 'var':
        return this.chain(scope.vars.get(a.name), a.chain, a);
      case 'pipe':
        return this.chain(this.pipe(a.pipe, dot, { vars: new Map(scope.vars) }), a.chain, a);
      case 'ident':
        return this.call(a.name, [], { args: [a], pos: a.pos, text: a.text });
    }
  }

  chain(v: unknown, chain: string[], a: Arg): unknown {
    for (const name of chain) {
      if (v === undefined || v === null) return NO_VALUE;
      const k = kindOf(v);
      if (k !== 'map') throw new ExecError(a.pos, a.text, `can't evaluate field ${name} in type ${k === 'slice' ? '[]interface {}' : 'interface {}'}`);
      v = (v as Record<string, unknown>)[name];
    }
    return v;
  }

  call(name: string, args: Array<() => unknown>, c: Cmd): unknown {
    const fail = (msg: string): never => {
      throw new ExecError(c.pos, c.text, `error calling ${name}: ${msg}`);
    };
    const wrong = (want: number): never => {
      throw new ExecError(c.pos, c.text, `wrong number of args for ${name}: want ${want} got ${args.length}`);
    };
    switch (name) {
      case 'and': {
        let v: unknown;
        for (const a of args) if (!truth((v = a()))) return v;
        return v;
      }
      case 'or': {
        let v: unknown;
        for (const a of args) if (truth((v = a()))) return v;
        return v;
      }
      case 'not':
        if (args.length !== 1) wrong(1);
        return !truth(args[0]());
      case 'len': {
        if (args.length !== 1) wrong(1);
        const v = args[0]();
        if (typeof v === 'string') return new TextEncoder().encode(v).length;
        if (Array.isArray(v)) return v.length;
        if (v && typeof v === 'object' && !(v instanceof GoFloat)) return Object.keys(v).length;
        return fail(`len of ${v === undefined || v === null ? 'nil pointer' : 'type ' + GO_TYPE[kindOf(v)]}`);
      }
      case 'index': {
        if (!args.length) wrong(1);
        let v = args[0]();
        for (const a of args.slice(1)) {
          const i = a();
          if (v === undefined || v === null) fail('index of untyped nil');
          if (Array.isArray(v)) {
            if (kindOf(i) !== 'int') fail(`cannot index slice/array with type ${GO_TYPE[kindOf(i)]}`);
            const n = num(i);
            if (n < 0 || n >= v.length) fail(`index out of range: ${n}`);
            v = v[n];
          } else if (kindOf(v) === 'map') {
            if (typeof i !== 'string') fail(`value has type ${GO_TYPE[kindOf(i)]}; should be string`);
            v = (v as Record<string, unknown>)[i as string];
          } else if (typeof v === 'string') {
            const n = num(i);
            if (n < 0 || n >= v.length) fail(`index out of range: ${n}`);
            v = v.charCodeAt(n);
          } else fail(`can't index item of type ${GO_TYPE[kindOf(v)]}`);
        }
        return v;
      }
      case 'slice': {
        const v = args[0]?.();
        const idx = args.slice(1).map((a) => num(a()));
        if (typeof v === 'string' || Array.isArray(v)) return v.slice(idx[0] ?? 0, idx[1] ?? v.length);
        return fail(`can't slice item of type ${GO_TYPE[kindOf(v)]}`);
      }
      case 'print':
        return goSprintArgs(args.map((a) => a()));
      case 'println':
        return args.map((a) => goPrint(a())).join(' ') + '\n';
      case 'printf': {
        if (!args.length) wrong(1);
        const [f, ...rest] = args.map((a) => a());
        return goSprintf(String(f), rest);
      }
      case 'eq':
      case 'ne':
      case 'lt':
      case 'le':
      case 'gt':
      case 'ge': {
        if (args.length < 2 && name !== 'eq') wrong(2);
        if (args.length < 2) fail('missing argument for comparison');
        const vals = args.map((a) => a());
        if (name === 'eq') return vals.slice(1).some((b) => compare(vals[0], b, fail) === 0);
        const r = compare(vals[0], vals[1], fail, name !== 'ne');
        return name === 'ne' ? r !== 0 : name === 'lt' ? r < 0 : name === 'le' ? r <= 0 : name === 'gt' ? r > 0 : r >= 0;
      }
      case 'exists': {
        // cli-runtime template.go: exists(item, indices...) — a path of map keys / slice indices.
        let v = args[0]?.();
        for (const a of args.slice(1)) {
          const k = a();
          if (Array.isArray(v) && typeof k === 'number') v = v[k];
          else if (kindOf(v) === 'map' && typeof k === 'string') v = (v as Record<string, unknown>)[k];
          else return false;
          if (v === undefined) return false;
        }
        return true;
      }
      case 'base64decode': {
        const v = args[0]?.();
        if (typeof v !== 'string') return fail(`wrong type for value; expected string; got ${GO_TYPE[kindOf(v)]}`);
        try {
          return new TextDecoder().decode(Uint8Array.from(atob(v), (ch) => ch.charCodeAt(0)));
        } catch {
          return fail('base64 decode failed: illegal base64 data at input byte 0');
        }
      }
      case 'html':
        return goSprintArgs(args.map((a) => a())).replace(/[<>&'"\0]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' })[ch]!);
      case 'urlquery':
        return encodeURIComponent(goSprintArgs(args.map((a) => a()))).replace(/%20/g, '+');
      case 'js':
        return goSprintArgs(args.map((a) => a())).replace(/[\\'"<>&=]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
      default:
        return fail('not available in this sandbox');
    }
  }
}

const NOFINAL = Symbol('nofinal');

function copyBack(outer: Scope, inner: Scope): void {
  for (const k of outer.vars.keys()) outer.vars.set(k, inner.vars.get(k));
}

/** fmt.Sprint: spaces only between operands when neither is a string. */
function goSprintArgs(vals: unknown[]): string {
  let out = '';
  vals.forEach((v, i) => {
    if (i > 0 && typeof v !== 'string' && typeof vals[i - 1] !== 'string') out += ' ';
    out += goPrint(v);
  });
  return out;
}

function compare(a: unknown, b: unknown, fail: (m: string) => never, ordered = false): number {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'nil' || kb === 'nil') {
    if (ordered) fail('invalid type for comparison');
    return ka === kb ? 0 : 1;
  }
  if (ka !== kb) fail('incompatible types for comparison');
  if (ka === 'map' || ka === 'slice') fail('invalid type for comparison');
  if (ordered && ka === 'bool') fail('invalid type for comparison');
  const x = ka === 'int' || ka === 'float' ? num(a) : (a as string | boolean);
  const y = ka === 'int' || ka === 'float' ? num(b) : (b as string | boolean);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** fmt.Sprintf for the verbs templates use: %s %v %d %q %f %x %t %%. */
export function goSprintf(format: string, vals: unknown[]): string {
  let i = 0;
  const out = format.replace(/%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (m, flags: string, width: string | undefined, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (i >= vals.length) return `%!${verb}(MISSING)`;
    const v = vals[i++];
    const k = kindOf(v);
    let s: string;
    switch (verb) {
      case 'v':
        s = goPrint(v);
        break;
      case 's':
        s = k === 'string' ? (v as string) : k === 'nil' ? '%!s(<nil>)' : k === 'map' || k === 'slice' ? goPrint(v) : `%!s(${GO_TYPE[k]}=${goPrint(v)})`;
        break;
      case 'd':
        s = k === 'int' ? String(v) : k === 'nil' ? '%!d(<nil>)' : `%!d(${GO_TYPE[k]}=${goPrint(v)})`;
        break;
      case 'q':
        s = k === 'string' ? JSON.stringify(v) : `%!q(${GO_TYPE[k]}=${goPrint(v)})`;
        break;
      case 't':
        s = k === 'bool' ? String(v) : `%!t(${GO_TYPE[k]}=${goPrint(v)})`;
        break;
      case 'f':
        s = k === 'float' ? num(v).toFixed(prec ? Number(prec) : 6) : `%!f(${GO_TYPE[k]}=${goPrint(v)})`;
        break;
      case 'x':
        s = k === 'int' ? num(v).toString(16) : k === 'string' ? [...new TextEncoder().encode(v as string)].map((b) => b.toString(16).padStart(2, '0')).join('') : `%!x(${GO_TYPE[k]}=${goPrint(v)})`;
        break;
      default:
        s = `%!${verb}(${GO_TYPE[k]}=${goPrint(v)})`;
    }
    if (width) {
      const w = Number(width);
      s = flags.includes('-') ? s.padEnd(w) : s.padStart(w, flags.includes('0') && /^[\d-]/.test(s) ? '0' : ' ');
    }
    void m;
    return s;
  });
  if (i < vals.length) return out + '%!(EXTRA ' + vals.slice(i).map((v) => `${GO_TYPE[kindOf(v)]}=${goPrint(v)}`).join(', ') + ')';
  return out;
}

// ---------------------------------------------------------------------------------------------
// API

export interface GoTemplate {
  raw: string;
  nodes: Node[];
}

/** Parse; throws GoTemplateError with text/template's message. */
export function parseGoTemplate(raw: string): GoTemplate {
  return { raw, nodes: new Parser(raw).parse() };
}

/** Execute against decoded JSON. On failure, `error` is text/template's message and `out` what was written first. */
export function executeGoTemplate(t: GoTemplate, data: unknown): { out: string; error?: string } {
  const x = new Exec(data);
  try {
    x.run(t.nodes, data, { vars: new Map([['$', data]]) });
    return { out: x.out };
  } catch (e) {
    if (!(e instanceof ExecError)) throw e;
    const before = t.raw.slice(0, e.pos);
    const line = before.split('\n').length;
    const col = e.pos - (before.lastIndexOf('\n') + 1);
    return { out: x.out, error: `template: output:${line}:${col}: executing "output" at <${e.at}>: ${e.message}` };
  }
}
