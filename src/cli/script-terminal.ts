// The terminal of `kube-sandbox run`: lines come from a script, output is collected. Each line is
// "typed" at whatever prompt is waiting — the shell's, or a nested shell's after `kubectl run -it`
// — so a script reads like a terminal session. Before each line the cluster settles.

import type { Terminal } from '../shell/terminal.ts';

export interface TranscriptEntry {
  command: string;
  output: string;
  exitCode: number;
}

export class ScriptTerminal implements Terminal {
  readonly columns = 120;
  readonly entries: TranscriptEntry[] = [];
  /** Everything as a terminal would show it: prompts, typed lines and output. */
  transcript = '';
  #lines: string[];
  #current: TranscriptEntry | undefined;
  #beforeLine: () => void;
  #exitCode: () => number;

  constructor(lines: string[], hooks: { beforeLine: () => void; exitCode: () => number }) {
    this.#lines = lines;
    this.#beforeLine = hooks.beforeLine;
    this.#exitCode = hooks.exitCode;
  }

  write(data: string): void {
    this.transcript += data;
    if (this.#current) this.#current.output += data;
  }

  async readLine(prompt: string): Promise<string | null> {
    // Let background jobs (`kubectl port-forward … &`) run up to their next wait first, as a
    // person typing the next line would give them time to.
    await new Promise((r) => setTimeout(r, 0));
    this.#finish();
    this.#beforeLine();
    const line = this.#lines.shift();
    if (line === undefined) return null;
    this.transcript += prompt + line + '\n';
    this.#current = { command: line, output: '', exitCode: 0 };
    return line;
  }

  /** Close the last entry (called when the script ends). */
  end(): void {
    this.#finish();
  }

  #finish(): void {
    if (!this.#current) return;
    this.#current.exitCode = this.#exitCode();
    this.entries.push(this.#current);
    this.#current = undefined;
  }

  onInterrupt(): () => void {
    return () => {};
  }

  clear(): void {}
}
