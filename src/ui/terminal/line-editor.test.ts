import { describe, expect, it } from 'vitest';
import { LineEditor, formatColumns, type Completion } from './line-editor.ts';
import { splitKeys } from './keys.ts';

/**
 * Just enough of a VT100 to check what the editor draws: printable characters with xterm's
 * pending-wrap rule, CR, LF, cursor up/down/forward, erase below, clear screen.
 */
class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  pendingWrap = false;
  constructor(readonly columns: number) {}

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (c === '\x1b') {
        const m = /^\x1b\[(\d*)([A-Za-z])/.exec(data.slice(i));
        if (!m) throw new Error('unexpected escape ' + JSON.stringify(data.slice(i, i + 6)));
        i += m[0].length - 1;
        this.#csi(m[2], m[1] === '' ? undefined : Number(m[1]));
      } else if (c === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (c === '\n') {
        this.#lineFeed();
        this.pendingWrap = false;
      } else if (c === '\x07') {
        // bell
      } else {
        if (this.pendingWrap) {
          this.col = 0;
          this.#lineFeed();
          this.pendingWrap = false;
        }
        this.#line()[this.col] = c;
        if (this.col === this.columns - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  #line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row];
  }

  #lineFeed(): void {
    this.row++;
    this.#line();
  }

  #csi(final: string, n: number | undefined): void {
    this.pendingWrap = false;
    if (final === 'A') this.row = Math.max(0, this.row - (n ?? 1));
    else if (final === 'B') this.row += n ?? 1;
    else if (final === 'C') this.col = Math.min(this.columns - 1, this.col + (n ?? 1));
    else if (final === 'J' && (n ?? 0) === 0) {
      this.#line().length = this.col;
      this.rows.length = this.row + 1;
    } else if (final === 'J' || final === 'H') {
      if (final === 'H') {
        this.row = 0;
        this.col = 0;
      } else this.rows = [[]];
    } else throw new Error('unexpected CSI ' + final);
  }

  text(): string {
    return this.rows.map((r) => Array.from(r, (c) => c ?? ' ').join('').trimEnd()).join('\n');
  }
}

