import type { Program } from '../program.ts';
import { VfsError } from '../fs/vfs.ts';
import { parseArgs, UsageError } from './util.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ls [-l] [-a] [-1] [-d]: one name per line when not a terminal, columns when it is. */
export const ls: Program = async (ctx) => {
  const args = parseArgs(ctx, { flags: 'laA1dhR', long: { all: 'a', 'almost-all': 'A' } });
  if (args instanceof UsageError) return args.status === 1 ? 2 : args.status;
  const long = args.opts.has('l');
  const all = args.opts.has('a');
  const almost = args.opts.has('A');
  const dirOnly = args.opts.has('d');
  const operands = args.operands.length > 0 ? args.operands : ['.'];
  let status = 0;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const op of operands) {
    if (!ctx.fs.exists(op)) {
      ctx.stderr.write(`ls: cannot access '${op}': No such file or directory\n`);
      status = 2;
    } else if (ctx.fs.isDir(op) && !dirOnly) dirs.push(op);
    else files.push(op);
  }
  const out: string[] = [];
  const render = (names: string[], dir: string | null) => {
    if (long) {
      const rows = names.map((n) => {
        const path = dir === null ? n : `${dir}/${n}`;
        const st = n === '.' || n === '..' ? { type: 'dir' as const, size: 4096, mtime: 0 } : ctx.fs.stat(path);
        return { n, st };
      });
      if (dir !== null) out.push(`total ${rows.reduce((t, r) => t + Math.ceil(r.st.size / 4096) * 4, 0)}`);
      const width = Math.max(0, ...rows.map((r) => String(r.st.size).length));
      for (const { n, st } of rows) {
        const d = new Date(st.mtime);
        const date = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
        const mode = st.type === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--';
        out.push(`${mode} ${st.type === 'dir' ? 2 : 1} root root ${String(st.size).padStart(width)} ${date} ${n}`);
      }
    } else if (ctx.stdout.isTTY && names.length > 0) {
      out.push(...columns(names, ctx.terminal?.columns ?? 80));
    } else out.push(...names);
  };
  render(files, null);
  dirs.forEach((dir, i) => {
    if (files.length > 0 || i > 0) out.push('');
    if (operands.length > 1) out.push(`${dir}:`);
    let names: string[];
    try {
      names = ctx.fs.readdir(dir);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr.write(`ls: cannot open directory '${dir}': ${e.reason}\n`);
      status = 2;
      return;
    }
    names = names.filter((n) => all || almost || !n.startsWith('.'));
    if (all) names = ['.', '..', ...names];
    render(names, dir);
  });
  if (out.length > 0) ctx.stdout.write(out.join('\n') + '\n');
  return status;
};

/** GNU ls's column layout: fill down columns, as many as fit with two spaces between. */
function columns(names: string[], width: number): string[] {
  for (let cols = names.length; cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      widths.push(Math.max(0, ...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)));
    }
    if (widths.some((w) => w === 0)) continue;
    if (widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1) > width) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < cols; c++) {
        const n = names[c * rows + r];
        if (n === undefined) continue;
        const lastInRow = names[(c + 1) * rows + r] === undefined;
        cells.push(lastInRow ? n : n.padEnd(widths[c] + 2));
      }
      lines.push(cells.join(''));
    }
    return lines;
  }
  return names;
}
