import { describe, expect, it } from 'vitest';
import { VirtualFs, VfsError } from './vfs.ts';

const fresh = () => new VirtualFs({ now: () => 1_000 });

describe('VirtualFs', () => {
  it('starts in /root with the usual directories', () => {
    const fs = fresh();
    expect(fs.cwd).toBe('/root');
    expect(fs.readdir('/')).toEqual(['bin', 'dev', 'etc', 'home', 'root', 'tmp', 'usr', 'var']);
  });

  it('resolves relative paths against its cwd, and views share the tree', () => {
    const fs = fresh();
    fs.writeFile('a.txt', 'hi');
    expect(fs.readFile('/root/a.txt')).toBe('hi');
    const tmp = fs.at('/tmp');
    tmp.writeFile('../root/b', 'x');
    expect(fs.readFile('b')).toBe('x');
    expect(tmp.resolve('./c/../d')).toBe('/tmp/d');
  });

  it('reports errors with bash-like messages', () => {
    const fs = fresh();
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as VfsError).format('cat');
      }
      return 'no error';
    };
    expect(err(() => fs.readFile('x'))).toBe('cat: x: No such file or directory');
    expect(err(() => fs.readFile('/tmp'))).toBe('cat: /tmp: Is a directory');
    fs.writeFile('f', '');
    expect(err(() => fs.readFile('f/g'))).toBe('cat: f/g: Not a directory');
    expect(err(() => fs.mkdir('/tmp'))).toBe('cat: /tmp: File exists');
    expect(err(() => fs.writeFile('/nodir/x', ''))).toBe('cat: /nodir/x: No such file or directory');
    expect(err(() => fs.rm('/tmp'))).toBe('cat: /tmp: Is a directory');
  });

  it('mkdir -p, append, cp -r, mv, rm -r', () => {
    const fs = fresh();
    fs.mkdir('a/b/c', { parents: true });
    fs.writeFile('a/b/c/f', 'one\n');
    fs.appendFile('a/b/c/f', 'two\n');
    expect(fs.readFile('a/b/c/f')).toBe('one\ntwo\n');
    fs.cp('a', 'copy', { recursive: true });
    expect(fs.readFile('copy/b/c/f')).toBe('one\ntwo\n');
    fs.mv('copy', '/tmp');
    expect(fs.exists('copy')).toBe(false);
    expect(fs.isFile('/tmp/copy/b/c/f')).toBe(true);
    fs.rm('a', { recursive: true });
    expect(fs.exists('a')).toBe(false);
    expect(() => fs.cp('/tmp/copy', '/tmp/copy/b', { recursive: true })).toThrow(VfsError);
  });

  it('/dev/null reads empty and swallows writes', () => {
    const fs = fresh();
    fs.writeFile('/dev/null', 'gone');
    expect(fs.readFile('/dev/null')).toBe('');
    expect(fs.exists('/dev/null')).toBe(true);
  });

  it('snapshots to plain JSON and restores', () => {
    const fs = fresh();
    fs.mkdir('d');
    fs.writeFile('d/f', 'content');
    const snap = JSON.parse(JSON.stringify(fs.snapshot()));
    const copy = VirtualFs.fromSnapshot(snap);
    expect(copy.readFile('/root/d/f')).toBe('content');
    fs.writeFile('d/f', 'changed');
    fs.restore(snap);
    expect(fs.readFile('d/f')).toBe('content');
    expect(fs.stat('d/f')).toEqual({ type: 'file', size: 7, mtime: 1000 });
  });
});
