// An in-memory file system for the learner's machine (and for shells inside pods). One tree can be
// seen from several working directories (`at(cwd)`), so each process resolves relative paths against
// its own cwd while all of them share the files.

import { basename, dirname, resolvePath } from './path.ts';

export type VfsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EINVAL';

/** The strerror(3) texts, which is what bash and coreutils print after the file name. */
const REASONS: Record<VfsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
};

export class VfsError extends Error {
  /** `path` is as the caller gave it, so messages show what the learner typed. */
  constructor(
    readonly code: VfsErrorCode,
    readonly path: string,
  ) {
    super(`${path}: ${REASONS[code]}`);
    this.name = 'VfsError';
  }
  /** The strerror text alone, e.g. `No such file or directory`. */
  get reason(): string {
    return REASONS[this.code];
  }
  /** `cat: x: No such file or directory` */
  format(program: string): string {
    return `${program}: ${this.message}`;
  }
}

interface FileNode {
  type: 'file';
  content: string;
  mtime: number;
}
interface DirNode {
  type: 'dir';
  children: Map<string, Node>;
  mtime: number;
}
type Node = FileNode | DirNode;

export interface Stat {
  type: 'file' | 'dir';
  size: number;
  mtime: number;
}

/** Plain JSON form of the tree, for saved progress. */
export type FsSnapshotNode =
  | { type: 'file'; content: string; mtime: number }
  | { type: 'dir'; mtime: number; children: Record<string, FsSnapshotNode> };
export interface FsSnapshot {
  version: 1;
  root: FsSnapshotNode;
}

export interface VirtualFsOptions {
  /** Milliseconds since the epoch for mtimes; injected so replays are deterministic. */
  now?: () => number;
  cwd?: string;
  home?: string;
  /** Start empty instead of with the usual top-level directories. */
  bare?: boolean;
}

interface Tree {
  root: DirNode;
  now: () => number;
}

/** The one device we emulate: reads are empty, writes vanish. */
const DEV_NULL = '/dev/null';

export class VirtualFs {
  readonly #tree: Tree;
  cwd: string;
  readonly home: string;

  constructor(options: VirtualFsOptions = {}, shared?: Tree) {
    const now = options.now ?? (() => Date.now());
    this.#tree = shared ?? { root: { type: 'dir', children: new Map(), mtime: now() }, now };
    this.home = options.home ?? '/root';
    this.cwd = options.cwd ?? this.home;
    if (!shared && !options.bare) {
      for (const d of ['/bin', '/dev', '/etc', '/home', '/tmp', '/usr/bin', '/usr/local/bin', '/var', this.home]) {
        this.mkdir(d, { parents: true });
      }
      this.writeFile('/etc/hostname', 'laptop\n');
    }
  }

  /** The same files seen from another working directory. */
  at(cwd: string): VirtualFs {
    return new VirtualFs({ cwd: this.resolve(cwd), home: this.home }, this.#tree);
  }

  resolve(path: string): string {
    return resolvePath(this.cwd, path);
  }

  #lookup(abs: string, given: string): Node {
    let node: Node = this.#tree.root;
    for (const part of abs.split('/').filter(Boolean)) {
      if (node.type !== 'dir') throw new VfsError('ENOTDIR', given);
      const next = node.children.get(part);
      if (!next) throw new VfsError('ENOENT', given);
      node = next;
    }
    return node;
  }

