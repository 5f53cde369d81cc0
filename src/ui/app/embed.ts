// Page modes: the full app, or an embed (docs widgets, iframes) showing chosen panes with minimal
// chrome. Both are configured by URL parameters (docs/EMBED.md). Parsing and the embed's layout are
// pure, so they are unit-tested; a bad value is ignored with a warning, never a crash.

export const PANES = ['terminal', 'traffic', 'editor', 'lesson'] as const;
export type Pane = (typeof PANES)[number];

/** A lesson by bundled id (`05-nodeport`) or by URL (absolute, or `/…`, `./…` on this origin). */
export type LessonRef = { id: string } | { url: string };

export interface PageMode {
  embed: boolean;
  /** Panes to show, first = most room; null when not given (the mode's defaults). */
  panes: Pane[] | null;
  lesson: LessonRef | null;
  theme: 'light' | 'dark' | null;
  /** Lines typed into the first terminal, one after another, once its prompt is ready. */
  commands: string[];
  /** Terminals to open; more than one shows them side by side. */
  terminals: number;
  /** The cluster's random seed (same seed, same names and addresses); null: the default. */
  seed: number | null;
  /** The status line: null means the mode's default (shown in the app, hidden in an embed). */
  status: boolean | null;
}

/** Limits on `cmd`: a URL is no place for a script. */
export const MAX_COMMANDS = 20;
export const MAX_COMMAND_LENGTH = 1000;
export const MAX_TERMINALS = 4;

type Warn = (message: string) => void;

const TRUE = new Set(['', '1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

function flag(name: string, value: string | null, warn: Warn): boolean | null {
  if (value === null) return null;
  const v = value.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  warn(`kube-sandbox: ignoring ${name}=${value} (expected 1 or 0)`);
  return null;
}

function panes(value: string | null, warn: Warn): Pane[] | null {
  if (value === null) return null;
  const out: Pane[] = [];
  for (const raw of value.split(',')) {
    const name = raw.trim().toLowerCase();
    if (!name) continue;
    if (!(PANES as readonly string[]).includes(name)) warn(`kube-sandbox: ignoring unknown pane "${raw}" (panes: ${PANES.join(', ')})`);
    else if (!out.includes(name as Pane)) out.push(name as Pane);
  }
  if (out.length === 0) {
    warn(`kube-sandbox: ignoring panes=${value} (no known pane)`);
    return null;
  }
  return out;
}

/** The same rule LessonPane.svelte applies to ?lesson=: a scheme or a path is a URL, else an id. */
export function lessonRef(value: string | null, warn: Warn = () => {}): LessonRef | null {
  if (value === null) return null;
  const v = value.trim();
  if (!v) return null;
  if (/^[a-z]+:|^\/|^\./i.test(v)) return { url: v };
  if (/^[\w.-]+$/.test(v)) return { id: v };
  warn(`kube-sandbox: ignoring lesson=${value} (not a lesson id or URL)`);
  return null;
}

// C0 and C1 controls and DEL: typed into the terminal they would be keystrokes (Ctrl+C, Escape
// sequences), not text. A newline separates commands instead.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function commands(values: string[], warn: Warn): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const line of value.replace(/\r\n?/g, '\n').split('\n')) {
      const cmd = line.trim();
      if (!cmd) continue;
      if (CONTROL.test(cmd)) warn(`kube-sandbox: ignoring a cmd with control characters: ${JSON.stringify(cmd)}`);
      else if (cmd.length > MAX_COMMAND_LENGTH) warn(`kube-sandbox: ignoring a cmd longer than ${MAX_COMMAND_LENGTH} characters`);
      else if (out.length >= MAX_COMMANDS) warn(`kube-sandbox: ignoring cmd after the first ${MAX_COMMANDS}: ${JSON.stringify(cmd)}`);
      else out.push(cmd);
    }
  }
  return out;
}

function integer(name: string, value: string | null, min: number, max: number, warn: Warn): number | null {
  if (value === null) return null;
  const v = value.trim();
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  warn(`kube-sandbox: ignoring ${name}=${value} (expected a whole number from ${min} to ${max})`);
  return null;
}

/** Read the page's mode from `location.search` (or any query string). */
export function parsePageMode(search: string, warn: Warn = (m) => console.warn(m)): PageMode {
  const q = new URLSearchParams(search);
  const theme = q.get('theme');
  const themeName = theme === null ? null : theme.trim().toLowerCase();
  if (themeName !== null && themeName !== 'light' && themeName !== 'dark') warn(`kube-sandbox: ignoring theme=${theme} (light or dark)`);
  return {
    embed: flag('embed', q.get('embed'), warn) ?? false,
    panes: panes(q.get('panes'), warn),
    lesson: lessonRef(q.get('lesson'), warn),
    theme: themeName === 'light' || themeName === 'dark' ? themeName : null,
    commands: commands(q.getAll('cmd'), warn),
    terminals: integer('terminals', q.get('terminals'), 1, MAX_TERMINALS, warn) ?? 1,
    // SeededRandom keeps 32 bits of the seed.
    seed: integer('seed', q.get('seed'), 0, 0xffff_ffff, warn),
    status: flag('status', q.get('status'), warn),
  };
}

/** The panes an embed shows when none are named. */
export const EMBED_DEFAULT_PANES: Pane[] = ['terminal'];

/** The smallest useful box of each pane, in CSS pixels. */
export const MIN_SIZE: Record<Pane, { width: number; height: number }> = {
  // Wide enough for kubectl's tables without wrapping every row (about 55 columns).
  terminal: { width: 440, height: 150 },
  traffic: { width: 300, height: 220 },
  editor: { width: 300, height: 160 },
  lesson: { width: 240, height: 160 },
};

export interface EmbedLayout {
  /** Side by side (row) or stacked (column). */
  direction: 'row' | 'column';
  /** The panes that fit, in priority order; the others wait behind the toolbar. */
  shown: Pane[];
}

/**
 * Which of `panes` fit in `width`×`height`, and whether side by side or stacked: panes are taken
 * in priority order while their minimum sizes fit (the first always shows). `prefer`, a pane the
 * user picked from the toolbar, takes the place of the last shown pane when it did not fit.
 */
export function embedLayout(panes: readonly Pane[], width: number, height: number, prefer?: Pane): EmbedLayout {
  const fit = (dir: 'row' | 'column'): Pane[] => {
    const shown: Pane[] = [];
    let used = 0;
    for (const p of panes) {
      const need = dir === 'row' ? MIN_SIZE[p].width : MIN_SIZE[p].height;
      if (shown.length > 0 && used + need > (dir === 'row' ? width : height)) break;
      shown.push(p);
      used += need;
    }
    return shown;
  };
  const row = fit('row');
  const column = fit('column');
  // More panes wins; on a tie, the shape of the box decides.
  const direction = row.length > column.length || (row.length === column.length && width >= height) ? 'row' : 'column';
  const shown = direction === 'row' ? row : column;
  if (prefer && panes.includes(prefer) && !shown.includes(prefer)) shown[shown.length - 1] = prefer;
  // Keep priority order (a preferred pane slots in where it ranks).
  return { direction, shown: panes.filter((p) => shown.includes(p)) };
}
