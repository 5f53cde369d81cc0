// Recursive-descent parser for the subset of bash the sandbox speaks: lists, pipelines, `&&`/`||`,
// background `&`, redirections and here-documents, `if`/`for`/`while`/`until`, `{ }` and `( )`.
// Input that stops where bash would ask for more (after `|`, inside `for` before `done`, in an open
// quote) raises IncompleteInput; anything else out of place raises ShellSyntaxError.

import type {
  AndOr, Assignment, Command, Pipeline, Redirect, Script, SimpleCommand, Word,
} from './ast.ts';
import { IncompleteInput, NestingTooDeep, ShellSyntaxError } from './errors.ts';
import { Lexer, type PendingHeredoc, type Token } from './lexer.ts';

/** Words that only mean something at the start of a command. */
const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'while', 'until', 'do', 'done', '{', '}', '!', 'in', 'case', 'esac']);

export function parse(src: string): Script {
  const p = new Parser(new Lexer(src, subParse));
  const script = p.script(new Set());
  const t = p.peek();
  if (t.kind !== 'eof') throw p.unexpected(t);
  return script;
}

/**
 * How deep `$( $( … ) )` may nest. bash has no such limit, but each level costs this parser and
 * the interpreter a few dozen stack frames; a pasted 1000-deep nest must fail as a syntax error,
 * not overflow the worker's stack (a browser worker's is smaller than Node's).
 */
const MAX_NESTING = 100;
let nesting = 0;

/** For `$( … )`: parse from `pos` until an unmatched `)`. */
function subParse(
  src: string,
  pos: number,
  heredocs: PendingHeredoc[],
  closeParen: boolean,
): { script: Script; end: number } {
  if (nesting >= MAX_NESTING) throw new NestingTooDeep();
  nesting++;
  try {
    return subParseAt(src, pos, heredocs, closeParen);
  } finally {
    nesting--;
  }
}

function subParseAt(
  src: string,
  pos: number,
  heredocs: PendingHeredoc[],
  closeParen: boolean,
): { script: Script; end: number } {
  const p = new Parser(new Lexer(src, subParse, pos, heredocs));
  const script = p.script(new Set(), closeParen);
  const t = p.peek();
  if (!closeParen) {
    if (t.kind !== 'eof') throw p.unexpected(t);
    return { script, end: src.length };
  }
  if (t.kind === 'eof') throw new IncompleteInput('substitution');
  if (!(t.kind === 'op' && t.op === ')')) throw p.unexpected(t);
  return { script, end: t.start };
}

class Parser {
  #peeked: Token | null = null;
  #lastEnd = 0;

  constructor(readonly lexer: Lexer) {}

  peek(): Token {
    this.#peeked ??= this.lexer.next();
    return this.#peeked;
  }

  take(): Token {
    const t = this.peek();
    this.#peeked = null;
    this.#lastEnd = t.end;
    return t;
  }

  /** The error for a token out of place; at the end of input, bash would ask for more. */
  unexpected(t: Token): Error {
    if (t.kind === 'eof') return new IncompleteInput('compound');
    if (t.kind === 'op') return new ShellSyntaxError(t.op === '\n' ? 'newline' : t.op);
    if (t.kind === 'redir') return new ShellSyntaxError(t.fd === null ? t.op : `${t.fd}${t.op}`);
    return new ShellSyntaxError(t.word.raw);
  }

