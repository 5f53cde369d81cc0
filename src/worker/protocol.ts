// The one RPC surface between the page and the sandbox worker (carried by comlink). The UI imports
// only these types; everything behind them (cluster, shells) lives in the worker.

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

export interface SandboxApi {
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
}
