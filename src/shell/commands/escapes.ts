// Backslash escapes shared by `echo -e` and `printf` (\n, \t, \\, \0NNN or \NNN, \xHH, \c).

const SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\',
};

/** `echoStyle`: octal is `\0NNN` (echo) rather than `\NNN` (printf). `stop` is set by `\c`. */
export function unescapeBackslashes(text: string, echoStyle: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[++i];
    if (n in SIMPLE) out += SIMPLE[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1))?.[0];
      if (hex) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += hex.length;
      } else out += '\\x';
    } else if (echoStyle ? n === '0' : /[0-7]/.test(n)) {
      const digits = /^[0-7]{0,3}/.exec(text.slice(echoStyle ? i + 1 : i))![0];
      out += String.fromCharCode(parseInt(digits || '0', 8));
      i += echoStyle ? digits.length : digits.length - 1;
    } else out += '\\' + n;
  }
  return { text: out, stop: false };
}
