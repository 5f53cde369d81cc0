// Word expansion in bash's order: tilde, parameters, command substitution and arithmetic, then field
// splitting of the unquoted results, then pathname expansion (globs) against the virtual files.

import type { Script, Word, WordPart } from '../parser/ast.ts';
import type { VirtualFs } from '../fs/vfs.ts';
import { ArithError, evaluateArith } from './arith.ts';
import type { ShellState } from './state.ts';

export interface ExpandContext {
  state: ShellState;
  fs: VirtualFs;
  /** Runs `$( … )` in a subshell; returns its stdout and exit status. */
  substitute(script: Script): Promise<{ output: string; status: number }>;
}

/** An expansion error bash reports as `bash: <message>` (bad arithmetic, `${x:?}` …). */
export class ExpansionError extends Error {}

/** One character of a field with whether a glob may see it (unquoted text only). */
interface Ch {
  c: string;
  glob: boolean;
}
interface Segment {
  text: string;
  /** Unquoted expansion results are split on IFS whitespace. */
  split: boolean;
  /** Unquoted literal text: `*`, `?`, `[` are patterns. */
  glob: boolean;
  /** Quoted text makes a field exist even when empty (`""`). */
  quoted: boolean;
}

const IFS = /[ \t\n]/;

/** Expands a word list into argv: split, globbed, empty unquoted words dropped. */
export async function expandWords(words: Word[], ctx: ExpandContext): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    for (const field of split(await segments(w.parts, ctx))) out.push(...glob(field, ctx.fs));
  }
  return out;
}

/** Expands a word to one string, without splitting or globbing (assignments, redirect targets). */
export async function expandString(word: Word, ctx: ExpandContext): Promise<string> {
  return (await segments(word.parts, ctx)).map((s) => s.text).join('');
}

/** A redirection target: one word, or bash's `ambiguous redirect` when it expands to several. */
export async function expandTarget(word: Word, ctx: ExpandContext): Promise<string | null> {
  const fields = await expandWords([word], ctx);
  return fields.length === 1 ? fields[0] : null;
}

async function segments(parts: WordPart[], ctx: ExpandContext): Promise<Segment[]> {
  const segs: Segment[] = [];
  for (const p of parts) {
    switch (p.type) {
      case 'lit':
        segs.push({ text: p.text, split: false, glob: !p.quoted, quoted: p.quoted });
        break;
      case 'tilde':
        segs.push({ text: ctx.state.get('HOME') ?? ctx.fs.home, split: false, glob: false, quoted: true });
        break;
      case 'var': {
        const text = await variable(p, ctx);
        segs.push({ text, split: !p.quoted, glob: false, quoted: p.quoted });
        break;
      }
      case 'cmdsub': {
        const { output, status } = await ctx.substitute(p.script);
        ctx.state.lastStatus = status;
        segs.push({ text: output.replace(/\n+$/, ''), split: !p.quoted, glob: false, quoted: p.quoted });
        break;
      }
      case 'arith': {
        const expr = await expandString(p.expr, ctx);
        try {
          const n = evaluateArith(expr, (name) => ctx.state.get(name));
          segs.push({ text: String(n), split: !p.quoted, glob: false, quoted: p.quoted });
        } catch (e) {
          if (e instanceof ArithError) throw new ExpansionError(e.message);
          throw e;
        }
        break;
      }
    }
  }
  return segs;
}

function special(name: string, state: ShellState): string | undefined {
  switch (name) {
    case '?':
      return String(state.lastStatus);
    case '$':
      return state.get('$$') ?? '1';
    case '!':
      return state.lastBackgroundPid === null ? '' : String(state.lastBackgroundPid);
    case '#':
      return '0';
    case '0':
      return 'bash';
    case '@':
    case '*':
    case '-':
      return name === '-' ? 'himBH' : '';
    default:
      return /^[0-9]$/.test(name) ? '' : state.get(name);
  }
}

async function variable(p: Extract<WordPart, { type: 'var' }>, ctx: ExpandContext): Promise<string> {
  const value = special(p.name, ctx.state);
  if (p.op === '#len') return String([...(value ?? '')].length);
  if (!p.op || !p.arg) return value ?? '';
  const missing = p.op.startsWith(':') ? !value : value === undefined;
  if (!missing) return value ?? '';
  const alt = await expandString(p.arg, ctx);
  if (p.op === ':=' || p.op === '=') ctx.state.set(p.name, alt);
  return alt;
}

function split(segs: Segment[]): Ch[][] {
  const fields: Ch[][] = [];
  let cur: Ch[] = [];
  let exists = false;
  const end = () => {
    if (exists) fields.push(cur);
    cur = [];
    exists = false;
  };
  for (const s of segs) {
    if (s.quoted) exists = true;
    if (!s.split) {
      for (const c of s.text) cur.push({ c, glob: s.glob });
      if (s.text) exists = true;
      continue;
    }
    for (const c of s.text) {
      if (IFS.test(c)) end();
      else {
        cur.push({ c, glob: false });
        exists = true;
      }
    }
  }
  end();
  return fields;
}

function hasGlob(field: Ch[]): boolean {
  return field.some((ch) => ch.glob && (ch.c === '*' || ch.c === '?' || ch.c === '['));
}

/** Pathname expansion; a pattern that matches nothing stays as typed (bash without nullglob). */
function glob(field: Ch[], fs: VirtualFs): string[] {
  const text = field.map((ch) => ch.c).join('');
  if (!hasGlob(field)) return [text];
  // Split the pattern into path components, each kept as characters with their glob flag.
  const comps: Ch[][] = [[]];
  for (const ch of field) {
    if (ch.c === '/') comps.push([]);
    else comps[comps.length - 1].push(ch);
  }
  const absolute = text.startsWith('/');
  let paths: string[] = [absolute ? '/' : ''];
  const start = absolute ? 1 : 0;
  for (let i = start; i < comps.length; i++) {
    const comp = comps[i];
    const last = i === comps.length - 1;
    const next: string[] = [];
    for (const base of paths) {
      const join = (name: string) => (base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`);
      if (!hasGlob(comp)) {
        const name = comp.map((ch) => ch.c).join('');
        const p = join(name);
        if (name === '' ? last : fs.exists(p || '.')) next.push(name === '' ? `${base}/` : p);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(base === '' ? '.' : base);
      } catch {
        continue;
      }
      const re = patternRegExp(comp);
      for (const name of names) {
        if (name.startsWith('.') && comp[0]?.c !== '.') continue;
        if (!re.test(name)) continue;
        if (!last && !fs.isDir(join(name))) continue;
        next.push(join(name));
      }
    }
    paths = next;
  }
  return paths.length > 0 ? paths.sort() : [text];
}

function patternRegExp(comp: Ch[]): RegExp {
  let src = '';
  for (let i = 0; i < comp.length; i++) {
    const { c, glob } = comp[i];
    if (glob && c === '*') src += '.*';
    else if (glob && c === '?') src += '.';
    else if (glob && c === '[') {
      const close = comp.findIndex((ch, j) => j > i + 1 && ch.c === ']');
      if (close < 0) {
        src += '\\[';
        continue;
      }
      let cls = comp.slice(i + 1, close).map((ch) => ch.c).join('');
      if (cls.startsWith('!')) cls = '^' + cls.slice(1);
      src += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else src += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${src}$`);
}
