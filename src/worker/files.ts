// The learner's files for the page's files panel and editor: the laptop's VirtualFs (the one all
// its terminals share), listed under the home directory and pushed to the page when it changes;
// `kubectl edit` sessions the browser editor answers; and the text of each terminal's last command,
// so the editor can put an apply's errors on the lines they are about.

import * as Comlink from 'comlink';
import type { InteractiveEditor } from '../kubectl/commands/edit/editor-hook.ts';
import type { VirtualFs } from '../shell/fs/vfs.ts';
import type { FileEntry, FilesApi, FilesEvent, TerminalCallbacks } from './protocol.ts';

/** The panel is for a learner's manifests: a runaway `for` loop must not make it list thousands. */
const MAX_ENTRIES = 500;
/** The listing is compared at most this often (the clock ticks every 75 ms). */
const POLL_EVERY_MS = 300;
/** Output kept per command for the editor's markers; an apply's errors fit easily. */
const MAX_OUTPUT = 64 * 1024;

type Listener = (event: FilesEvent) => void;

interface EditSession {
  fs: VirtualFs;
  path: string;
  finish(result: 'saved' | 'cancelled'): void;
}

export class FilesService implements FilesApi {
  #fs: VirtualFs;
  #polledAt = -Infinity;
  readonly #listeners: Listener[] = [];
  readonly #edits = new Map<number, EditSession>();
  readonly #output = new Map<string, { current: string; last: string }>();
  #signature = '';
  #entries: FileEntry[] = [];
  #nextSession = 1;

  constructor(fs: VirtualFs) {
    this.#fs = fs;
  }

