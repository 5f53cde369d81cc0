import type { Builtin } from '../interpreter/runtime.ts';

/**
 * Not bash's `help` (which lists bash builtins): this one explains the sandbox, and says so, because
 * a learner typing `help` wants to know what this terminal can do.
 */
export const help: Builtin = async (ctx, { runtime }) => {
  const names = [...new Set([...runtime.programs.keys(), ...runtime.builtins.keys()])]
    .filter((n) => /^[a-z]/.test(n))
    .sort();
  const lines = [
    'Kube Sandbox help (this is the sandbox\'s help, not bash\'s)',
    '',
    'This terminal runs a small bash-like shell in your browser. Nothing runs on a real machine:',
    '`kubectl` talks to a Kubernetes cluster emulated in this page, and files live in memory.',
    '',
    'Commands:',
    ...wrap(names.join(' '), 76).map((l) => '  ' + l),
    '',
    'Shell features: pipes (|), && and ||, ; lists, > >> < 2>&1 redirections, here-documents (<<EOF),',
    '$VAR and $(command), for/while loops, if, background jobs (cmd &, jobs, fg, kill %1).',
    '',
    'Keys: Tab completes, Up/Down browse history, Ctrl+R searches it, Ctrl+C stops the running',
    'command, Ctrl+L clears the screen, Ctrl+D on an empty line closes this shell.',
    '',
  ];
  ctx.stdout.write(lines.join('\n'));
  return 0;
};

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
