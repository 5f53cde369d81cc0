// A readline-style line editor, pure: keys in, terminal output and host calls out. It owns the
// line on the UI side of the Terminal port, so keystrokes echo at once without a worker round trip.
// Key bindings follow bash's emacs mode (readline's defaults).

import { KEY, isPrintable, splitKeys } from './keys.ts';
import { endRow, moveTo, rowCol, visibleWidth } from './wrap.ts';

export interface Completion {
  /** Code-unit index in the line where the word being completed starts. */
  replaceFrom: number;
  candidates: string[];
}

export interface LineEditorHost {
  write(data: string): void;
  /** A line entered (null: end of input, Ctrl+D on an empty line). */
  submit(line: string | null): void;
  /** Ctrl+C while a command runs. */
  interrupt(): void;
  complete(line: string, cursor: number): Promise<Completion>;
  /** 'ready': a prompt waits for a line; 'busy': a command runs. */
  stateChanged(state: 'ready' | 'busy'): void;
}

type Mode = 'busy' | 'edit' | 'search';

interface Search {
  query: string;
  /** History index of the current match, or -1 before the first match. */
  index: number;
  /** Code-point offset of the match in that entry. */
  at: number;
  failed: boolean;
  original: string[];
  originalCursor: number;
}

const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';
const HISTORY_MAX = 1000;

export class LineEditor {
  readonly #host: LineEditorHost;
  #columns: number;
  #mode: Mode = 'busy';
  #prompt = '';
  #line: string[] = [];
  #cursor = 0;
  /** Row of the edit area the screen cursor is on (0: the prompt's row). */
  #cursorRow = 0;
  /** Column where the edit area starts: output without a final newline leaves the prompt after it, as in bash. */
  #origin = 0;
  /** Column the shell's output has left the cursor in (tracked while busy). */
  #outColumn = 0;
  #history: string[] = [];
  #historyIndex = 0;
  #draft: string[] = [];
  #search: Search | null = null;
  #killed = '';
  /** Keys typed or pasted while a command runs: finished lines, then the start of the next one. */
  #pendingLines: (string | null)[] = [];
  #typeahead: string[] = [];
  /** Bumped on every edit; a completion answer for an older version is stale. */
  #version = 0;
  #lastKey = '';
  #needNewline = false;
  #echoedInterrupt = false;

  constructor(host: LineEditorHost, columns = 80) {
    this.#host = host;
    this.#columns = Math.max(1, columns);
  }

  get ready(): boolean {
    return this.#mode !== 'busy';
  }

  get line(): string {
    return this.#line.join('');
  }

  get history(): readonly string[] {
    return this.#history;
  }

