// The editor's state: open tabs (files of the learner's machine, and `kubectl edit` sessions),
// Monaco loaded on first open, and the two actions that reach the cluster — Apply (save, then
// type `kubectl apply -f FILE` into the active terminal and put its errors on their lines) and
// Save for a `kubectl edit` session (kubectl then continues in its terminal).

import type { FileEntry } from '../../worker/protocol.ts';
import { displayPath, shellPath } from '../files/files-api.ts';
import type { EditEvent, FilesState } from '../files/files.svelte.ts';

type Kit = typeof import('./monaco.ts');
type CodeEditor = import('./monaco.ts').CodeEditor;
type TextModel = import('./monaco.ts').TextModel;

/** What the editor needs of the terminals: the active one's prompt counter, and typing into it. */
export interface Terminals {
  readonly active: { readonly id: string; readonly prompts: number; readonly state: 'busy' | 'ready' } | undefined;
  run(command: string): void;
}

export interface Tab {
  path: string;
  name: string;
  dirty: boolean;
  /** A `kubectl edit` session waiting for this tab's Save or Cancel. */
  session?: number;
}

interface Doc {
  model?: TextModel;
  /** Content until Monaco has loaded, then what was last saved (for the dirty mark). */
  text: string;
  saved: string;
  mtime?: number;
  dispose?: () => void;
}

/** An apply that does not finish in this long is left to the terminal (e.g. waiting for input). */
const APPLY_TIMEOUT_MS = 30_000;

export class EditorState {
  open = $state(false);
  status: 'idle' | 'loading' | 'ready' | 'failed' = $state('idle');
  failure = $state('');
  tabs: Tab[] = $state([]);
  activePath = $state('');
  /** One line about the last action: "kubectl apply: 2 problems", "Saved", … */
  note = $state('');
  problems = $state(0);
  readonly files: FilesState;
  readonly #terminals: Terminals;
  #dark: boolean;
  #kit: Kit | undefined;
  #loading: Promise<Kit | undefined> | undefined;
  #editor: CodeEditor | undefined;
  readonly #docs = new Map<string, Doc>();
  #stop: () => void = () => {};

  constructor(files: FilesState, terminals: Terminals, dark: boolean) {
    this.files = files;
    this.#terminals = terminals;
    this.#dark = dark;
    files.listen(
      (e) => void this.#onEdit(e),
      (entries) => void this.#onTree(entries),
    );
    // For tests and debugging (value, setValue): typing YAML through Monaco's auto-indent is slow.
    (globalThis as { kubeSandboxEditor?: EditorState }).kubeSandboxEditor = this;
  }

  get active(): Tab | undefined {
    return this.tabs.find((t) => t.path === this.activePath);
  }

  toggle(): void {
    this.open = !this.open;
  }

  setDark(dark: boolean): void {
    this.#dark = dark;
    this.#kit?.setDark(dark);
  }

