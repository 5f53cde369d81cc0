import { describe, expect, it } from 'vitest';
import { embedLayout, MAX_COMMANDS, parsePageMode } from './embed.ts';

function parse(search: string) {
  const warnings: string[] = [];
  const mode = parsePageMode(search, (m) => warnings.push(m));
  return { mode, warnings };
}

describe('parsePageMode', () => {
  it('gives the full app with nothing set', () => {
    const { mode, warnings } = parse('');
    expect(mode).toEqual({ embed: false, panes: null, lesson: null, theme: null, commands: [], terminals: 1, seed: null, status: null });
    expect(warnings).toEqual([]);
  });

  it('reads every parameter', () => {
    const { mode, warnings } = parse(
      '?embed=1&panes=terminal,traffic&lesson=05-nodeport&theme=dark&cmd=kubectl%20get%20nodes&cmd=echo%20hi&terminals=2&seed=7&status=1',
    );
    expect(mode).toEqual({
      embed: true,
      panes: ['terminal', 'traffic'],
      lesson: { id: '05-nodeport' },
      theme: 'dark',
      commands: ['kubectl get nodes', 'echo hi'],
      terminals: 2,
      seed: 7,
      status: true,
    });
    expect(warnings).toEqual([]);
  });

  it('takes `embed` with no value as on', () => {
    expect(parse('?embed').mode.embed).toBe(true);
    expect(parse('?embed=0').mode.embed).toBe(false);
  });

  it('keeps panes in the order given, without repeats, case-insensitive', () => {
    expect(parse('?panes=Lesson,%20terminal,lesson,,editor').mode.panes).toEqual(['lesson', 'terminal', 'editor']);
  });

  it('warns about an unknown pane and keeps the rest', () => {
    const { mode, warnings } = parse('?panes=terminal,graph');
    expect(mode.panes).toEqual(['terminal']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('graph');
  });

  it('falls back to the defaults when no pane is known', () => {
    const { mode, warnings } = parse('?panes=nope');
    expect(mode.panes).toBeNull();
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('tells lesson ids from URLs as the lesson pane does', () => {
    expect(parse('?lesson=https://example.com/l.md').mode.lesson).toEqual({ url: 'https://example.com/l.md' });
    expect(parse('?lesson=/lessons/x.md').mode.lesson).toEqual({ url: '/lessons/x.md' });
    expect(parse('?lesson=./x.md').mode.lesson).toEqual({ url: './x.md' });
    expect(parse('?lesson=01-first-service').mode.lesson).toEqual({ id: '01-first-service' });
    const bad = parse('?lesson=%3Cscript%3E');
    expect(bad.mode.lesson).toBeNull();
    expect(bad.warnings).toHaveLength(1);
  });

  it('ignores a theme other than light or dark', () => {
    const { mode, warnings } = parse('?theme=blue');
    expect(mode.theme).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(parse('?theme=LIGHT').mode.theme).toBe('light');
  });

  it('splits a cmd on newlines and drops empty ones', () => {
    expect(parse('?cmd=echo%20a%0Aecho%20b%0D%0A%0A&cmd=').mode.commands).toEqual(['echo a', 'echo b']);
  });

  it('refuses a cmd with control characters (they would be keystrokes)', () => {
    for (const c of ['%03', '%1B%5B2J', '%09', '%7F', '%C2%9B']) {
      const { mode, warnings } = parse(`?cmd=echo%20x${c}y&cmd=echo%20ok`);
      expect(mode.commands).toEqual(['echo ok']);
      expect(warnings).toHaveLength(1);
    }
  });

  it('caps the number of commands', () => {
    const search = '?' + Array.from({ length: MAX_COMMANDS + 3 }, (_, i) => `cmd=echo%20${i}`).join('&');
    const { mode, warnings } = parse(search);
    expect(mode.commands).toHaveLength(MAX_COMMANDS);
    expect(warnings).toHaveLength(3);
  });

  it('refuses a very long cmd', () => {
    const { mode, warnings } = parse(`?cmd=${'x'.repeat(1001)}`);
    expect(mode.commands).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('checks terminals and seed are whole numbers in range', () => {
    for (const bad of ['terminals=0', 'terminals=9', 'terminals=two', 'terminals=1.5', 'seed=-1', 'seed=1e3', 'seed=4294967296', 'seed=']) {
      const { mode, warnings } = parse('?' + bad);
      expect(mode.terminals).toBe(1);
      expect(mode.seed).toBeNull();
      expect(warnings, bad).toHaveLength(1);
    }
    expect(parse('?seed=0').mode.seed).toBe(0);
    expect(parse('?seed=4294967295').mode.seed).toBe(4294967295);
    expect(parse('?terminals=4').mode.terminals).toBe(4);
  });

  it('warns about a bad flag and uses the default', () => {
    const { mode, warnings } = parse('?embed=maybe&status=perhaps');
    expect(mode.embed).toBe(false);
    expect(mode.status).toBeNull();
    expect(warnings).toHaveLength(2);
  });
});

describe('embedLayout', () => {
  it('puts two panes side by side when they fit across', () => {
    expect(embedLayout(['terminal', 'traffic'], 800, 400)).toEqual({ direction: 'row', shown: ['terminal', 'traffic'] });
  });

  it('stacks them when the terminal would be too narrow beside the other', () => {
    expect(embedLayout(['terminal', 'traffic'], 640, 400)).toEqual({ direction: 'column', shown: ['terminal', 'traffic'] });
  });

  it('stacks them in a tall narrow box', () => {
    expect(embedLayout(['terminal', 'traffic'], 360, 640)).toEqual({ direction: 'column', shown: ['terminal', 'traffic'] });
  });

  it('shows only the first pane when the box is small', () => {
    expect(embedLayout(['terminal', 'traffic'], 320, 240)).toEqual({ direction: 'row', shown: ['terminal'] });
  });

  it('always shows the first pane, even in a box smaller than it', () => {
    expect(embedLayout(['traffic'], 100, 100).shown).toEqual(['traffic']);
  });

  it('lets a picked pane take the last place, keeping priority order', () => {
    expect(embedLayout(['terminal', 'traffic'], 320, 240, 'traffic').shown).toEqual(['traffic']);
    expect(embedLayout(['lesson', 'terminal', 'traffic'], 700, 300, 'traffic')).toEqual({ direction: 'row', shown: ['lesson', 'traffic'] });
  });

  it('ignores a picked pane that was not asked for or already shows', () => {
    expect(embedLayout(['terminal'], 320, 240, 'traffic').shown).toEqual(['terminal']);
    expect(embedLayout(['terminal', 'traffic'], 800, 400, 'terminal').shown).toEqual(['terminal', 'traffic']);
  });
});
