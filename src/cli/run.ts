// `kube-sandbox run`: a script typed into a fresh sandbox on a virtual clock. Between lines the
// cluster settles (pods started, addresses assigned; at most a minute of cluster time), so a
// transcript reads as if the learner had waited a moment before each command.

import { Sandbox } from '../sandbox/sandbox.ts';
import { ScriptTerminal, type TranscriptEntry } from './script-terminal.ts';

export interface RunResult {
  transcript: string;
  entries: TranscriptEntry[];
  /** The last command's exit code. */
  exitCode: number;
}

export async function runScript(text: string, opts: { seed?: number; startTime?: number } = {}): Promise<RunResult> {
  const sandbox = new Sandbox({ clock: 'virtual', seed: opts.seed ?? 1, startTime: opts.startTime });
  const session = sandbox.laptopShell();
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const terminal = new ScriptTerminal(lines, {
    beforeLine: () => sandbox.cluster.settle(60_000),
    exitCode: () => session.lastStatus,
  });
  await session.repl(terminal, { announceExit: false });
  terminal.end();
  sandbox.cluster.stop();
  const last = terminal.entries.at(-1);
  return { transcript: terminal.transcript, entries: terminal.entries, exitCode: last?.exitCode ?? 0 };
}
