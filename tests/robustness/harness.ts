// A sandbox on the virtual clock with a few objects the learner "built", and a runner that feeds
// it one hostile line at a time through the laptop shell, timing it and keeping what it printed.

import { Sandbox } from '../../src/sandbox/sandbox.ts';
import { MemoryTerminal } from '../../src/shell/testing.ts';
import type { ShellSession } from '../../src/shell/index.ts';

export interface CaseResult {
  status: number;
  output: string;
  wallMs: number;
}

export interface World {
  sandbox: Sandbox;
  shell: ShellSession;
  /** Runs a line; `interruptAfterMs` presses Ctrl+C after that much wall time. */
  run(line: string, opts?: { interruptAfterMs?: number }): Promise<CaseResult>;
  /** What `kubectl get nodes` printed right after setup. */
  nodes: string;
}

const SETUP = [
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl expose deployment web --port=80',
  'kubectl create configmap keep --from-literal=a=b',
];

export async function world(seed = 1): Promise<World> {
  const sandbox = new Sandbox({ clock: 'virtual', seed });
  const shell = sandbox.laptopShell();
  const run = async (line: string, opts: { interruptAfterMs?: number } = {}): Promise<CaseResult> => {
    const term = new MemoryTerminal([], { echo: false });
    const t0 = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (opts.interruptAfterMs !== undefined) {
      // A program reading the terminal waits for the learner, as it would on a screen.
      term.keepOpen = true;
      timer = setTimeout(() => {
        term.interrupt();
        term.type(null);
      }, opts.interruptAfterMs);
    }
    try {
      const status = await shell.runLine(line, term);
      sandbox.cluster.settle(60_000);
      return { status, output: term.output, wallMs: performance.now() - t0 };
    } finally {
      clearTimeout(timer);
    }
  };
  for (const line of SETUP) {
    const r = await run(line);
    if (r.status !== 0) throw new Error(`setup failed: ${line}\n${r.output}`);
  }
  const nodes = (await run('kubectl get nodes')).output;
  return { sandbox, shell, run, nodes };
}

/** mulberry32: a tiny seeded generator, so every fuzz run is the same run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text that betrays a JavaScript crash caught and printed as if it were a tool's message. */
export const JS_CRASH = /Cannot read propert|is not a function|is not iterable|is not defined|Maximum call stack|Invalid (array|string) length|out of memory|\[object Object\]|undefined is not|of undefined|of null\b|RangeError|TypeError|SyntaxError: (Unexpected|JSON)/;

/** Control characters that must never reach the terminal: all C0 but \n and \t, DEL, C1; ESC only as SGR. */
export function rawControls(output: string): string[] {
  const bad: string[] = [];
  const sgr = /^\x1b\[[0-9;:]*m/;
  for (let i = 0; i < output.length; i++) {
    const c = output.charCodeAt(i);
    if (c === 0x1b) {
      const m = sgr.exec(output.slice(i, i + 64));
      if (m) {
        i += m[0].length - 1;
        continue;
      }
      bad.push(JSON.stringify(output.slice(Math.max(0, i - 20), i + 20)));
    } else if ((c < 0x20 && c !== 0x0a && c !== 0x09) || c === 0x7f || (c >= 0x80 && c <= 0x9f)) {
      bad.push(JSON.stringify(output.slice(Math.max(0, i - 20), i + 20)));
    }
  }
  return bad;
}
