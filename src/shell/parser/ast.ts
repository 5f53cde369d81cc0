// The shell's syntax tree. Words keep their quoting, because expansion depends on it: "$x" is one
// field, $x is split on spaces, '$x' is not expanded at all.

export type WordPart =
  | { type: 'lit'; text: string; quoted: boolean }
  /** $NAME, ${NAME}, $?, $#, $1 …; `fallback` is the word of ${NAME:-word}. */
  | { type: 'var'; name: string; quoted: boolean; op?: ':-' | '-' | ':=' | '=' | '#len'; arg?: Word }
  | { type: 'cmdsub'; script: Script; quoted: boolean }
  | { type: 'arith'; expr: Word; quoted: boolean }
  /** A leading unquoted `~` or `~/`. */
  | { type: 'tilde' };

export interface Word {
  parts: WordPart[];
  /** The source text, for messages and job listings. */
  raw: string;
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '>|';

export interface Redirect {
  op: RedirOp;
  fd: number;
  /** The file name, the fd number for >& and <&, or the here-string. */
  target?: Word;
  /** Here-document body: a word to expand, or literal text when the delimiter was quoted. */
  heredoc?: Word;
}

export interface Assignment {
  name: string;
  value: Word;
  append: boolean;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirs: Redirect[];
}

export interface IfCommand {
  type: 'if';
  clauses: { cond: Script; body: Script }[];
  elseBody?: Script;
  redirs: Redirect[];
}

export interface ForCommand {
  type: 'for';
  name: string;
  /** Undefined for `for x; do` (iterates over "$@", which is empty here). */
  items?: Word[];
  body: Script;
  redirs: Redirect[];
}

export interface WhileCommand {
  type: 'while';
  until: boolean;
  cond: Script;
  body: Script;
  redirs: Redirect[];
}

export interface GroupCommand {
  type: 'group';
  /** `( … )` runs in a subshell, `{ …; }` in the current one. */
  subshell: boolean;
  body: Script;
  redirs: Redirect[];
}

export type Command = SimpleCommand | IfCommand | ForCommand | WhileCommand | GroupCommand;

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
  /** Source text without the trailing `&`, as `jobs` shows it. */
  text: string;
}

export interface Script {
  items: AndOr[];
}