function setup(columns = 80, completions: (line: string, cursor: number) => Completion = () => ({ replaceFrom: 0, candidates: [] })) {
  const screen = new Screen(columns);
  const submitted: (string | null)[] = [];
  const states: string[] = [];
  let interrupts = 0;
  const editor = new LineEditor(
    {
      write: (d) => screen.write(d),
      submit: (l) => submitted.push(l),
      interrupt: () => interrupts++,
      complete: async (line, cursor) => completions(line, cursor),
      stateChanged: (s) => states.push(s),
    },
    columns,
  );
  return { screen, editor, submitted, states, interrupts: () => interrupts };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('splitKeys', () => {
  it('splits escape sequences, Alt keys and characters', () => {
    expect(splitKeys('a\x1b[A\x1b[1;5Cb\x1bb\x1bOH\r\n')).toEqual(['a', '\x1b[A', '\x1b[1;5C', 'b', '\x1bb', '\x1bOH', '\r']);
  });
});

describe('LineEditor editing', () => {
  it('echoes typed keys after the prompt and submits the line', () => {
    const { screen, editor, submitted, states } = setup();
    editor.prompt('$ ');
    expect(states).toEqual(['ready']);
    editor.feed('echo hello');
    expect(screen.text()).toBe('$ echo hello');
    editor.feed('\r');
    expect(submitted).toEqual(['echo hello']);
    expect(states).toEqual(['ready', 'busy']);
    expect(editor.ready).toBe(false);
  });

  it('moves with arrows, Home/End, Ctrl+A/E and inserts in the middle', () => {
    const { screen, editor, submitted } = setup();
    editor.prompt('$ ');
    editor.feed('ech hllo');
    editor.feed('\x1b[D\x1b[D\x1b[D\x1b[De'); // left ×4 → before "hllo", no: after "ech "
    editor.feed('\x01\x1b[Cx\x05!'); // Ctrl+A, right, insert x, Ctrl+E, insert !
    expect(screen.text()).toBe('$ exch ehllo!');
    editor.feed('\x1b[H#\x1b[F.'); // Home, End
    editor.feed('\r');
    expect(submitted).toEqual(['#exch ehllo!.']);
  });

  it('kills with Ctrl+U, Ctrl+K, Ctrl+W and yanks with Ctrl+Y', () => {
    const { editor, submitted } = setup();
    editor.prompt('$ ');
    editor.feed('kubectl get pods -o wide');
    editor.feed('\x17'); // Ctrl+W: "wide"
    editor.feed('\x17'); // "-o "
    editor.feed('\r');
    editor.prompt('$ ');
    editor.feed('one two three\x1bb\x1bb\x0b'); // Alt+B twice, Ctrl+K
    editor.feed('\r');
    editor.prompt('$ ');
    editor.feed('abc def\x1bb\x15\x05 \x19'); // Ctrl+U before "def", yank at the end
    editor.feed('\r');
    expect(submitted).toEqual(['kubectl get pods ', 'one ', 'def abc ']);
  });

  it('moves by words with Alt+B / Alt+F', () => {
    const { editor, submitted } = setup();
    editor.prompt('$ ');
    editor.feed('get pods/web-1');
    editor.feed('\x1bb\x1bb_'); // before "web"? back over "1", then "web" → before "web"
    editor.feed('\x01\x1bf_'); // after "get"
    editor.feed('\r');
    expect(submitted).toEqual(['get_ pods/_web-1']);
  });

  it('deletes with Backspace, Delete and Ctrl+D on a non-empty line', () => {
    const { screen, editor } = setup();
    editor.prompt('$ ');
    editor.feed('abcd\x7f\x01\x1b[3~\x04');
    expect(screen.text()).toBe('$ c');
  });

  it('Ctrl+D on an empty line sends end of input', () => {
    const { editor, submitted, states } = setup();
    editor.prompt('$ ');
    editor.feed('\x04');
    expect(submitted).toEqual([null]);
    expect(states.at(-1)).toBe('busy');
  });

  it('Ctrl+C at a prompt prints ^C and prompts again without submitting', () => {
    const { screen, editor, submitted, interrupts } = setup();
    editor.prompt('$ ');
    editor.feed('half a line\x03');
    expect(screen.text()).toBe('$ half a line^C\n$');
    expect(submitted).toEqual([]);
    expect(interrupts()).toBe(0);
    editor.feed('ok\r');
    expect(submitted).toEqual(['ok']);
  });

  it('Ctrl+C while a command runs interrupts it', () => {
    const { screen, editor, interrupts } = setup();
    editor.prompt('$ ');
    editor.feed('sleep 100\r');
    editor.feed('\x03');
    expect(interrupts()).toBe(1);
    editor.prompt('$ ');
    expect(screen.text()).toBe('$ sleep 100\n^C\n$');
  });

  it('shows ^C once when the shell echoes it too', () => {
    const { screen, editor } = setup();
    editor.prompt('$ ');
    editor.feed('sleep 100\r\x03');
    editor.output('^C\n');
    editor.prompt('$ ');
    expect(screen.text()).toBe('$ sleep 100\n^C\n$');
  });

  it('Ctrl+L clears the screen and keeps the line', () => {
    const { screen, editor } = setup();
    editor.output('lots of output\n');
    editor.prompt('$ ');
    editor.feed('abc\x0c');
    expect(screen.text()).toBe('$ abc');
  });

  it('puts a prompt after output that ended without a newline on the same row, as bash does', () => {
    const { screen, editor } = setup();
    editor.output('no newline');
    editor.prompt('$ ');
    editor.feed('abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789\x01');
    expect(screen.text()).toBe('no newline$ abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz012345\n6789');
    expect([screen.row, screen.col]).toEqual([0, 12]);
  });
});

describe('LineEditor history', () => {
  it('walks history with Up/Down and keeps the draft', () => {
    const { screen, editor, submitted } = setup();
    for (const l of ['first', 'second']) {
      editor.prompt('$ ');
      editor.feed(l + '\r');
    }
    editor.prompt('$ ');
    editor.feed('draft');
    editor.feed('\x1b[A');
    expect(screen.text().split('\n').at(-1)).toBe('$ second');
    editor.feed('\x1b[A\x1b[A'); // stops at the oldest
    expect(screen.text().split('\n').at(-1)).toBe('$ first');
    editor.feed('\x1b[B\x1b[B');
    expect(screen.text().split('\n').at(-1)).toBe('$ draft');
    editor.feed('\x1b[A\r');
    expect(submitted.at(-1)).toBe('second');
  });

  it('skips empty lines and repeats of the previous entry', () => {
    const { editor } = setup();
    for (const l of ['a', 'a', '', 'b']) {
      editor.prompt('$ ');
      editor.feed(l + '\r');
    }
    expect(editor.history).toEqual(['a', 'b']);
  });

  it('reverse-i-search finds older matches and shows them bash style', () => {
    const { screen, editor, submitted } = setup();
    for (const l of ['kubectl get pods', 'echo hi', 'kubectl get svc']) {
      editor.prompt('$ ');
      editor.feed(l + '\r');
    }
    editor.prompt('$ ');
    editor.feed('\x12kub');
    expect(screen.text().split('\n').at(-1)).toBe("(reverse-i-search)`kub': kubectl get svc");
    editor.feed('\x12');
    expect(screen.text().split('\n').at(-1)).toBe("(reverse-i-search)`kub': kubectl get pods");
    editor.feed('\x12');
    expect(screen.text().split('\n').at(-1)).toBe("(failed reverse-i-search)`kub': kubectl get pods");
    editor.feed('\r');
    expect(submitted.at(-1)).toBe('kubectl get pods');
  });

  it('reverse-i-search: an editing key takes the match onto the line; Ctrl+G restores', () => {
    const { screen, editor, submitted } = setup();
    editor.prompt('$ ');
    editor.feed('echo one\r');
    editor.prompt('$ ');
    editor.feed('typed\x12one\x07');
    expect(screen.text().split('\n').at(-1)).toBe('$ typed');
    editor.feed('\x15\x12ech\x05 two\r');
    expect(submitted.at(-1)).toBe('echo one two');
  });
});

describe('LineEditor completion', () => {
  const words = ['deployment', 'deployments', 'daemonset'];
  const complete = (line: string, cursor: number): Completion => {
    const from = line.lastIndexOf(' ', cursor - 1) + 1;
    const word = line.slice(from, cursor);
    return { replaceFrom: from, candidates: words.filter((w) => w.startsWith(word)) };
  };

  it('completes a single candidate and adds a space', async () => {
    const { editor, submitted } = setup(80, complete);
    editor.prompt('$ ');
    editor.feed('get da\t');
    await tick();
    editor.feed('x\r');
    expect(submitted).toEqual(['get daemonset x']);
  });

  it('extends to the common prefix, lists on the second Tab and redraws the line', async () => {
    const { screen, editor, submitted } = setup(80, complete);
    editor.prompt('$ ');
    editor.feed('get de\t');
    await tick();
    expect(screen.text()).toBe('$ get deployment');
    editor.feed('\t');
    await tick();
    editor.feed('\t');
    await tick();
    expect(screen.text()).toBe('$ get deployment\ndeployment   deployments\n$ get deployment');
    editor.feed('s\r');
    expect(submitted).toEqual(['get deployments']);
  });

  it('ignores a completion answer for a line that changed meanwhile', async () => {
    const { editor, submitted } = setup(80, complete);
    editor.prompt('$ ');
    editor.feed('get da\tx');
    await tick();
    editor.feed('\r');
    expect(submitted).toEqual(['get dax']);
  });

  it('formats candidates down the columns', () => {
    expect(formatColumns(['a', 'b', 'c', 'd', 'e'], 8)).toBe('a  d\r\nb  e\r\nc\r\n');
  });
});

describe('LineEditor wrapping and paste', () => {
  it('keeps the cursor right across soft-wrapped rows', () => {
    const { screen, editor, submitted } = setup(10);
    editor.prompt('$ ');
    editor.feed('0123456789abcdef'); // 18 columns: two rows
    expect(screen.text()).toBe('$ 01234567\n89abcdef');
    editor.feed('\x01X'); // back to the first row
    expect(screen.text()).toBe('$ X0123456\n789abcdef');
    expect([screen.row, screen.col]).toEqual([0, 3]);
    editor.feed('\x05YZ'); // 21 columns: a third row
    expect(screen.text()).toBe('$ X0123456\n789abcdefY\nZ');
    editor.feed('\x7f'); // exactly 20: the cursor sits at the start of the third row
    expect(screen.text()).toBe('$ X0123456\n789abcdefY\n');
    expect([screen.row, screen.col]).toEqual([2, 0]);
    editor.feed('\x1b[D'); // and moves back up to the end of the second
    expect([screen.row, screen.col]).toEqual([1, 9]);
    editor.feed('\x05' + '\x7f'.repeat(11)); // back to one row
    expect(screen.text()).toBe('$ X012345');
    editor.feed('\r');
    expect(submitted).toEqual(['X012345']);
  });

  it('submits each line of a multi-line paste in order, one per prompt', () => {
    const { screen, editor, submitted } = setup();
    editor.prompt('$ ');
    editor.feed('echo a\recho b\recho c\r');
    expect(submitted).toEqual(['echo a']);
    editor.output('a\n');
    editor.prompt('$ ');
    expect(submitted).toEqual(['echo a', 'echo b']);
    editor.output('b\n');
    editor.prompt('$ ');
    editor.output('c\n');
    editor.prompt('$ ');
    expect(submitted).toEqual(['echo a', 'echo b', 'echo c']);
    expect(screen.text()).toBe('$ echo a\na\n$ echo b\nb\n$ echo c\nc\n$');
  });

  it('keeps type-ahead while a command runs and shows it at the next prompt', () => {
    const { screen, editor } = setup();
    editor.prompt('$ ');
    editor.feed('sleep 1\rnext');
    editor.prompt('$ ');
    expect(screen.text()).toBe('$ sleep 1\n$ next');
  });

  it('writes the part of a prompt before its last newline once', () => {
    const { screen, editor } = setup();
    editor.prompt('header\n$ ');
    editor.feed('x');
    expect(screen.text()).toBe('header\n$ x');
  });
});
