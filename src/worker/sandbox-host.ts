// Hosts many shell sessions on one cluster behind the SandboxApi. Independent of how shells and the
// cluster are built (the worker entry passes factories), so it runs in Node tests as in the worker.
// Nothing thrown by a session or a call escapes: the worker must never die.

import type { Terminal } from '../shell/terminal.ts';
import type { ClusterSummary, Completion, LessonApi, SandboxApi, TerminalCallbacks } from './protocol.ts';
import { TerminalPort } from './terminal-port.ts';
import type { TopologyUpdate } from './topology.ts';
import type { TrafficBatch } from './traffic.ts';

/** One shell session as the host sees it. */
export interface HostedShell {
  /** The read-eval-print loop; resolves when the shell exits. */
  run(terminal: Terminal): Promise<unknown>;
  complete(line: string, cursor: number): Completion | Promise<Completion>;
}

export interface SandboxHostOptions {
  newShell(terminalId: string): HostedShell;
  /** A line for the first terminal before its first prompt. */
  welcome?: string;
  /** Before each line reaches a shell (e.g. bring the clock up to real time, record the command). */
  beforeInput?(terminalId: string, line: string | null): void;
  /** The traffic diagram's feeds (the worker entry wires them to the cluster). */
  subscribeTopology?(listener: (u: TopologyUpdate) => void): void;
  subscribeTraces?(listener: (b: TrafficBatch) => void): void;
}

interface Session {
  port: TerminalPort;
  shell: HostedShell;
  lease: ShellLease;
}

/**
 * A shell's hold on its terminal. Revoking it (a lesson moved the terminals to a new cluster) ends
 * the shell — its pending read answers end of input, its running command is interrupted — and
 * silences it, while the terminal itself stays open for the next shell.
 */
class ShellLease implements Terminal {
  readonly #port: TerminalPort;
  #revoked = false;
  #pending: ((line: string | null) => void) | undefined;
  #unlisten: (() => void)[] = [];
  #listeners: (() => void)[] = [];

  constructor(port: TerminalPort) {
    this.#port = port;
  }
  get columns(): number {
    return this.#port.columns;
  }
  write(data: string): void {
    if (!this.#revoked) this.#port.write(data);
  }
  clear(): void {
    if (!this.#revoked) this.#port.clear();
  }
  readLine(prompt: string): Promise<string | null> {
    if (this.#revoked) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.#pending = resolve;
      void this.#port.readLine(prompt).then((line) => {
        if (this.#pending !== resolve) return;
        this.#pending = undefined;
        resolve(this.#revoked ? null : line);
      });
    });
  }
  onInterrupt(listener: () => void): () => void {
    this.#listeners.push(listener);
    const off = this.#port.onInterrupt(listener);
    this.#unlisten.push(off);
    return off;
  }
  revoke(): void {
    if (this.#revoked) return;
    this.#revoked = true;
    for (const l of this.#listeners) {
      try {
        l();
      } catch {
        // Ending an old command must not keep the others from ending.
      }
    }
    for (const off of this.#unlisten) off();
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.(null);
  }
}


export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `\r\nsandbox: internal error: ${message.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')}\r\n`;
}

/** The worker entry exposes this together with the lesson service (LessonApi) and useSeed. */
export class SandboxHost implements Omit<SandboxApi, keyof LessonApi | 'useSeed'> {
  readonly #options: SandboxHostOptions;
  readonly #sessions = new Map<string, Session>();
  readonly #summaryListeners: ((s: ClusterSummary) => void)[] = [];
  #summary: ClusterSummary | undefined;
  #welcomed = false;

  constructor(options: SandboxHostOptions) {
    this.#options = options;
  }

  async openTerminal(id: string, columns: number, callbacks: TerminalCallbacks): Promise<void> {
    await this.closeTerminal(id);
    const port = new TerminalPort(callbacks, columns);
    if (!this.#welcomed && this.#options.welcome) {
      this.#welcomed = true;
      port.write(this.#options.welcome);
    }
    this.#start(id, port);
  }

  #start(id: string, port: TerminalPort): void {
    let shell: HostedShell;
    try {
      shell = this.#options.newShell(id);
    } catch (error) {
      port.write(errorLine(error));
      port.flush();
      return;
    }
    const lease = new ShellLease(port);
    const session = { port, shell, lease };
    this.#sessions.set(id, session);
    const linesBefore = port.linesRead;
    Promise.resolve()
      .then(() => shell.run(lease))
      .catch((error: unknown) => lease.write(errorLine(error)))
      .then(() => {
        if (port.closed || this.#sessions.get(id) !== session) return;
        // The shell exited (`exit`, Ctrl+D): a terminal tab with no shell is useless, so start a new one.
        // A shell that ended before reading its first line would end again at once: don't loop.
        if (port.linesRead > linesBefore) this.#start(id, port);
        else {
          port.write('\r\n[shell exited]\r\n');
          port.flush();
        }
      });
  }

  /** Every terminal gets a new shell (from newShell: e.g. on a lesson's fresh cluster), after `banner`. */
  restartShells(banner = ''): void {
    for (const [id, { port, lease }] of this.#sessions) {
      lease.revoke();
      port.write('\r\n' + banner);
      this.#start(id, port);
    }
  }

  async input(id: string, line: string | null): Promise<void> {
    const session = this.#sessions.get(id);
    if (!session) return;
    try {
      this.#options.beforeInput?.(id, line);
    } catch (error) {
      session.port.write(errorLine(error));
    }
    session.port.input(line);
  }

  async interrupt(id: string): Promise<void> {
    this.#sessions.get(id)?.port.interrupt();
  }

  async resize(id: string, columns: number): Promise<void> {
    if (columns > 0) this.#sessions.get(id)?.port.resize(columns);
  }

  async complete(id: string, line: string, cursor: number): Promise<Completion> {
    const session = this.#sessions.get(id);
    if (!session) return { replaceFrom: cursor, candidates: [] };
    try {
      return await session.shell.complete(line, cursor);
    } catch {
      return { replaceFrom: cursor, candidates: [] };
    }
  }

  async closeTerminal(id: string): Promise<void> {
    const session = this.#sessions.get(id);
    if (!session) return;
    this.#sessions.delete(id);
    session.port.close();
  }

  async onClusterSummary(callback: (summary: ClusterSummary) => void): Promise<void> {
    this.#summaryListeners.push(callback);
    if (this.#summary) notify(callback, this.#summary);
  }

  async onTopology(callback: (update: TopologyUpdate) => void): Promise<void> {
    this.#options.subscribeTopology?.((u) => notify(callback, u));
  }

  async onTrace(callback: (batch: TrafficBatch) => void): Promise<void> {
    this.#options.subscribeTraces?.((b) => notify(callback, b));
  }

  /** From the worker entry, whenever the figures change. */
  publishSummary(summary: ClusterSummary): void {
    this.#summary = summary;
    for (const listener of this.#summaryListeners) notify(listener, summary);
  }

  /** An error nobody caught (the worker's `error`/`unhandledrejection`): say so in every terminal. */
  reportError(error: unknown): void {
    for (const { port } of this.#sessions.values()) {
      port.write(errorLine(error));
      port.flush();
    }
  }
}

function notify<T>(listener: (value: T) => void, summary: T): void {
  try {
    const r = listener(summary) as unknown;
    if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch(() => {});
  } catch {
    // A listener on a closed page.
  }
}