  resize(columns: number): void {
    this.#columns = Math.max(1, columns);
    // xterm reflows soft-wrapped rows, so the cursor keeps its offset in the line.
    if (this.#mode !== 'busy') this.#cursorRow = rowCol(this.#origin + this.#view().cursor, this.#columns).row;
  }

  /** The shell waits for a line: show the prompt and start editing. */
  prompt(text: string): void {
    this.#echoedInterrupt = false;
    if (this.#needNewline) this.#write('\r\n');
    this.#needNewline = false;
    const nl = text.lastIndexOf('\n');
    if (nl >= 0) this.#write(text.slice(0, nl + 1));
    this.#origin = this.#outColumn;
    this.#prompt = text.slice(nl + 1);
    this.#mode = 'edit';
    this.#line = this.#typeahead;
    this.#cursor = this.#line.length;
    this.#typeahead = [];
    this.#historyIndex = this.#history.length;
    this.#cursorRow = 0;
    this.#lastKey = '';
    this.#render();
    this.#host.stateChanged('ready');
    if (this.#pendingLines.length) {
      const next = this.#pendingLines.shift()!;
      if (next === null) this.#eof();
      else {
        this.#line = Array.from(next);
        this.#cursor = this.#line.length;
        this.#accept();
      }
    }
  }

  /** Output from the shell. While a prompt is shown (rare: async output), it goes above it. */
  output(data: string): void {
    // A shell may echo ^C itself as well (src/shell/session.ts does): show it once.
    if (this.#echoedInterrupt && data.startsWith('^C')) data = data.slice(2);
    this.#echoedInterrupt = false;
    if (data === '') return;
    this.#needNewline = false;
    if (this.#mode === 'busy') {
      this.#write(data);
      return;
    }
    this.#host.write(moveTo(this.#cursorRow, 0, this.#origin) + '\x1b[J' + data + (data.endsWith('\n') ? '' : '\r\n'));
    this.#newRow();
    this.#render();
  }

  clearScreen(): void {
    this.#host.write(CLEAR_SCREEN);
    this.#newRow();
    this.#needNewline = false;
    if (this.#mode !== 'busy') this.#render();
  }

  /** Keys from xterm's onData. */
  feed(data: string): void {
    const before = this.#version;
    let dirty = false;
    for (const key of splitKeys(data)) {
      if (this.#mode === 'busy') this.#busyKey(key);
      else if (this.#mode === 'search') dirty = this.#searchKey(key) || dirty;
      else dirty = this.#editKey(key) || dirty;
      if (this.#mode !== 'busy') this.#lastKey = key;
      if (this.#mode === 'busy') dirty = false;
    }
    if (dirty || this.#version !== before) {
      if (this.#mode !== 'busy') this.#render();
    }
  }

  // ---- keys while a command runs: a cooked tty buffers them until the next prompt ----

  #busyKey(key: string): void {
    const name = KEY[key];
    if (name === 'interrupt') {
      this.#write('^C');
      this.#needNewline = true;
      this.#echoedInterrupt = true;
      this.#pendingLines = [];
      this.#typeahead = [];
      this.#host.interrupt();
    } else if (name === 'enter') {
      this.#pendingLines.push(this.#typeahead.join(''));
      this.#typeahead = [];
    } else if (name === 'eof' && this.#typeahead.length === 0) {
      this.#pendingLines.push(null);
    } else if (name === 'backspace') {
      this.#typeahead.pop();
    } else if (isPrintable(key)) {
      this.#typeahead.push(key);
    }
  }

  // ---- editing ----

  /** Returns true when the screen needs a redraw. */
  #editKey(key: string): boolean {
    if (isPrintable(key)) {
      this.#insert([key]);
      return true;
    }
    const line = this.#line;
    switch (KEY[key]) {
      case 'enter':
        this.#accept();
        return false;
      case 'left':
        if (this.#cursor > 0) this.#cursor--;
        return true;
      case 'right':
        if (this.#cursor < line.length) this.#cursor++;
        return true;
      case 'home':
        this.#cursor = 0;
        return true;
      case 'end':
        this.#cursor = line.length;
        return true;
      case 'word-left':
        this.#cursor = wordLeft(line, this.#cursor);
        return true;
      case 'word-right':
        this.#cursor = wordRight(line, this.#cursor);
        return true;
      case 'backspace':
        if (this.#cursor > 0) this.#delete(this.#cursor - 1, this.#cursor);
        return true;
      case 'delete':
        if (this.#cursor < line.length) this.#delete(this.#cursor, this.#cursor + 1);
        return true;
      case 'kill-start':
        this.#kill(0, this.#cursor);
        return true;
      case 'kill-end':
        this.#kill(this.#cursor, line.length);
        return true;
      case 'rubout-word':
        this.#kill(unixWordStart(line, this.#cursor), this.#cursor);
        return true;
      case 'kill-word':
        this.#kill(this.#cursor, wordRight(line, this.#cursor));
        return true;
      case 'yank':
        this.#insert(Array.from(this.#killed));
        return true;
      case 'up':
        this.#historyMove(-1);
        return true;
      case 'down':
        this.#historyMove(1);
        return true;
      case 'interrupt':
        this.#abandon();
        return false;
      case 'eof':
        if (line.length === 0) this.#eof();
        else if (this.#cursor < line.length) this.#delete(this.#cursor, this.#cursor + 1);
        return true;
      case 'clear-screen':
        this.clearScreen();
        return false;
      case 'tab':
        this.#complete(this.#lastKey === '\t');
        return false;
      case 'search':
        this.#search = { query: '', index: -1, at: 0, failed: false, original: line, originalCursor: this.#cursor };
        this.#mode = 'search';
        return true;
      default:
        return false; // unbound keys do nothing, as in readline
    }
  }

  #insert(chars: string[]): void {
    if (chars.length === 0) return;
    this.#line = [...this.#line.slice(0, this.#cursor), ...chars, ...this.#line.slice(this.#cursor)];
    this.#cursor += chars.length;
    this.#version++;
  }

  #delete(from: number, to: number): void {
    this.#line = [...this.#line.slice(0, from), ...this.#line.slice(to)];
    this.#cursor = from;
    this.#version++;
  }

  #kill(from: number, to: number): void {
    if (to <= from) return;
    this.#killed = this.#line.slice(from, to).join('');
    this.#delete(from, to);
  }

  #historyMove(step: number): void {
    const target = this.#historyIndex + step;
    if (target < 0 || target > this.#history.length) return;
    if (this.#historyIndex === this.#history.length) this.#draft = this.#line;
    this.#historyIndex = target;
    this.#line = target === this.#history.length ? this.#draft : Array.from(this.#history[target]);
    this.#cursor = this.#line.length;
    this.#version++;
  }

  /** Enter: the line goes to the shell and into history. */
  #accept(): void {
    this.#cursor = this.#line.length;
    this.#render();
    this.#write('\r\n');
    const text = this.line;
    if (text.trim() !== '' && this.#history[this.#history.length - 1] !== text) {
      this.#history.push(text);
      if (this.#history.length > HISTORY_MAX) this.#history.shift();
    }
    this.#toBusy();
    this.#host.submit(text);
  }

  #eof(): void {
    this.#needNewline = true;
    this.#toBusy();
    this.#host.submit(null);
  }

  /** Ctrl+C at a prompt: bash prints ^C, drops the line and prompts again. */
  #abandon(): void {
    this.#cursor = this.#line.length;
    this.#render();
    this.#host.write('^C\r\n');
    this.#newRow();
    this.#line = [];
    this.#cursor = 0;
    this.#search = null;
    this.#mode = 'edit';
    this.#historyIndex = this.#history.length;
    this.#version++;
    this.#render();
  }

  #toBusy(): void {
    this.#mode = 'busy';
    this.#search = null;
    this.#line = [];
    this.#cursor = 0;
    this.#newRow();
    this.#version++;
    this.#host.stateChanged('busy');
  }

  // ---- completion ----

  #complete(again: boolean): void {
    const version = this.#version;
    const text = this.line;
    const cursor = this.#line.slice(0, this.#cursor).join('').length;
    this.#host.complete(text, cursor).then(
      (result) => {
        if (this.#mode !== 'edit' || this.#version !== version) return; // the line changed meanwhile
        this.#applyCompletion(text, cursor, result, again);
      },
      () => {},
    );
  }

  #applyCompletion(text: string, cursor: number, result: Completion, again: boolean): void {
    const { candidates } = result;
    if (candidates.length === 0) return;
    const word = text.slice(result.replaceFrom, cursor);
    let insert: string;
    if (candidates.length === 1) {
      const only = candidates[0];
      // bash adds a space after a finished word, not after a directory or an option waiting for its value.
      insert = /[/=]$/.test(only) || only.endsWith(' ') ? only : only + ' ';
    } else {
      const common = commonPrefix(candidates);
      if (common.length > word.length && common.startsWith(word)) insert = common;
      else {
        if (again) this.#listCandidates(candidates);
        return;
      }
    }
    const before = Array.from(text.slice(0, result.replaceFrom));
    const after = Array.from(text.slice(cursor));
    const inserted = Array.from(insert);
    this.#line = [...before, ...inserted, ...after];
    this.#cursor = before.length + inserted.length;
    this.#version++;
    this.#lastKey = ''; // a completion that made progress does not count as the first Tab
    this.#render();
  }

  /** The second Tab on an ambiguous word: bash lists the candidates in columns, then redraws the line. */
  #listCandidates(candidates: string[]): void {
    const savedCursor = this.#cursor;
    this.#cursor = this.#line.length;
    this.#render();
    this.#host.write('\r\n' + formatColumns(candidates, this.#columns));
    this.#newRow();
    this.#cursor = savedCursor;
    this.#render();
  }

  // ---- reverse-i-search ----

  #searchKey(key: string): boolean {
    const s = this.#search!;
    const name = isPrintable(key) ? 'char' : KEY[key];
    switch (name) {
      case 'char':
        s.query += key;
        this.#searchFrom(s.index < 0 ? this.#history.length - 1 : s.index);
        return true;
      case 'backspace':
        s.query = s.query.slice(0, -1);
        s.index = -1;
        s.failed = false;
        if (s.query) this.#searchFrom(this.#history.length - 1);
        return true;
      case 'search':
        if (s.query === '' && s.index < 0) return false;
        this.#searchFrom(s.index < 0 ? this.#history.length - 1 : s.index - 1);
        return true;
      case 'abort': // Ctrl+G: back to the line as it was
        this.#line = s.original;
        this.#cursor = s.originalCursor;
        this.#endSearch();
        return true;
      case 'interrupt':
        this.#endSearch();
        this.#abandon();
        return false;
      case 'enter':
        this.#takeMatch();
        this.#accept();
        return false;
      case 'escape':
        this.#takeMatch();
        return true;
      default:
        // Any other key ends the search with the match on the line, then does its usual job.
        this.#takeMatch();
        return this.#editKey(key) || true;
    }
  }

  /** Search backwards from history index `start` (inclusive) for the query. */
  #searchFrom(start: number): void {
    const s = this.#search!;
    for (let i = Math.min(start, this.#history.length - 1); i >= 0; i--) {
      const at = this.#history[i].lastIndexOf(s.query);
      if (at >= 0) {
        s.index = i;
        s.at = Array.from(this.#history[i].slice(0, at)).length;
        s.failed = false;
        return;
      }
    }
    s.failed = true;
  }

  #takeMatch(): void {
    const s = this.#search!;
    if (s.index >= 0) {
      this.#line = Array.from(this.#history[s.index]);
      this.#cursor = s.at;
      this.#historyIndex = s.index;
    }
    this.#endSearch();
  }

  #endSearch(): void {
    this.#search = null;
    this.#mode = 'edit';
    this.#version++;
  }

  // ---- drawing ----

  /** What the edit area shows: the prompt part, the line part, and the cursor's display offset. */
  #view(): { prompt: string; line: string; cursor: number } {
    const s = this.#search;
    if (s) {
      const label = `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
      const match = s.index >= 0 ? this.#history[s.index] : s.original.join('');
      const at = s.index >= 0 ? s.at : s.originalCursor;
      return { prompt: label, line: match, cursor: visibleWidth(label) + at };
    }
    const before = this.#line.slice(0, this.#cursor).join('');
    return { prompt: this.#prompt, line: this.line, cursor: visibleWidth(this.#prompt) + visibleWidth(before) };
  }

  /** Output written while busy: remember the column it ends in. */
  #write(data: string): void {
    this.#host.write(data);
    const cut = Math.max(data.lastIndexOf('\n'), data.lastIndexOf('\r'));
    const tail = visibleWidth(data.slice(cut + 1));
    this.#outColumn = cut >= 0 ? tail % this.#columns : (this.#outColumn + tail) % this.#columns;
  }

  /** The cursor is at the start of a fresh row: the edit area starts there. */
  #newRow(): void {
    this.#cursorRow = 0;
    this.#origin = 0;
    this.#outColumn = 0;
  }

  /** Redraw the edit area from its first row and put the cursor in place. */
  #render(): void {
    const view = this.#view();
    const width = this.#origin + visibleWidth(view.prompt) + visibleWidth(view.line);
    const cols = this.#columns;
    let out = moveTo(this.#cursorRow, 0, this.#origin) + '\x1b[J' + view.prompt + view.line;
    if (width > 0 && width % cols === 0) out += '\r\n';
    const target = rowCol(this.#origin + view.cursor, cols);
    out += moveTo(endRow(width, cols), target.row, target.col);
    this.#cursorRow = target.row;
    this.#host.write(out);
  }
}

// ---- word motion, as readline defines it ----

const isWordChar = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);

/** Alt+B: back over non-word characters, then over word characters. */
export function wordLeft(line: string[], cursor: number): number {
  let i = cursor;
  while (i > 0 && !isWordChar(line[i - 1])) i--;
  while (i > 0 && isWordChar(line[i - 1])) i--;
  return i;
}

/** Alt+F: forward over non-word characters, then over word characters. */
export function wordRight(line: string[], cursor: number): number {
  let i = cursor;
  while (i < line.length && !isWordChar(line[i])) i++;
  while (i < line.length && isWordChar(line[i])) i++;
  return i;
}

/** Ctrl+W (unix-word-rubout): words here are separated by whitespace only. */
export function unixWordStart(line: string[], cursor: number): number {
  let i = cursor;
  while (i > 0 && /\s/.test(line[i - 1])) i--;
  while (i > 0 && !/\s/.test(line[i - 1])) i--;
  return i;
}

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Candidates in columns, sorted down each column first (readline's default), two spaces apart. */
export function formatColumns(words: string[], columns: number): string {
  const width = Math.max(...words.map(visibleWidth)) + 2;
  // readline's rule (rl_display_match_list): as many as fit, one fewer when they would fill the row exactly.
  let perRow = Math.max(1, Math.floor(columns / width));
  if (perRow > 1 && perRow * width === columns) perRow--;
  const rows = Math.ceil(words.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const w = words[c * rows + r];
      if (w !== undefined) cells.push(w);
    }
    out += cells.map((w, i) => (i < cells.length - 1 ? w + ' '.repeat(width - visibleWidth(w)) : w)).join('') + '\r\n';
  }
  return out;
}
