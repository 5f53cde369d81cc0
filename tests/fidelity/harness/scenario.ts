// Scenario files (tests/fidelity/scenarios/*.txt): one kubectl command line per line, run through
// real kubectl and ours and compared. Directives:
//   # comment                   ignored (blank lines too)
//   @setup kubectl …            run by REAL kubectl on both clusters (so state does not depend on
//                               which of our commands exist yet); not a case, but both runs must agree
//   @advance 30s                move both virtual clocks forward (ms, s, m)
//   @file NAME … @end           a file in the scenario's directory, written before the first command
//                               wherever it appears; `$F/NAME` in a command line is its absolute
//                               path (the same path in our virtual fs)
//   kubectl … < NAME            stdin from the scenario file NAME (for `-f -`)
//   NAME=value … kubectl …      environment for that command only, as in sh (KUBE_EDITOR,
//                               KUBECTL_EXTERNAL_DIFF); `$F` is expanded in the values too
//   @timeout 5000               per-command kill timeout for the following lines (default 20000)

import { KUBECTL_COMMANDS } from '../../../src/kubectl/known.ts';
import { shellWords } from './words.ts';

export type Step =
  | { kind: 'case'; id: string; line: string; argv: string[]; env: Record<string, string>; stdinFile?: string; timeoutMs: number }
  | { kind: 'setup'; line: string; argv: string[]; env: Record<string, string>; stdinFile?: string; timeoutMs: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'file'; name: string; content: string };

export interface Scenario {
  name: string;
  steps: Step[];
}

/**
 * The family a case is counted under: the kubectl verb (first word that is not a flag), `(root)`
 * for none, `(unknown)` for a word that is no kubectl command.
 */
export function familyOf(argv: string[]): string {
  const verb = argv.slice(1).find((a) => !a.startsWith('-'));
  if (verb === undefined) return '(root)';
  return KUBECTL_COMMANDS.includes(verb) || verb === 'help' ? verb : '(unknown)';
}

function parseCommand(line: string, where: string): { argv: string[]; env: Record<string, string>; stdinFile?: string } {
  const m = /^(.*?)\s+<\s*(\S+)\s*$/.exec(line);
  const argv = shellWords(m ? m[1] : line);
  const env: Record<string, string> = {};
  for (let a = /^([A-Za-z_]\w*)=(.*)$/s.exec(argv[0] ?? ''); a; a = /^([A-Za-z_]\w*)=(.*)$/s.exec(argv[0] ?? '')) {
    env[a[1]] = a[2];
    argv.shift();
  }
  if (argv[0] !== 'kubectl') throw new Error(`${where}: a command line must start with "kubectl": ${line}`);
  return { argv, env, stdinFile: m?.[2] };
}

function parseDuration(s: string, where: string): number {
  const m = /^(\d+)(ms|s|m)$/.exec(s);
  if (!m) throw new Error(`${where}: bad duration ${s}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm'];
}

export function parseScenario(name: string, text: string): Scenario {
  const steps: Step[] = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  let timeoutMs = 20_000;
  for (let i = 0; i < lines.length; i++) {
    const where = `${name}:${i + 1}`;
    const line = lines[i].trimEnd();
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (line.startsWith('@file ')) {
      const content: string[] = [];
      let j = i + 1;
      for (; j < lines.length && lines[j] !== '@end'; j++) content.push(lines[j]);
      if (j >= lines.length) throw new Error(`${where}: @file without @end`);
      const file = line.slice(6).trim();
      if (steps.some((s) => s.kind === 'file' && s.name === file)) throw new Error(`${where}: @file ${file} twice`);
      steps.push({ kind: 'file', name: file, content: content.join('\n') + '\n' });
      i = j;
    } else if (line.startsWith('@setup ')) {
      steps.push({ kind: 'setup', line: line.slice(7), ...parseCommand(line.slice(7), where), timeoutMs });
    } else if (line.startsWith('@advance ')) {
      steps.push({ kind: 'advance', ms: parseDuration(line.slice(9).trim(), where) });
    } else if (line.startsWith('@timeout ')) {
      timeoutMs = Number(line.slice(9).trim());
    } else if (line.startsWith('@')) {
      throw new Error(`${where}: unknown directive ${line}`);
    } else {
      const n = (seen.get(line) ?? 0) + 1;
      seen.set(line, n);
      steps.push({ kind: 'case', id: n > 1 ? `${line} #${n}` : line, line, ...parseCommand(line, where), timeoutMs });
    }
  }
  return { name, steps };
}
