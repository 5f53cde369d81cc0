// Tab completion: command names at the start of a command, `$VARS`, file paths elsewhere, and
// per-program completers other modules register (kubectl registers one for resources and flags).

import type { ShellSession } from './session.ts';

export interface Completion {
  /** Index in the line where the replaced text starts; the caller replaces line[replaceFrom..cursor]. */
  replaceFrom: number;
  /** Full replacements for that text; directories end in `/`. */
  candidates: string[];
}

export interface CompleterRequest {
  session: ShellSession;
  /** Words of the current command before the one being completed (words[0] is the program). */
  words: string[];
  /** The partial word under the cursor. */
  current: string;
}

/** Returns candidates for `current`, or null to fall back to file names. */
export type Completer = (req: CompleterRequest) => string[] | null | Promise<string[] | null>;

const completers = new Map<string, Completer>();

export function registerCompleter(program: string, completer: Completer): void {
  completers.set(program, completer);
}

export function unregisterCompleter(program: string): void {
  completers.delete(program);
}

/** Splits the text before the cursor into the current command's words (quotes respected, roughly). */
function currentCommand(text: string): { words: string[]; current: string; start: number } {
  const words: string[] = [];
  let word = '';
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
    } else if (c === ' ' || c === '\t') {
      if (word) words.push(word);
      word = '';
      start = i + 1;
    } else if (';|&()'.includes(c) || (c === '$' && text[i + 1] === '(')) {
      // A new command starts after these.
      if (word) words.push(word);
      words.length = 0;
      word = '';
      start = i + 1;
      if (c === '$') start = ++i + 1;
    } else {
      word += c;
    }
  }
  return { words, current: word, start };
}

export async function complete(session: ShellSession, line: string, cursor: number = line.length): Promise<Completion> {
  const before = line.slice(0, cursor);
  const { words, current, start } = currentCommand(before);
  // Variables: `$HO` → `$HOME`.
  const dollar = /\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  if (dollar) {
    const prefix = dollar[1] ?? '';
    const brace = dollar[0].startsWith('${');
    const names = [...session.state.vars.keys()].filter((n) => /^[A-Za-z_]/.test(n) && n.startsWith(prefix)).sort();
    return { replaceFrom: cursor - dollar[0].length, candidates: names.map((n) => (brace ? `\${${n}}` : `$${n}`)) };
  }
  if (words.length === 0 && !current.includes('/')) {
    const names = new Set([...session.programs.keys(), ...session.builtins.keys()]);
    const candidates = [...names].filter((n) => n.startsWith(current)).sort();
    return { replaceFrom: start, candidates };
  }
  const custom = words.length > 0 ? completers.get(words[0]) : undefined;
  if (custom) {
    const result = await custom({ session, words, current });
    if (result) return { replaceFrom: start, candidates: result.filter((c) => c.startsWith(current)) };
  }
  return { replaceFrom: start, candidates: completePath(session, current) };
}

function completePath(session: ShellSession, partial: string): string[] {
  const fs = session.fs.at(session.state.cwd);
  const slash = partial.lastIndexOf('/');
  const dirPart = slash >= 0 ? partial.slice(0, slash + 1) : '';
  const namePart = slash >= 0 ? partial.slice(slash + 1) : partial;
  const home = session.state.get('HOME') ?? fs.home;
  const dir = dirPart === '' ? '.' : dirPart.startsWith('~/') ? home + dirPart.slice(1) : dirPart;
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(namePart) && (namePart.startsWith('.') || !n.startsWith('.')))
    .map((n) => dirPart + n + (fs.isDir(`${dir}/${n}`) ? '/' : ''));
}
