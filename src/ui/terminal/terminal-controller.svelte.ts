// One terminal tab: an xterm.js view, the line editor that owns its input line, and the worker
// session behind it. The component only gives it an element; everything else happens here.

import { Terminal as XTerm, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { callbacks, type Sandbox } from '../../worker/client.ts';
import { LineEditor } from './line-editor.ts';
import { xtermTheme } from './xterm-theme.ts';


let resolveFirstPrompt: () => void = () => {};
/** Resolves when the first terminal shows its first prompt: panes that can wait load after it. */
export const firstPrompt = new Promise<void>((resolve) => {
  resolveFirstPrompt = resolve;
  // A page with no visible terminal (an embed showing only the diagram) must not wait forever.
  setTimeout(resolve, 2000);
});

export type TerminalState = 'busy' | 'ready';

let firstPromptMarked = false;

export class TerminalController {
  readonly id: string;
  readonly title: string;
  /** Mirrored onto the element as data-state: the marker tests wait for (docs/TESTING.md). */
  state: TerminalState = $state('busy');
  /** Prompts shown so far: lets a test wait for "the prompt after this command", with no race. */
  prompts = $state(0);
  readonly #sandbox: Sandbox;
  #term: XTerm | undefined;
  #fit: FitAddon | undefined;
  #editor: LineEditor | undefined;
  #theme: ITheme;

  constructor(id: string, title: string, sandbox: Sandbox, dark: boolean) {
    this.id = id;
    this.title = title;
    this.#sandbox = sandbox;
    this.#theme = xtermTheme(dark);
  }

  /** Open the terminal in `element` and start its shell. Returns the teardown. */
  attach(element: HTMLElement): () => void {
    const term = new XTerm({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "Cascadia Mono", "JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      lineHeight: 1.15,
      scrollback: 5000,
      theme: this.#theme,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.loadAddon(new WebLinksAddon());
    term.open(element);
    this.#term = term;
    this.#fit = fit;
    this.fit();

    const sandbox = this.#sandbox;
    const id = this.id;
    const editor = new LineEditor(
      {
        write: (data) => term.write(data),
        submit: (line) => void sandbox.input(id, line),
        interrupt: () => void sandbox.interrupt(id),
        complete: (line, cursor) => sandbox.complete(id, line, cursor),
        stateChanged: (s) => {
          this.state = s;
          if (s === 'ready') this.prompts++;
          if (s === 'ready' && !firstPromptMarked) {
            firstPromptMarked = true;
            performance.mark('terminal-ready');
            resolveFirstPrompt();
          }
        },
      },
      term.cols,
    );
    this.#editor = editor;
    const onData = term.onData((data) => editor.feed(data));
    const onResize = term.onResize(({ cols }) => {
      editor.resize(cols);
      void sandbox.resize(id, cols);
    });
    const observer = new ResizeObserver(() => this.fit());
    observer.observe(element);

    void sandbox.openTerminal(
      id,
      term.cols,
      callbacks({
        output: (data: string) => editor.output(data),
        prompt: (text: string) => editor.prompt(text),
        clear: () => editor.clearScreen(),
      }),
    );

    return () => {
      observer.disconnect();
      onData.dispose();
      onResize.dispose();
      void sandbox.closeTerminal(id);
      term.dispose();
      this.#term = undefined;
    };
  }

  /** Fit to the element, unless it is hidden (a background tab has no size). */
  fit(): void {
    const element = this.#term?.element?.parentElement;
    if (!element || element.clientWidth === 0 || element.clientHeight === 0) return;
    this.#fit?.fit();
  }

  focus(): void {
    this.#term?.focus();
  }

  setDark(dark: boolean): void {
    this.#theme = xtermTheme(dark);
    if (this.#term) this.#term.options.theme = this.#theme;
  }

  /** Type a command as if the user had (from the lesson pane). */
  run(command: string): void {
    this.#editor?.feed(command + '\r');
    this.focus();
  }
}
