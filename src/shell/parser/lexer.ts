// Turns source text into tokens: words (with their quoting kept as parts), operators, redirections
// and newlines. Command substitutions are parsed as they are met, by a nested parser on the same
// text, so `$(echo ")")` finds its own closing parenthesis the way bash does.

import type { RedirOp, Script, Word, WordPart } from './ast.ts';
import { IncompleteInput, ShellSyntaxError } from './errors.ts';

export type Token =
  | { kind: 'word'; word: Word; start: number; end: number }
  | { kind: 'op'; op: string; start: number; end: number }
  | { kind: 'redir'; op: RedirOp; fd: number | null; start: number; end: number }
  | { kind: 'eof'; start: number; end: number };

/** A here-document waiting for its body, which starts on the line after the operator. */
export interface PendingHeredoc {
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
  done: (body: Word) => void;
}

/**
 * Parses a script from `pos`: up to an unmatched `)` for `$( … )` (which must be there), or to the
 * end for backquotes. Returns the script and where it ended.
 */
export type SubParse = (
  src: string,
  pos: number,
  heredocs: PendingHeredoc[],
  closeParen: boolean,
) => { script: Script; end: number };

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const OPS = ['&&', '||', ';;', '&>>', '&>', ';', '&', '|', '(', ')'];
const REDIRS: RedirOp[] = ['<<<', '<<-', '<<', '<&', '<', '>>', '>&', '>|', '>'];

export class Lexer {
  pos: number;
  readonly heredocs: PendingHeredoc[];

  constructor(
    readonly src: string,
    readonly subParse: SubParse,
    pos = 0,
    heredocs: PendingHeredoc[] = [],
  ) {
    this.pos = pos;
    this.heredocs = heredocs;
  }

  next(): Token {
    this.#skipBlanks();
    const start = this.pos;
    const src = this.src;
    if (this.pos >= src.length) {
      if (this.heredocs.length > 0) throw new IncompleteInput('heredoc');
      return { kind: 'eof', start, end: start };
    }
    const c = src[this.pos];
    if (c === '\n') {
      this.pos++;
      this.#readHeredocBodies();
      return { kind: 'op', op: '\n', start, end: start + 1 };
    }
    for (const op of OPS) {
      if (src.startsWith(op, this.pos)) {
        this.pos += op.length;
        if (op === '&>' || op === '&>>') return { kind: 'redir', op, fd: null, start, end: this.pos };
        return { kind: 'op', op, start, end: this.pos };
      }
    }
    const redir = this.#redirOp(null);
    if (redir) return { ...redir, start };
    // `2>file`: digits directly before a redirection are its file descriptor.
    const digits = /^[0-9]+/.exec(src.slice(this.pos))?.[0];
    if (digits && (src[this.pos + digits.length] === '<' || src[this.pos + digits.length] === '>')) {
      this.pos += digits.length;
      const r = this.#redirOp(Number(digits));
      if (r) return { ...r, start };
    }
    const word = this.readWord();
    return { kind: 'word', word, start, end: this.pos };
  }