  /** Fetch Monaco and the schema (once); resolves when both are ready. */
  load(): Promise<Kit | undefined> {
    this.#loading ??= (async () => {
      this.status = 'loading';
      performance.mark('editor-open');
      try {
        const [kit, schema] = await Promise.all([import('./monaco.ts'), this.files.api.manifestSchema()]);
        kit.configureYaml(schema);
        this.#kit = kit;
        for (const [path, doc] of this.#docs) this.#attachModel(path, doc);
        this.status = 'ready';
        return kit;
      } catch (e) {
        this.failure = e instanceof Error ? e.message : String(e);
        this.status = 'failed';
        return undefined;
      }
    })();
    return this.#loading;
  }

  /** Put Monaco into `element` (the pane calls this once it is on screen). Returns the teardown. */
  mount(element: HTMLElement): () => void {
    let disposed = false;
    void this.load().then((kit) => {
      if (!kit || disposed) return;
      this.#editor = kit.createEditor(element, this.#dark);
      kit.onSaveKey(this.#editor, () => void this.save());
      this.#show();
      const markers = kit.onMarkersChanged(() => this.#countProblems());
      const stop = this.#stop;
      this.#stop = () => {
        stop();
        markers.dispose();
      };
      requestAnimationFrame(() => performance.mark('editor-ready'));
    });
    return () => {
      disposed = true;
      this.#stop();
      this.#stop = () => {};
      this.#editor?.dispose();
      this.#editor = undefined;
    };
  }

  /** Test and debugging hook: the active tab's text. */
  get value(): string {
    const doc = this.#docs.get(this.activePath);
    return doc?.model?.getValue() ?? doc?.text ?? '';
  }

  setValue(text: string): void {
    const doc = this.#docs.get(this.activePath);
    if (doc?.model) doc.model.setValue(text);
  }

  async openFile(path: string): Promise<void> {
    this.open = true;
    if (!this.#docs.has(path)) {
      let text: string;
      try {
        text = await this.files.api.readFile(path);
      } catch (e) {
        this.note = e instanceof Error ? e.message : String(e);
        return;
      }
      const mtime = this.files.entries.find((e) => e.path === path)?.mtime;
      this.#addDoc(path, text, mtime);
      this.tabs.push({ path, name: basename(path), dirty: false });
    }
    this.select(path);
  }

  select(path: string): void {
    this.activePath = path;
    this.#show();
  }

  /** Close a tab; closing a `kubectl edit` tab cancels the edit. */
  close(path: string): void {
    const i = this.tabs.findIndex((t) => t.path === path);
    if (i < 0) return;
    const tab = this.tabs[i];
    if (tab.session !== undefined) {
      void this.files.api.finishEdit(tab.session, 'cancelled');
      return; // the worker's edit-end removes the tab
    }
    this.#drop(path);
  }

  #drop(path: string): void {
    const i = this.tabs.findIndex((t) => t.path === path);
    if (i < 0) return;
    this.tabs.splice(i, 1);
    const doc = this.#docs.get(path);
    doc?.dispose?.();
    doc?.model?.dispose();
    this.#docs.delete(path);
    if (this.activePath === path) this.select(this.tabs[Math.max(0, i - 1)]?.path ?? '');
  }

  /** A file was renamed in the panel: its tab follows it. */
  renamed(from: string, to: string): void {
    const tab = this.tabs.find((t) => t.path === from);
    const doc = this.#docs.get(from);
    if (!tab || !doc) return;
    const text = doc.model?.getValue() ?? doc.text;
    const wasActive = this.activePath === from;
    doc.dispose?.();
    doc.model?.dispose();
    this.#docs.delete(from);
    this.#addDoc(to, text, doc.mtime, doc.saved);
    tab.path = to;
    tab.name = basename(to);
    if (wasActive) this.select(to);
  }

  removed(path: string): void {
    for (const t of this.tabs.filter((t) => t.path === path || t.path.startsWith(path + '/'))) if (t.session === undefined) this.#drop(t.path);
  }

  /** Save the active tab: a file to the learner's machine, or a `kubectl edit` session's answer. */
  async save(): Promise<boolean> {
    const tab = this.active;
    const doc = tab && this.#docs.get(tab.path);
    if (!tab || !doc) return false;
    const text = doc.model?.getValue() ?? doc.text;
    try {
      if (tab.session !== undefined) {
        await this.files.api.finishEdit(tab.session, 'saved', text);
        this.note = 'Saved: kubectl edit continues in the terminal';
      } else {
        await this.files.api.writeFile(tab.path, text);
        this.note = `Saved ${displayPath(tab.path, this.files.home)}`;
      }
    } catch (e) {
      this.note = e instanceof Error ? e.message : String(e);
      return false;
    }
    doc.saved = text;
    tab.dirty = false;
    return true;
  }

  /** Save, then `kubectl apply -f FILE` in the active terminal; its errors become markers. */
  async apply(): Promise<void> {
    const tab = this.active;
    const terminal = this.#terminals.active;
    if (!tab || tab.session !== undefined || !terminal) return;
    if (terminal.state === 'busy') {
      this.note = 'The terminal is busy: wait for its prompt (or press Ctrl+C there) and apply again';
      return;
    }
    if (!(await this.save())) return;
    const path = tab.path;
    const before = terminal.prompts;
    const model = this.#docs.get(path)?.model;
    if (model) this.#kit?.setApplyMarkers(model, []);
    this.note = 'kubectl apply …';
    this.#terminals.run(`kubectl apply -f ${shellPath(path, this.files.home)}`);
    const started = performance.now();
    while (terminal.prompts === before) {
      if (performance.now() - started > APPLY_TIMEOUT_MS) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    const output = await this.files.api.lastOutput(terminal.id);
    this.#showProblems(path, output);
  }

  #showProblems(path: string, output: string): void {
    const doc = this.#docs.get(path);
    const kit = this.#kit;
    if (!doc?.model || !kit) return;
    const text = doc.model.getValue();
    const markers = kit.applyProblems(output).flatMap((p) => kit.problemSpans(text, p).map((span) => ({ ...span, message: p.message, severity: kit.ERROR, source: 'kubectl apply' })));
    kit.setApplyMarkers(doc.model, markers);
    this.note = markers.length ? `kubectl apply: ${markers.length} problem${markers.length === 1 ? '' : 's'} marked in the file` : 'kubectl apply: done (see the terminal)';
  }

  async #onEdit(e: EditEvent): Promise<void> {
    if (e.type === 'edit-end') {
      const tab = this.tabs.find((t) => t.session === e.session);
      if (tab) this.#drop(tab.path);
      return;
    }
    this.open = true;
    const existing = this.tabs.find((t) => t.path === e.path);
    if (existing) this.#drop(existing.path);
    this.#addDoc(e.path, e.content);
    this.tabs.push({ path: e.path, name: basename(e.path), dirty: false, session: e.session });
    this.select(e.path);
    this.note = 'kubectl edit is waiting: Save applies your changes, Cancel leaves the object as it is';
    await this.load();
    this.#editor?.focus();
  }

  /** Files changed by commands: reload open tabs that have no unsaved changes. */
  async #onTree(entries: FileEntry[]): Promise<void> {
    for (const tab of this.tabs) {
      const doc = this.#docs.get(tab.path);
      const entry = entries.find((e) => e.path === tab.path);
      if (!doc || !entry || tab.session !== undefined || tab.dirty || entry.mtime === doc.mtime) continue;
      doc.mtime = entry.mtime;
      const text = await this.files.api.readFile(tab.path).catch(() => undefined);
      if (text === undefined || text === doc.saved) continue;
      doc.saved = text;
      if (doc.model) doc.model.setValue(text);
      else doc.text = text;
      tab.dirty = false;
    }
  }

  #addDoc(path: string, text: string, mtime?: number, saved = text): void {
    const doc: Doc = { text, saved, mtime };
    this.#docs.set(path, doc);
    this.#attachModel(path, doc);
  }

  #attachModel(path: string, doc: Doc): void {
    const kit = this.#kit;
    if (!kit || doc.model) return;
    const model = kit.modelFor(path, doc.text);
    if (model.getValue() !== doc.text) model.setValue(doc.text);
    doc.model = model;
    const sub = model.onDidChangeContent(() => {
      const tab = this.tabs.find((t) => t.path === path);
      if (tab) tab.dirty = model.getValue() !== doc.saved;
      // Apply's markers describe the text they were computed for.
      kit.setApplyMarkers(model, []);
    });
    doc.dispose = () => sub.dispose();
  }

  #show(): void {
    const doc = this.#docs.get(this.activePath);
    if (this.#editor) this.#editor.setModel(doc?.model ?? null);
    this.#countProblems();
  }

  /** Problems on the active tab: the schema's (monaco-yaml reports them as warnings) and apply's. */
  #countProblems(): void {
    const model = this.#docs.get(this.activePath)?.model;
    this.problems = model && this.#kit ? this.#kit.markersOf(model).filter((m) => m.severity >= this.#kit!.WARNING).length : 0;
  }
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
