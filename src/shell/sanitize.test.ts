import { describe, expect, it } from 'vitest';
import { sanitize } from './sanitize.ts';

describe('sanitize', () => {
  it('keeps text, newlines and tabs', () => {
    expect(sanitize('a\tb\nc')).toBe('a\tb\nc');
  });
  it('shows control characters in caret notation, as cat -v does', () => {
    expect(sanitize('a\x1bb')).toBe('a^[b');
    expect(sanitize('\x07\x00\x7f')).toBe('^G^@^?');
    expect(sanitize('\x1b]0;title\x07')).toBe('^[]0;title^G');
    expect(sanitize('\x1b[2J')).toBe('^[[2J');
  });
  it('keeps colour (SGR) unless told not to', () => {
    expect(sanitize('\x1b[1;31mred\x1b[0m')).toBe('\x1b[1;31mred\x1b[0m');
    expect(sanitize('\x1b[31mred', { keepSgr: false })).toBe('^[[31mred');
  });
  it('reads CRLF as LF and shows a lone CR', () => {
    expect(sanitize('a\r\nb\rc')).toBe('a\nb^Mc');
  });
});