  /** A lesson brought a new world: its laptop's files replace these; open edits end. */
  use(fs: VirtualFs): void {
    for (const s of [...this.#edits.values()]) s.finish('cancelled');
    this.#fs = fs;
    this.poll();
  }

  /** From the worker's clock tick: poll, throttled. */
  tick(now = performance.now()): void {
    if (now - this.#polledAt < POLL_EVERY_MS) return;
    this.#polledAt = now;
    this.poll();
  }

  get home(): string {
    return this.#fs.home;
  }

  /** Every file and directory under home (not hidden ones), parents before children, sorted. */
  list(): FileEntry[] {
    const out: FileEntry[] = [];
    const walk = (dir: string) => {
      for (const name of this.#fs.readdir(dir)) {
        if (name.startsWith('.') || out.length >= MAX_ENTRIES) continue;
        const path = `${dir}/${name}`;
        const st = this.#fs.stat(path);
        out.push({ path, type: st.type, size: st.size, mtime: st.mtime });
        if (st.type === 'dir') walk(path);
      }
    };
    if (this.#fs.isDir(this.home)) walk(this.home);
    return out;
  }

  /** Push the listing if it changed since the last push (called on a timer and after every change). */
  poll(): void {
    if (this.#listeners.length === 0) return;
    const entries = this.list();
    const signature = JSON.stringify(entries);
    if (signature === this.#signature) return;
    this.#signature = signature;
    this.#entries = entries;
    this.#emit({ type: 'tree', home: this.home, entries });
  }

  async onFiles(callback: Listener): Promise<void> {
    this.#listeners.push(callback);
    if (this.#signature === '') this.poll();
    else send(callback, { type: 'tree', home: this.home, entries: this.#entries });
    for (const [session, s] of this.#edits) send(callback, { type: 'edit', session, path: this.#fs.resolve(s.path), content: s.fs.readFile(s.path) });
  }

  async readFile(path: string): Promise<string> {
    return this.#fs.readFile(path);
  }

  async writeFile(path: string, content: string): Promise<void> {
    this.#fs.writeFile(path, content);
    this.poll();
  }

  async createFile(path: string): Promise<void> {
    if (this.#fs.exists(path)) throw new Error(`${path} already exists`);
    this.#fs.writeFile(path, '');
    this.poll();
  }

  async createDirectory(path: string): Promise<void> {
    this.#fs.mkdir(path);
    this.poll();
  }

  async removeFile(path: string): Promise<void> {
    this.#fs.rm(path, { recursive: true });
    this.poll();
  }

  async renameFile(from: string, to: string): Promise<void> {
    if (this.#fs.exists(to)) throw new Error(`${to} already exists`);
    this.#fs.mv(from, to);
    this.poll();
  }

  /**
   * For setInteractiveEditor: `kubectl edit` (without KUBE_EDITOR/EDITOR) shows its temp file in
   * the page's editor and waits until the learner saves or closes it, or presses Ctrl+C.
   */
  readonly editor: InteractiveEditor = (path, ctx) =>
    new Promise((resolve) => {
      const session = this.#nextSession++;
      const done = (result: 'saved' | 'cancelled') => {
        if (!this.#edits.delete(session)) return;
        ctx.signal.removeEventListener('abort', abort);
        this.#emit({ type: 'edit-end', session });
        resolve(result);
      };
      const abort = () => done('cancelled');
      ctx.signal.addEventListener('abort', abort);
      this.#edits.set(session, { fs: ctx.fs, path, finish: done });
      this.#emit({ type: 'edit', session, path: ctx.fs.resolve(path), content: ctx.fs.readFile(path) });
    });

  async finishEdit(session: number, result: 'saved' | 'cancelled', content?: string): Promise<void> {
    const s = this.#edits.get(session);
    if (!s) return;
    if (result === 'saved' && content !== undefined) s.fs.writeFile(s.path, content);
    s.finish(result);
  }

  #schema: Promise<Record<string, unknown>> | undefined;

  /** Generated on first ask: only pages that open the editor need it. */
  manifestSchema(): Promise<Record<string, unknown>> {
    this.#schema ??= import('../cluster/apiserver/schema/json-schema.ts').then((m) => m.manifestJsonSchema());
    return this.#schema;
  }

  async lastOutput(terminalId: string): Promise<string> {
    return this.#output.get(terminalId)?.last ?? '';
  }

  /** Wrap a terminal's callbacks to keep what its last command wrote (output between two prompts). */
  tap(terminalId: string, callbacks: TerminalCallbacks): TerminalCallbacks {
    const record = { current: '', last: '' };
    this.#output.set(terminalId, record);
    const wrapped: TerminalCallbacks = {
      output: (data) => {
        if (record.current.length < MAX_OUTPUT) record.current += data;
        return callbacks.output(data);
      },
      prompt: (text) => {
        record.last = record.current;
        record.current = '';
        return callbacks.prompt(text);
      },
      clear: () => callbacks.clear(),
    };
    // The host releases the page's proxy when the terminal closes (terminal-port.ts): pass it on.
    const release = (callbacks as unknown as Record<symbol, unknown>)[Comlink.releaseProxy];
    if (typeof release === 'function') Object.assign(wrapped, { [Comlink.releaseProxy]: () => release.call(callbacks) });
    return wrapped;
  }

  #emit(event: FilesEvent): void {
    for (const listener of this.#listeners) send(listener, event);
  }
}

const FILES_METHODS = new Set<string>([
  'onFiles',
  'readFile',
  'writeFile',
  'createFile',
  'createDirectory',
  'removeFile',
  'renameFile',
  'finishEdit',
  'lastOutput',
  'manifestSchema',
] satisfies (keyof FilesApi)[]);

interface OpensTerminals {
  openTerminal(id: string, columns: number, callbacks: TerminalCallbacks): Promise<void>;
}

/**
 * The worker's RPC object with the files service joined in: FilesApi calls go to `files`, every
 * terminal's output is tapped on its way to the page, everything else goes to `api`.
 */
export function withFiles<T extends OpensTerminals>(api: T, files: FilesService): T & FilesApi {
  return new Proxy(api, {
    get(target, key) {
      if (key === 'openTerminal') return (id: string, columns: number, cb: TerminalCallbacks) => target.openTerminal(id, columns, files.tap(id, cb));
      const owner: object = typeof key === 'string' && FILES_METHODS.has(key) ? files : target;
      const value: unknown = Reflect.get(owner, key);
      // Bound: comlink calls methods with the proxy as `this`, and the services keep #private state.
      return typeof value === 'function' ? value.bind(owner) : value;
    },
  }) as T & FilesApi;
}

/** A listener on a page that went away must not break the worker. */
function send(listener: Listener, event: FilesEvent): void {
  try {
    const r = listener(event) as unknown;
    if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch(() => {});
  } catch {
    // The page closed.
  }
}
