// The one RPC surface between the page and the sandbox worker (carried by comlink). The UI imports
// only these types; everything behind them (cluster, shells) lives in the worker.

import type { TopologyUpdate } from './topology.ts';
import type { TrafficBatch } from './traffic.ts';

/** What the worker calls back on the page for one terminal. Passed as a comlink proxy. */
export interface TerminalCallbacks {
  /** Text for the screen, in order. Batched: one call may carry many writes. */
  output(data: string): void;
  /** The shell waits for a line and shows this prompt (the page's line editor draws it). */
  prompt(text: string): void;
  /** Clear the screen (`clear`). */
  clear(): void;
}

/** Tab completion: the word from `replaceFrom` (code units) up to the cursor may be replaced by a candidate. */
export interface Completion {
  replaceFrom: number;
  candidates: string[];
}

/** What the status line shows. Pods are the learner's: system namespaces (kube-*, add-ons) count apart. */
export interface ClusterSummary {
  nodesReady: number;
  nodes: number;
  podsRunning: number;
  pods: number;
  systemPods: number;
}

/** A bundled lesson, as the catalog lists it. */
export interface LessonEntry {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  steps: number;
}

/** Where a lesson comes from: bundled with the app, or markdown the page fetched or was given. */
export type LessonSource = { bundled: string } | { markdown: string; name: string };

/** The live lesson, pushed to the page whenever it changes. */
export interface LessonState {
  lesson: import('../lessons/model.ts').Lesson;
  /** preparing: setup (or catch-up) is running; failed: setup broke (see `message`). */
  phase: 'preparing' | 'ready' | 'failed';
  message?: string;
  /** The step the learner is on (1-based). */
  step: number;
  /** The latest evaluation of each step visited, by index. */
  status: Record<number, import('../lessons/evaluate.ts').StepStatus>;
  /** Steps whose checks have all passed at some point (they stay ticked). */
  done: number[];
  answers: Record<string, string>;
}

/** The lesson side of the worker (see lessons.ts there). */
export interface LessonApi {
  lessons(): Promise<LessonEntry[]>;
  /** Parse and start a lesson on a fresh cluster, from its first step or caught up to `step`. */
  startLesson(source: LessonSource, step?: number): Promise<{ ok: true } | { ok: false; errors: string[] }>;
  /** Leave the lesson: a fresh free sandbox. */
  stopLesson(): Promise<void>;
  onLesson(callback: (state: LessonState | null) => void): Promise<void>;
  /** The learner moved to step `index`. */
  goToStep(index: number): Promise<void>;
  answer(questionId: string, text: string): Promise<void>;
  /** Rebuild the cluster as it was when the current step began. */
  resetStep(): Promise<void>;
}

export interface SandboxApi extends LessonApi {
  /** Start a shell session for terminal `id` (its own session, on the shared cluster). */
  openTerminal(id: string, columns: number, callbacks: TerminalCallbacks): Promise<void>;
  /** A line the user entered; null is end of input (Ctrl+D on an empty line). */
  input(id: string, line: string | null): Promise<void>;
  /** Ctrl+C while a command runs. */
  interrupt(id: string): Promise<void>;
  resize(id: string, columns: number): Promise<void>;
  complete(id: string, line: string, cursor: number): Promise<Completion>;
  closeTerminal(id: string): Promise<void>;
  /** Subscribe to cluster summaries; the current one (if any) arrives at once. */
  onClusterSummary(callback: (summary: ClusterSummary) => void): Promise<void>;
  /** Subscribe to the traffic diagram's topology: all of it at once, then changed collections (≤ ~10/s). */
  onTopology(callback: (update: TopologyUpdate) => void): Promise<void>;
  /** Subscribe to requests (traces): the recent history at once, then batches (≤ one per frame). */
  onTrace(callback: (batch: TrafficBatch) => void): Promise<void>;
  /**
   * Start over on a cluster built from `seed` (the page's ?seed=, for docs widgets that must show
   * the same names and addresses every time); a later free sandbox (leaving a lesson) uses it too.
   * The page calls it before its first terminal opens.
   */
  useSeed(seed: number): Promise<void>;
}

/** A file or directory on the learner's machine (absolute path), for the files panel. */
export interface FileEntry {
  path: string;
  type: 'file' | 'dir';
  size: number;
  mtime: number;
}

/** Pushed to the files panel and the editor. */
export type FilesEvent =
  /** The home directory's listing, whenever it changes (a command wrote a file …). */
  | { type: 'tree'; home: string; entries: FileEntry[] }
  /** `kubectl edit` waits for the learner to save or cancel this file (again, after an invalid edit). */
  | { type: 'edit'; session: number; path: string; content: string }
  /** That edit ended (saved, cancelled, or Ctrl+C in its terminal). */
  | { type: 'edit-end'; session: number };

/** The files side of the worker (files.ts there), exposed on the same endpoint as SandboxApi. */
export interface FilesApi {
  /** Subscribe: the listing (and open edit sessions) at once, then changes. */
  onFiles(callback: (event: FilesEvent) => void): Promise<void>;
  readFile(path: string): Promise<string>;
  writeFile(path: string, content: string): Promise<void>;
  /** A new empty file; fails if the path exists. */
  createFile(path: string): Promise<void>;
  createDirectory(path: string): Promise<void>;
  /** Removes a file, or a directory with everything in it. */
  removeFile(path: string): Promise<void>;
  /** Fails if `to` exists. */
  renameFile(from: string, to: string): Promise<void>;
  /** Answer a `kubectl edit` session: the file's new content is written first when saved. */
  finishEdit(session: number, result: 'saved' | 'cancelled', content?: string): Promise<void>;
  /** What the last finished command in terminal `id` wrote (between its two prompts). */
  lastOutput(terminalId: string): Promise<string>;
  /** The JSON Schema the editor validates manifests with (generated from the API's schema). */
  manifestSchema(): Promise<Record<string, unknown>>;
}
