// The files panel's state: the learner's home directory as the worker last pushed it, which
// directories are folded, and the file operations (each goes to the worker, which pushes the new
// listing back). `kubectl edit` sessions arrive on the same feed and are handed to the editor.

import { callbacks } from '../../worker/client.ts';
import type { FileEntry, FilesEvent } from '../../worker/protocol.ts';
import type { Files } from './files-api.ts';

export type EditEvent = Extract<FilesEvent, { type: 'edit' | 'edit-end' }>;

export interface Row {
  entry: FileEntry;
  name: string;
  depth: number;
}

export class FilesState {
  home = $state('');
  entries: FileEntry[] = $state.raw([]);
  folded: Set<string> = $state.raw(new Set());
  /** The last failed operation's message, shown in the panel. */
  error = $state('');
  readonly api: Files;
  #onEdit: ((e: EditEvent) => void) | undefined;
  #onTree: ((entries: FileEntry[]) => void) | undefined;

  constructor(api: Files) {
    this.api = api;
    void api.onFiles(
      callbacks((e: FilesEvent) => {
        if (e.type === 'tree') {
          this.home = e.home;
          this.entries = e.entries;
          this.#onTree?.(e.entries);
        } else this.#onEdit?.(e);
      }),
    );
  }

  /** The editor's hooks: edit sessions, and listings (to reload open files that changed). */
  listen(onEdit: (e: EditEvent) => void, onTree: (entries: FileEntry[]) => void): void {
    this.#onEdit = onEdit;
    this.#onTree = onTree;
  }

  /** Rows to show: entries under folded directories are hidden. */
  get rows(): Row[] {
    const rows: Row[] = [];
    for (const entry of this.entries) {
      const rel = entry.path.slice(this.home.length + 1);
      const parts = rel.split('/');
      let hidden = false;
      for (let i = 1; i < parts.length && !hidden; i++) hidden = this.folded.has(`${this.home}/${parts.slice(0, i).join('/')}`);
      if (!hidden) rows.push({ entry, name: parts[parts.length - 1], depth: parts.length - 1 });
    }
    return rows;
  }

  toggleFold(path: string): void {
    const next = new Set(this.folded);
    if (!next.delete(path)) next.add(path);
    this.folded = next;
  }

  /** A name typed by the learner, relative to home (or absolute). */
  resolve(name: string): string {
    const n = name.trim();
    return n.startsWith('/') ? n : `${this.home}/${n.replace(/^~\//, '')}`;
  }

  async #try(op: () => Promise<void>): Promise<boolean> {
    try {
      await op();
      this.error = '';
      return true;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    }
  }

  create(name: string): Promise<boolean> {
    const path = this.resolve(name);
    return this.#try(() => (name.trim().endsWith('/') ? this.api.createDirectory(path) : this.api.createFile(path)));
  }

  remove(path: string): Promise<boolean> {
    return this.#try(() => this.api.removeFile(path));
  }

  /** Renames within the same directory (or to a path); the new path, or undefined if it failed. */
  async rename(from: string, name: string): Promise<string | undefined> {
    const to = name.includes('/') ? this.resolve(name) : `${from.slice(0, from.lastIndexOf('/'))}/${name.trim()}`;
    return (await this.#try(() => this.api.renameFile(from, to))) ? to : undefined;
  }
}
