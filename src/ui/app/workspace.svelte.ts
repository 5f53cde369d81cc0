// The page's state: the terminal tabs (each its own shell on the one cluster), split view, the
// lesson pane and the cluster summary the worker sends.

import { callbacks, type Sandbox } from '../../worker/client.ts';
import type { ClusterSummary } from '../../worker/protocol.ts';
import { TerminalController } from '../terminal/terminal-controller.svelte.ts';

export class Workspace {
  terminals: TerminalController[] = $state.raw([]);
  activeId = $state('');
  split = $state(false);
  lessonOpen = $state(true);
  /** The traffic diagram: open by default where there is room for it beside the terminal. */
  trafficOpen = $state(typeof matchMedia === 'function' && matchMedia('(min-width: 1100px)').matches);
  /** Once opened it stays mounted (hidden when closed), keeping its log and its subscriptions. */
  trafficLoaded = $state(this.trafficOpen);
  summary: ClusterSummary | null = $state.raw(null);
  readonly #sandbox: Sandbox;
  #dark: boolean;
  #counter = 0;

  constructor(sandbox: Sandbox, dark: boolean, opts: { focusOnStart?: boolean } = {}) {
    this.#sandbox = sandbox;
    this.#dark = dark;
    void sandbox.onClusterSummary(callbacks((s: ClusterSummary) => (this.summary = s)));
    // An embed takes the keyboard only when clicked: focusing itself would pull its host page to it.
    this.add(opts.focusOnStart ?? true);
  }

  get active(): TerminalController | undefined {
    return this.terminals.find((t) => t.id === this.activeId);
  }

  /** Terminals on screen: all of them side by side when split, else the active one. */
  isShown(t: TerminalController): boolean {
    return this.split || t.id === this.activeId;
  }

  add(focus = true): void {
    const n = ++this.#counter;
    const t = new TerminalController(`t${n}`, `Terminal ${n}`, this.#sandbox, this.#dark);
    this.terminals = [...this.terminals, t];
    this.select(t.id, focus);
  }

  close(id: string): void {
    const i = this.terminals.findIndex((t) => t.id === id);
    if (i < 0 || this.terminals.length === 1) return;
    this.terminals = this.terminals.filter((t) => t.id !== id);
    if (this.activeId === id) this.select(this.terminals[Math.max(0, i - 1)].id);
    if (this.terminals.length === 1) this.split = false;
  }

  select(id: string, focus = true): void {
    this.activeId = id;
    // After the DOM shows it: a hidden terminal could not measure itself.
    requestAnimationFrame(() => {
      for (const t of this.terminals) if (this.isShown(t)) t.fit();
      if (focus) this.active?.focus();
    });
  }

  toggleSplit(): void {
    this.split = !this.split;
    if (this.split && this.terminals.length === 1) this.add();
    else this.select(this.activeId);
  }

  toggleTraffic(): void {
    this.trafficOpen = !this.trafficOpen;
    if (this.trafficOpen) this.trafficLoaded = true;
    this.select(this.activeId); // the terminal's size changed
  }

  /** The page mode (embed.ts) decides which panes show; the terminals refit to their new size. */
  showPanes(panes: { lesson: boolean; traffic: boolean }): void {
    this.lessonOpen = panes.lesson;
    this.trafficOpen = panes.traffic;
    if (panes.traffic) this.trafficLoaded = true;
    this.select(this.activeId, false);
  }

  setDark(dark: boolean): void {
    this.#dark = dark;
    for (const t of this.terminals) t.setDark(dark);
  }

  run(command: string): void {
    this.active?.run(command);
  }

  /** Terminals 1..n exist (a lesson or ?terminals= asks for them; ids are t1, t2 …), side by side. */
  ensureTerminals(n: number, focus = true): void {
    while (this.#counter < n) this.add(focus);
    if (n > 1 && !this.split) {
      this.split = true;
      this.select(this.activeId, focus);
    }
  }

  /** A lesson's command: each line typed into its terminal, after Ctrl+C when it asks and a command runs there. */
  runIn(terminal: string, code: string, interrupt: boolean): void {
    this.ensureTerminals(Number(terminal) || 1);
    const t = this.terminals.find((x) => x.id === `t${terminal}`) ?? this.active;
    if (!t) return;
    if (!this.isShown(t)) this.select(t.id);
    t.run((interrupt && t.state === 'busy' ? '\x03' : '') + code.split('\n').join('\r'));
  }
}
