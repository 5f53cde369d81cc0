// Text from user data (file contents, pod logs, HTTP bodies) must not drive the terminal: an ESC in
// a file could move the cursor, retitle the window or write the clipboard (OSC 52). Control
// characters are shown in caret notation, as `cat -v` does: ESC becomes `^[`.
// Colour (SGR: ESC [ params m) is kept by default: it only styles text, and real terminals show
// coloured logs as colours.

export interface SanitizeOptions {
  /** Keep well-formed SGR sequences (`\x1b[1;31m`). Default true. */
  keepSgr?: boolean;
}

const SGR = /^\x1b\[[0-9;:]*m/;

export function sanitize(text: string, options: SanitizeOptions = {}): string {
  const keepSgr = options.keepSgr ?? true;
  // Fast path: most output has no control characters besides \n and \t.
  if (!/[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    if (c === '\n' || c === '\t') out += c;
    else if (c === '\r' && text[i + 1] === '\n') continue; // CRLF files read as plain lines
    else if (c === '\x1b' && keepSgr && SGR.test(text.slice(i, i + 64))) {
      const seq = SGR.exec(text.slice(i, i + 64))![0];
      out += seq;
      i += seq.length - 1;
    } else if (code < 0x20) out += '^' + String.fromCharCode(code + 64);
    else if (code === 0x7f) out += '^?';
    else if (code >= 0x80 && code <= 0x9f) out += 'M-^' + String.fromCharCode(code - 64);
    else out += c;
  }
  return out;
}