  #find(path: string): Node | undefined {
    try {
      return this.#lookup(this.resolve(path), path);
    } catch {
      return undefined;
    }
  }

  /** The directory that would hold `path`, and the entry name within it. */
  #parent(path: string): { dir: DirNode; name: string } {
    const abs = this.resolve(path);
    if (abs === '/') throw new VfsError('EEXIST', path);
    const parent = this.#lookup(dirname(abs), path);
    if (parent.type !== 'dir') throw new VfsError('ENOTDIR', path);
    return { dir: parent, name: basename(abs) };
  }

  exists(path: string): boolean {
    return this.resolve(path) === DEV_NULL || this.#find(path) !== undefined;
  }

  isDir(path: string): boolean {
    return this.#find(path)?.type === 'dir';
  }

  isFile(path: string): boolean {
    return this.#find(path)?.type === 'file';
  }

  stat(path: string): Stat {
    const node = this.#lookup(this.resolve(path), path);
    return {
      type: node.type,
      size: node.type === 'file' ? new TextEncoder().encode(node.content).length : 4096,
      mtime: node.mtime,
    };
  }

  readFile(path: string): string {
    const abs = this.resolve(path);
    if (abs === DEV_NULL) return '';
    const node = this.#lookup(abs, path);
    if (node.type === 'dir') throw new VfsError('EISDIR', path);
    return node.content;
  }

  writeFile(path: string, content: string): void {
    this.#write(path, content, false);
  }

  appendFile(path: string, content: string): void {
    this.#write(path, content, true);
  }

  #write(path: string, content: string, append: boolean): void {
    if (this.resolve(path) === DEV_NULL) return;
    if (path.endsWith('/')) {
      // `echo > dir/` or `> missing/`: the kernel reports the directory-ness first.
      throw new VfsError(this.#find(path)?.type === 'dir' ? 'EISDIR' : 'ENOENT', path);
    }
    const { dir, name } = this.#parent(path);
    const existing = dir.children.get(name);
    if (existing?.type === 'dir') throw new VfsError('EISDIR', path);
    const now = this.#tree.now();
    if (existing) {
      existing.content = append ? existing.content + content : content;
      existing.mtime = now;
    } else {
      dir.children.set(name, { type: 'file', content, mtime: now });
      dir.mtime = now;
    }
  }

  /** Creates an empty file or updates the time of an existing one. */
  touch(path: string): void {
    const node = this.#find(path);
    if (node) node.mtime = this.#tree.now();
    else this.writeFile(path, '');
  }

  mkdir(path: string, options: { parents?: boolean } = {}): void {
    const abs = this.resolve(path);
    if (options.parents) {
      let node: DirNode = this.#tree.root;
      for (const part of abs.split('/').filter(Boolean)) {
        let next = node.children.get(part);
        if (!next) {
          next = { type: 'dir', children: new Map(), mtime: this.#tree.now() };
          node.children.set(part, next);
        } else if (next.type !== 'dir') {
          throw new VfsError('ENOTDIR', path);
        }
        node = next;
      }
      return;
    }
    const { dir, name } = this.#parent(path);
    if (dir.children.has(name)) throw new VfsError('EEXIST', path);
    dir.children.set(name, { type: 'dir', children: new Map(), mtime: this.#tree.now() });
  }

  /** Entry names, sorted the way `ls` sorts them in the C locale. */
  readdir(path: string): string[] {
    const node = this.#lookup(this.resolve(path), path);
    if (node.type !== 'dir') throw new VfsError('ENOTDIR', path);
    return [...node.children.keys()].sort();
  }

  /** Without `recursive`, directories are refused (EISDIR), as `rm` does. */
  rm(path: string, options: { recursive?: boolean } = {}): void {
    const { dir, name } = this.#parent(path);
    const node = dir.children.get(name);
    if (!node) throw new VfsError('ENOENT', path);
    if (node.type === 'dir' && !options.recursive) throw new VfsError('EISDIR', path);
    dir.children.delete(name);
  }

  /** Removes an empty directory. */
  rmdir(path: string): void {
    const { dir, name } = this.#parent(path);
    const node = dir.children.get(name);
    if (!node) throw new VfsError('ENOENT', path);
    if (node.type !== 'dir') throw new VfsError('ENOTDIR', path);
    if (node.children.size > 0) throw new VfsError('ENOTEMPTY', path);
    dir.children.delete(name);
  }

  /** Copies a file (or, with `recursive`, a directory) to `dest`; into it when `dest` is a directory. */
  cp(src: string, dest: string, options: { recursive?: boolean } = {}): void {
    const node = this.#lookup(this.resolve(src), src);
    if (node.type === 'dir' && !options.recursive) throw new VfsError('EISDIR', src);
    const target = this.isDir(dest) ? `${this.resolve(dest)}/${basename(this.resolve(src))}` : dest;
    if (node.type === 'dir' && (this.resolve(target) + '/').startsWith(this.resolve(src) + '/')) {
      throw new VfsError('EINVAL', dest);
    }
    const { dir, name } = this.#parent(target);
    const existing = dir.children.get(name);
    if (existing?.type === 'dir' && node.type === 'file') throw new VfsError('EISDIR', target);
    dir.children.set(name, clone(node, this.#tree.now()));
  }

  /** Moves or renames; into `dest` when it is a directory. */
  mv(src: string, dest: string): void {
    const from = this.#parent(src);
    const node = from.dir.children.get(from.name);
    if (!node) throw new VfsError('ENOENT', src);
    const target = this.isDir(dest) ? `${this.resolve(dest)}/${from.name}` : dest;
    if (node.type === 'dir' && (this.resolve(target) + '/').startsWith(this.resolve(src) + '/')) {
      throw new VfsError('EINVAL', dest);
    }
    const to = this.#parent(target);
    const existing = to.dir.children.get(to.name);
    if (existing === node) return;
    if (existing?.type === 'dir' && node.type === 'file') throw new VfsError('EISDIR', target);
    from.dir.children.delete(from.name);
    to.dir.children.set(to.name, node);
  }

  snapshot(): FsSnapshot {
    return { version: 1, root: toSnapshot(this.#tree.root) };
  }

  /** Replaces every file with those of `snapshot` (seen by all views of this tree). */
  restore(snapshot: FsSnapshot): void {
    const root = fromSnapshot(snapshot.root);
    if (root.type !== 'dir') throw new Error('file system snapshot: root is not a directory');
    this.#tree.root = root;
  }

  static fromSnapshot(snapshot: FsSnapshot, options: VirtualFsOptions = {}): VirtualFs {
    const fs = new VirtualFs({ ...options, bare: true });
    fs.restore(snapshot);
    return fs;
  }
}

function clone(node: Node, mtime: number): Node {
  if (node.type === 'file') return { type: 'file', content: node.content, mtime };
  return { type: 'dir', mtime, children: new Map([...node.children].map(([k, v]) => [k, clone(v, mtime)])) };
}

function toSnapshot(node: Node): FsSnapshotNode {
  if (node.type === 'file') return { type: 'file', content: node.content, mtime: node.mtime };
  const children: Record<string, FsSnapshotNode> = {};
  for (const [name, child] of node.children) children[name] = toSnapshot(child);
  return { type: 'dir', mtime: node.mtime, children };
}

function fromSnapshot(node: FsSnapshotNode): Node {
  if (node.type === 'file') return { type: 'file', content: node.content, mtime: node.mtime };
  return {
    type: 'dir',
    mtime: node.mtime,
    children: new Map(Object.entries(node.children).map(([k, v]) => [k, fromSnapshot(v)])),
  };
}
