// A parsed lesson, ready for a UI to render and for the runner to drive. Everything here is plain
// data (no functions, no cluster), so it can cross the worker boundary as it is.

import type { CheckSpec } from './checks/types.ts';
import type { Frontmatter } from './schema.ts';

/** The panes a lesson shows. */
export type Pane = 'terminal' | 'editor' | 'traffic';

export interface Lesson {
  /** Folder name, e.g. `05-nodeport`; its number orders the catalog. */
  id: string;
  title: string;
  summary: string;
  minutes: number;
  /** Work done before the learner starts (the UI shows "preparing" meanwhile). */
  setup: Setup;
  /** Terminals to open (ids "1", "2", …), and the other panes. */
  terminals: number;
  panes: Pane[];
  /** Files put in the learner's home before the lesson starts (path → content). */
  files: Record<string, string>;
  /** Random seed of the lesson's cluster: the same seed gives the same names and addresses. */
  seed: number;
  /** Draft lessons are skipped by `lessons verify` (with the reason shown). */
  draft?: string;
  /** Prose before the first step (markdown source). */
  intro: string;
  steps: Step[];
  frontmatter: Frontmatter;
}

export interface Setup {
  /** Manifests (file names in the lesson folder) applied in order, before the commands. */
  manifests: { path: string; content: string }[];
  /** Shell lines run on the learner's machine, unseen, before the lesson starts. */
  commands: string[];
}

export interface Step {
  /** 1-based position, and a slug of the title for links. */
  index: number;
  slug: string;
  title: string;
  /** What the learner reads, in order: prose and commands, questions where they stand. */
  body: BodyBlock[];
  checks: CheckSpec[];
  questions: Question[];
  /** Numbered hints, shown one at a time on request. */
  hints: string[];
  /** What `lessons verify` runs (and the UI reveals on request); empty: the step's `run` commands. */
  solution: Command[];
}

export type BodyBlock =
  | { type: 'prose'; markdown: string }
  | { type: 'command'; command: Command }
  | { type: 'question'; id: string };

export interface Command {
  /** run: a button that types it in the terminal; copy: a button that copies it. */
  mode: 'run' | 'copy';
  /** The text, one or more lines (each line is typed as a separate command). */
  code: string;
  /** Which terminal ("1" unless the block says terminal=N). */
  terminal: string;
  /** Send Ctrl+C first, to stop a command still running there (e.g. a port-forward). */
  interrupt: boolean;
}

export interface Question {
  id: string;
  /** The question, as markdown. */
  prompt: string;
  /** How the right answer is computed from the live state when the learner answers. */
  answer: import('./answers.ts').AnswerSpec;
  /** A command whose output is the answer, typed by `lessons verify` (never shown). */
  solution?: string;
  /** Shown after a wrong answer. */
  hint?: string;
}