  #isOp(t: Token, op: string): boolean {
    return t.kind === 'op' && t.op === op;
  }

  #reserved(t: Token): string | null {
    if (t.kind !== 'word' || t.word.parts.length !== 1) return null;
    const p = t.word.parts[0];
    return p.type === 'lit' && !p.quoted && RESERVED.has(p.text) ? p.text : null;
  }

  #skipNewlines(): void {
    while (this.#isOp(this.peek(), '\n')) this.take();
  }

  /** A list of and-or items, ending before one of `ends` (reserved words) or at EOF / `)`. */
  script(ends: Set<string>, inParens = false): Script {
    const items: AndOr[] = [];
    for (;;) {
      this.#skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof') break;
      const r = this.#reserved(t);
      if (r && ends.has(r)) break;
      if (inParens && this.#isOp(t, ')')) break;
      const item = this.#andOr();
      items.push(item);
      const sep = this.peek();
      if (this.#isOp(sep, '&')) {
        this.take();
        item.background = true;
      } else if (this.#isOp(sep, ';') || this.#isOp(sep, '\n')) {
        this.take();
      } else if (sep.kind === 'eof' || (inParens && this.#isOp(sep, ')'))) {
        break;
      } else {
        const r2 = this.#reserved(sep);
        // `if true; then echo a fi` keeps reading `fi` as an argument, so only `}` … can end here.
        if (!(r2 && ends.has(r2))) throw this.unexpected(sep);
      }
    }
    return { items };
  }

  #andOr(): AndOr {
    const start = this.peek().start;
    const first = this.#pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (!(this.#isOp(t, '&&') || this.#isOp(t, '||'))) break;
      this.take();
      this.#skipNewlines();
      if (this.peek().kind === 'eof') throw new IncompleteInput('operator');
      rest.push({ op: (t as { op: '&&' | '||' }).op, pipeline: this.#pipeline() });
    }
    const text = this.lexer.src.slice(start, this.#lastEnd).trim();
    return { first, rest, background: false, text };
  }

  #pipeline(): Pipeline {
    let negate = false;
    if (this.#reserved(this.peek()) === '!') {
      this.take();
      negate = true;
    }
    const commands = [this.#command()];
    while (this.#isOp(this.peek(), '|')) {
      this.take();
      this.#skipNewlines();
      if (this.peek().kind === 'eof') throw new IncompleteInput('operator');
      commands.push(this.#command());
    }
    return { negate, commands };
  }

  #command(): Command {
    const t = this.peek();
    if (t.kind === 'eof') throw new IncompleteInput('operator');
    if (this.#isOp(t, '(')) {
      this.take();
      const body = this.script(new Set(), true);
      this.#expectOp(')', body);
      return { type: 'group', subshell: true, body, redirs: this.#redirs() };
    }
    switch (this.#reserved(t)) {
      case 'if':
        return this.#if();
      case 'for':
        return this.#for();
      case 'while':
      case 'until':
        return this.#while();
      case '{': {
        this.take();
        const body = this.script(new Set(['}']));
        this.#expectWord('}', body);
        return { type: 'group', subshell: false, body, redirs: this.#redirs() };
      }
      case null:
      case '!':
        break;
      default:
        throw this.unexpected(t);
    }
    return this.#simple();
  }

  #expectWord(word: string, body?: Script): void {
    const t = this.peek();
    if (t.kind === 'eof') throw new IncompleteInput('compound');
    if (this.#reserved(t) !== word) throw this.unexpected(t);
    // `if true; then fi`: bash wants at least one command in each body.
    if (body && body.items.length === 0) throw this.unexpected(t);
    this.take();
  }

  #expectOp(op: string, body?: Script): void {
    const t = this.peek();
    if (t.kind === 'eof') throw new IncompleteInput('compound');
    if (!this.#isOp(t, op) || (body && body.items.length === 0)) throw this.unexpected(t);
    this.take();
  }

  #if(): Command {
    this.take();
    const clauses: { cond: Script; body: Script }[] = [];
    let elseBody: Script | undefined;
    for (;;) {
      const cond = this.script(new Set(['then']));
      this.#expectWord('then', cond);
      const body = this.script(new Set(['elif', 'else', 'fi']));
      clauses.push({ cond, body });
      const t = this.peek();
      if (t.kind === 'eof') throw new IncompleteInput('compound');
      if (body.items.length === 0) throw this.unexpected(t);
      const r = this.#reserved(t);
      this.take();
      if (r === 'elif') continue;
      if (r === 'else') {
        elseBody = this.script(new Set(['fi']));
        this.#expectWord('fi', elseBody);
      }
      break;
    }
    return { type: 'if', clauses, elseBody, redirs: this.#redirs() };
  }

  #for(): Command {
    this.take();
    const nameTok = this.peek();
    if (nameTok.kind === 'eof') throw new IncompleteInput('compound');
    if (nameTok.kind !== 'word') throw this.unexpected(nameTok);
    this.take();
    const name = nameTok.word.raw;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new InvalidIdentifier(name);
    let items: Word[] | undefined;
    this.#skipNewlines();
    if (this.#reserved(this.peek()) === 'in') {
      this.take();
      items = [];
      for (;;) {
        const t = this.peek();
        if (t.kind !== 'word') break;
        this.take();
        items.push(t.word);
      }
      const sep = this.peek();
      if (sep.kind === 'eof') throw new IncompleteInput('compound');
      if (!this.#isOp(sep, ';') && !this.#isOp(sep, '\n')) throw this.unexpected(sep);
      this.take();
    } else if (this.#isOp(this.peek(), ';')) {
      this.take();
    }
    this.#skipNewlines();
    this.#expectWord('do');
    const body = this.script(new Set(['done']));
    this.#expectWord('done', body);
    return { type: 'for', name, items, body, redirs: this.#redirs() };
  }

  #while(): Command {
    const until = this.#reserved(this.take()) === 'until';
    const cond = this.script(new Set(['do']));
    this.#expectWord('do', cond);
    const body = this.script(new Set(['done']));
    this.#expectWord('done', body);
    return { type: 'while', until, cond, body, redirs: this.#redirs() };
  }

  /** Redirections after a compound command: `done > file`. */
  #redirs(): Redirect[] {
    const redirs: Redirect[] = [];
    while (this.peek().kind === 'redir') redirs.push(this.#redir());
    return redirs;
  }

  #redir(): Redirect {
    const t = this.take() as Extract<Token, { kind: 'redir' }>;
    const target = this.peek();
    if (target.kind !== 'word') {
      // `echo >` at the end of the line is an error in bash, not a request for more input.
      if (target.kind === 'eof') throw new ShellSyntaxError('newline');
      throw this.unexpected(target);
    }
    this.take();
    const fd = t.fd ?? (t.op.startsWith('<') ? 0 : 1);
    if (t.op === '<<' || t.op === '<<-') {
      const redir: Redirect = { op: t.op, fd };
      const quoted = target.word.parts.some((p) => p.type === 'lit' && p.quoted);
      const delimiter = target.word.parts.map((p) => (p.type === 'lit' ? p.text : '')).join('');
      this.lexer.heredocs.push({
        delimiter: quoted ? delimiter : target.word.raw,
        quoted,
        stripTabs: t.op === '<<-',
        done: (body) => (redir.heredoc = body),
      });
      return redir;
    }
    return { op: t.op, fd, target: target.word };
  }

  #simple(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirs: [] };
    for (;;) {
      const t = this.peek();
      if (t.kind === 'redir') {
        cmd.redirs.push(this.#redir());
      } else if (t.kind === 'word') {
        this.take();
        const a = cmd.words.length === 0 ? assignment(t.word) : null;
        if (a) cmd.assigns.push(a);
        else cmd.words.push(t.word);
      } else if (this.#isOp(t, '(') && cmd.words.length > 0) {
        throw this.unexpected(t);
      } else break;
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) {
      throw this.unexpected(this.peek());
    }
    return cmd;
  }
}

/** `for 1x in …`: bash's message is `` `1x': not a valid identifier ``. */
export class InvalidIdentifier extends Error {
  constructor(readonly identifier: string) {
    super(`\`${identifier}': not a valid identifier`);
  }
}

/** `NAME=value` or `NAME+=value` as the first words of a command. */
function assignment(word: Word): Assignment | null {
  const first = word.parts[0];
  if (!first || first.type !== 'lit' || first.quoted) return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text);
  if (!m) return null;
  const restText = first.text.slice(m[0].length);
  const parts = [...(restText ? [{ ...first, text: restText }] : []), ...word.parts.slice(1)];
  return { name: m[1], append: m[2] === '+', value: { parts, raw: word.raw.slice(m[0].length) } };
}
