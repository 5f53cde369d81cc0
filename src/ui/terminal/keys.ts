// Splits what xterm.js hands to onData into keys: one escape sequence or one character each.
// A paste arrives as a single chunk (xterm turns its newlines into \r), so a chunk may hold many keys.

/** CSI (ESC [ params final), SS3 (ESC O x), Alt+x (ESC x), a lone ESC, or one code point. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  const chars = Array.from(data);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c !== '\x1b') {
      // \r\n (a paste from a source that kept CRLF) is one Enter.
      if (c === '\r' && chars[i + 1] === '\n') i++;
      keys.push(c === '\n' ? '\r' : c);
      continue;
    }
    const next = chars[i + 1];
    if (next === undefined) {
      keys.push(c);
    } else if (next === '[') {
      let j = i + 2;
      while (j < chars.length && /[0-9;?]/.test(chars[j])) j++;
      keys.push(chars.slice(i, j + 1).join(''));
      i = j;
    } else if (next === 'O') {
      keys.push(chars.slice(i, i + 3).join(''));
      i += 2;
    } else {
      keys.push(c + next);
      i++;
    }
  }
  return keys;
}

/** The keys the editor understands, by name. Several sequences mean the same key on different terminals. */
export const KEY: Record<string, string> = {
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5C': 'word-right',
  '\x1b[1;3C': 'word-right',
  '\x1b[1;5D': 'word-left',
  '\x1b[1;3D': 'word-left',
  '\x1bb': 'word-left',
  '\x1bf': 'word-right',
  '\x1bd': 'kill-word',
  '\x1b\x7f': 'rubout-word',
  '\x01': 'home',
  '\x02': 'left',
  '\x03': 'interrupt',
  '\x04': 'eof',
  '\x05': 'end',
  '\x06': 'right',
  '\x07': 'abort',
  '\x08': 'backspace',
  '\x7f': 'backspace',
  '\t': 'tab',
  '\x0b': 'kill-end',
  '\x0c': 'clear-screen',
  '\r': 'enter',
  '\x0e': 'down',
  '\x10': 'up',
  '\x12': 'search',
  '\x15': 'kill-start',
  '\x17': 'rubout-word',
  '\x19': 'yank',
  '\x1b': 'escape',
};

/** A key that inserts itself: a printable character (not a control character or an escape sequence). */
export function isPrintable(key: string): boolean {
  if (key.length === 0 || key[0] === '\x1b') return false;
  const code = key.codePointAt(0)!;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}
