// POSIX regular expressions (grep, sed) translated to JavaScript RegExp source. In a basic regex
// (BRE) `+ ? | ( ) { }` are literal and their backslashed forms are operators; in an extended one
// (ERE) it is the other way round, as in JavaScript.

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~', graph: '!-~',
};

export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      // Bracket expression: copied, with [:class:] expanded and `]` first taken literally.
      let j = i + 1;
      let body = '';
      if (pattern[j] === '^') {
        body += '^';
        j++;
      }
      if (pattern[j] === ']') {
        body += '\\]';
        j++;
      }
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        const cls = /^\[:([a-z]+):\]/.exec(pattern.slice(j));
        if (cls && CLASSES[cls[1]]) {
          body += CLASSES[cls[1]];
          j += cls[0].length - 1;
        } else if (pattern[j] === '\\') body += '\\\\';
        else body += pattern[j];
      }
      if (j >= pattern.length) {
        out += '\\[';
        continue;
      }
      out += `[${body}]`;
      i = j;
      continue;
    }
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i];
      if (!extended && '+?|(){}'.includes(n)) out += n;
      else if (/[wWsSbB]/.test(n)) out += '\\' + n;
      else if (/[1-9]/.test(n)) out += '\\' + n;
      else if (n === '<' || n === '>') out += '\\b';
      else out += n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      continue;
    }
    if (!extended && '+?|(){}'.includes(c)) out += '\\' + c;
    else if (c === '*' && (out === '' || out.endsWith('^') || out.endsWith('('))) out += '\\*';
    else if (c === '{' && extended && !/^\{\d*,?\d*\}/.test(pattern.slice(i))) out += '\\{';
    else out += c;
  }
  return out;
}

/** Escapes text for use as a literal inside a RegExp (grep -F). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