  #redirOp(fd: number | null): { kind: 'redir'; op: RedirOp; fd: number | null; end: number } | null {
    for (const op of REDIRS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { kind: 'redir', op, fd, end: this.pos };
      }
    }
    return null;
  }

  #skipBlanks(): void {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '\\' && this.pos + 1 === src.length) throw new IncompleteInput('backslash');
      else if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  #readHeredocBodies(): void {
    while (this.heredocs.length > 0) {
      const h = this.heredocs[0];
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length) throw new IncompleteInput('heredoc');
        let nl = this.src.indexOf('\n', this.pos);
        // The last line of the input may lack its newline; the delimiter may still be on it.
        if (nl < 0) nl = this.src.length;
        let line = this.src.slice(this.pos, nl);
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        this.pos = Math.min(nl + 1, this.src.length);
        if (line === h.delimiter) break;
        if (nl === this.src.length) throw new IncompleteInput('heredoc');
        lines.push(line + '\n');
      }
      this.heredocs.shift();
      const text = lines.join('');
      h.done(h.quoted ? { parts: [{ type: 'lit', text, quoted: true }], raw: text } : this.#heredocWord(text));
    }
  }

  /** An unquoted here-document body: `$` and backquotes expand, `\` escapes only `$`, `` ` ``, `\`. */
  #heredocWord(text: string): Word {
    const sub = new Lexer(text, this.subParse);
    const parts: WordPart[] = [];
    sub.#readQuoted(parts, null);
    return { parts: mergeLits(parts), raw: text };
  }

  /** Reads one word up to the next unquoted metacharacter. */
  readWord(): Word {
    const src = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean) => parts.push({ type: 'lit', text, quoted });
    if (src[this.pos] === '~') {
      const after = src[this.pos + 1];
      if (after === undefined || after === '/' || META.has(after)) {
        parts.push({ type: 'tilde' });
        this.pos++;
      }
    }
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (META.has(c)) break;
      if (c === "'") {
        const close = src.indexOf("'", this.pos + 1);
        if (close < 0) throw new IncompleteInput('quote');
        lit(src.slice(this.pos + 1, close), true);
        this.pos = close + 1;
      } else if (c === '"') {
        this.pos++;
        // An empty "" still makes a (quoted, empty) field.
        lit('', true);
        this.#readQuoted(parts, '"');
      } else if (c === '\\') {
        if (this.pos + 1 >= src.length) throw new IncompleteInput('backslash');
        if (src[this.pos + 1] !== '\n') lit(src[this.pos + 1], true);
        this.pos += 2;
      } else if (c === '$') {
        this.#readDollar(parts, false);
      } else if (c === '`') {
        parts.push({ type: 'cmdsub', script: this.#readBackquote(), quoted: false });
      } else {
        lit(c, false);
        this.pos++;
      }
    }
    return { parts: mergeLits(parts), raw: src.slice(start, this.pos) };
  }

  /** Inside double quotes (end `"`) or a here-document body (end of text). */
  #readQuoted(parts: WordPart[], end: '"' | null): void {
    const src = this.src;
    let text = '';
    const flush = () => {
      if (text) parts.push({ type: 'lit', text, quoted: true });
      text = '';
    };
    for (;;) {
      if (this.pos >= src.length) {
        if (end) throw new IncompleteInput('quote');
        break;
      }
      const c = src[this.pos];
      if (c === end) {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === undefined) {
          if (end) throw new IncompleteInput('quote');
          text += c;
          this.pos++;
        } else if (n === '\n') this.pos += 2;
        else if (n === '$' || n === '`' || n === '\\' || (end !== null && n === end)) {
          text += n;
          this.pos += 2;
        } else {
          text += c;
          this.pos++;
        }
      } else if (c === '$') {
        flush();
        this.#readDollar(parts, true);
      } else if (c === '`') {
        flush();
        parts.push({ type: 'cmdsub', script: this.#readBackquote(), quoted: true });
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
  }

  #readDollar(parts: WordPart[], quoted: boolean): void {
    const src = this.src;
    const n = src[this.pos + 1];
    if (n === '(' && src[this.pos + 2] === '(') {
      parts.push({ type: 'arith', expr: this.#readArith(), quoted });
      return;
    }
    if (n === '(') {
      const { script, end } = this.subParse(src, this.pos + 2, this.heredocs, true);
      if (end >= src.length) throw new IncompleteInput('substitution');
      if (src[end] !== ')') throw new ShellSyntaxError(src[end]);
      this.pos = end + 1;
      parts.push({ type: 'cmdsub', script, quoted });
      return;
    }
    if (n === '{') {
      parts.push(this.#readBraced(quoted));
      return;
    }
    if (n === "'" && !quoted) {
      const { text, end } = ansiC(src, this.pos + 2);
      this.pos = end;
      parts.push({ type: 'lit', text, quoted: true });
      return;
    }
    const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?#$!@*-])/.exec(src.slice(this.pos + 1))?.[0];
    if (!name) {
      parts.push({ type: 'lit', text: '$', quoted });
      this.pos++;
      return;
    }
    parts.push({ type: 'var', name, quoted });
    this.pos += 1 + name.length;
  }

  /** `${NAME}`, `${#NAME}`, `${NAME:-word}` and friends. */
  #readBraced(quoted: boolean): WordPart {
    const src = this.src;
    let depth = 0;
    let i = this.pos + 2;
    for (; i < src.length; i++) {
      if (src[i] === '{') depth++;
      else if (src[i] === '}') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (i >= src.length) throw new IncompleteInput('quote');
    const inner = src.slice(this.pos + 2, i);
    this.pos = i + 1;
    const m = /^(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9?#$!@*-])(?:(:-|-|:=|=)([\s\S]*))?$/.exec(inner);
    if (!m) throw new BadSubstitution(`\${${inner}}`);
    if (m[1]) return { type: 'var', name: m[2], quoted, op: '#len' };
    if (!m[3]) return { type: 'var', name: m[2], quoted };
    const sub = new Lexer(m[4], this.subParse);
    const parts: WordPart[] = [];
    if (quoted) sub.#readQuoted(parts, null);
    else parts.push(...sub.readWord().parts);
    return { type: 'var', name: m[2], quoted, op: m[3] as ':-', arg: { parts, raw: m[4] } };
  }

  #readArith(): Word {
    const src = this.src;
    let depth = 0;
    let i = this.pos + 3;
    for (; i < src.length; i++) {
      if (src[i] === '(') depth++;
      else if (src[i] === ')') {
        if (depth === 0 && src[i + 1] === ')') break;
        depth--;
      }
    }
    if (i >= src.length) throw new IncompleteInput('substitution');
    const text = src.slice(this.pos + 3, i);
    this.pos = i + 2;
    const sub = new Lexer(text, this.subParse);
    const parts: WordPart[] = [];
    sub.#readQuoted(parts, null);
    return { parts, raw: text };
  }

  #readBackquote(): Script {
    const src = this.src;
    let i = this.pos + 1;
    let inner = '';
    for (; i < src.length && src[i] !== '`'; i++) {
      if (src[i] === '\\' && (src[i + 1] === '`' || src[i + 1] === '\\' || src[i + 1] === '$')) {
        inner += src[++i];
      } else inner += src[i];
    }
    if (i >= src.length) throw new IncompleteInput('quote');
    this.pos = i + 1;
    const { script, end } = this.subParse(inner, 0, [], false);
    if (end < inner.length) throw new ShellSyntaxError(inner[end]);
    return script;
  }
}

/** `${x y}`: bash reports it when the command runs, but we can only report it while parsing. */
export class BadSubstitution extends Error {
  constructor(readonly text: string) {
    super(`${text}: bad substitution`);
  }
}

const C_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** `$'…'` quoting: C escapes inside single quotes. */
function ansiC(src: string, pos: number): { text: string; end: number } {
  let text = '';
  let i = pos;
  for (; i < src.length && src[i] !== "'"; i++) {
    if (src[i] !== '\\') {
      text += src[i];
      continue;
    }
    const n = src[++i];
    if (n === undefined) break;
    if (n in C_ESCAPES) text += C_ESCAPES[n];
    else if (n === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i + 1))?.[0] ?? '';
      text += hex ? String.fromCharCode(parseInt(hex, 16)) : '\\x';
      i += hex.length;
    } else if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(src.slice(i))![0];
      text += String.fromCharCode(parseInt(oct, 8));
      i += oct.length - 1;
    } else text += '\\' + n;
  }
  if (i >= src.length) throw new IncompleteInput('quote');
  return { text, end: i + 1 };
}

function mergeLits(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.type === 'lit' && last?.type === 'lit' && last.quoted === p.quoted) {
      out[out.length - 1] = { ...last, text: last.text + p.text };
    } else out.push(p);
  }
  return out;
}
