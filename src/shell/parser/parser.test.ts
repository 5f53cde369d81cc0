import { describe, expect, it } from 'vitest';
import { parse, IncompleteInput, ShellSyntaxError } from './index.ts';

function incomplete(src: string): string | null {
  try {
    parse(src);
    return null;
  } catch (e) {
    if (e instanceof IncompleteInput) return e.reason;
    throw e;
  }
}

function syntaxError(src: string): string {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.message;
    throw e;
  }
  throw new Error('parsed');
}

describe('incomplete input asks for a continuation line', () => {
  it.each([
    ['echo "abc', 'quote'],
    ["echo 'abc", 'quote'],
    ['echo a |', 'operator'],
    ['echo a &&', 'operator'],
    ['echo a ||', 'operator'],
    ['echo a \\', 'backslash'],
    ['for x in a b', 'compound'],
    ['for x in a b; do echo $x', 'compound'],
    ['while true; do', 'compound'],
    ['if true; then echo', 'compound'],
    ['if true; then echo a; else', 'compound'],
    ['{ echo a', 'compound'],
    ['( echo a', 'compound'],
    ['cat <<EOF', 'heredoc'],
    ['cat <<EOF\nline', 'heredoc'],
    ['echo $(echo a', 'substitution'],
    ['echo `echo a', 'quote'],
  ])('%j → %s', (src, reason) => {
    expect(incomplete(src)).toBe(reason);
  });

  it('completes once the missing part arrives', () => {
    expect(incomplete('for x in a b\ndo echo $x\ndone')).toBeNull();
    expect(incomplete('cat <<EOF\nline\nEOF')).toBeNull();
    expect(incomplete('echo a |\ncat')).toBeNull();
    expect(incomplete('echo "a\nb"')).toBeNull();
    expect(incomplete('echo a \\\nb')).toBeNull();
  });
});

describe('syntax errors name the token as bash does', () => {
  // Messages checked against interactive bash 5.2.
  it.each([
    [';;', ';;'],
    ['echo a; ;', ';'],
    ['fi', 'fi'],
    ['if true; then fi', 'fi'],
    ['echo >', 'newline'],
    ['echo a | | b', '|'],
    ['do', 'do'],
    ['echo a )', ')'],
  ])('%j', (src, token) => {
    expect(syntaxError(src)).toBe(`syntax error near unexpected token \`${token}'`);
  });
});

describe('structure', () => {
  it('keeps quoting on word parts', () => {
    const s = parse(`echo 'a $x' "b $y" c\\ d`);
    const words = (s.items[0].first.commands[0] as { words: { parts: unknown[] }[] }).words;
    expect(words[1].parts).toEqual([{ type: 'lit', text: 'a $x', quoted: true }]);
    expect(words[2].parts).toEqual([
      { type: 'lit', text: 'b ', quoted: true },
      { type: 'var', name: 'y', quoted: true },
    ]);
    expect(words[3].parts).toEqual([
      { type: 'lit', text: 'c', quoted: false },
      { type: 'lit', text: ' ', quoted: true },
      { type: 'lit', text: 'd', quoted: false },
    ]);
  });

  it('records background items and their text for job listings', () => {
    const s = parse('sleep 5 & echo hi');
    expect(s.items.map((i) => [i.text, i.background])).toEqual([
      ['sleep 5', true],
      ['echo hi', false],
    ]);
  });

  it('splits assignments from words', () => {
    const cmd = parse('A=1 B=x$y cmd C=3').items[0].first.commands[0];
    expect(cmd.type).toBe('simple');
    if (cmd.type !== 'simple') return;
    expect(cmd.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.words.map((w) => w.raw)).toEqual(['cmd', 'C=3']);
  });

  it('parses redirections with fds', () => {
    const cmd = parse('cmd 2>&1 >out 2>>err &>all <in').items[0].first.commands[0];
    expect(cmd.redirs.map((r) => [r.op, r.fd, r.target?.raw])).toEqual([
      ['>&', 2, '1'],
      ['>', 1, 'out'],
      ['>>', 2, 'err'],
      ['&>', 1, 'all'],
      ['<', 0, 'in'],
    ]);
  });

  it('quoted heredoc delimiters keep the body literal', () => {
    const cmd = parse("cat <<'EOF'\n$x\nEOF").items[0].first.commands[0];
    expect(cmd.redirs[0].heredoc?.parts).toEqual([{ type: 'lit', text: '$x\n', quoted: true }]);
  });

  it('treats reserved words as words after the command name', () => {
    const cmd = parse('echo if then done').items[0].first.commands[0];
    expect(cmd.type === 'simple' && cmd.words.map((w) => w.raw)).toEqual(['echo', 'if', 'then', 'done']);
  });

  it('parses comments', () => {
    expect(parse('echo a # comment').items[0].first.commands[0]).toMatchObject({ words: [{ raw: 'echo' }, { raw: 'a' }] });
    expect(parse('echo a#b').items[0].first.commands[0]).toMatchObject({ words: [{ raw: 'echo' }, { raw: 'a#b' }] });
  });
});
