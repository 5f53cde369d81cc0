// What is inherently different between real kubectl and ours, and nothing else. Each rule is
// listed (with why) in docs/FIDELITY.md; a rule must never hide a difference a learner could see
// that the real tool would not show.

import type { KubectlResult } from './real-kubectl.ts';

export interface Compared {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Rule 1: our teaching hints (`hint: …` lines on stderr) are a sandbox addition. */
function dropHints(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !l.startsWith('hint: '))
    .join('\n');
}

/**
 * Rule 2: `describe` computes event ages client-side from the wall clock (time.Since); the real
 * binary's wall clock is not the emulator's virtual clock. In the Events table only, the Age cell
 * becomes <age> and the row's padding is collapsed (column widths depend on the age strings).
 */
function eventAges(stdout: string): string {
  const lines = stdout.split('\n');
  let inEvents = false;
  let ageCol = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^Events:/.test(l)) {
      inEvents = true;
      ageCol = -1;
      continue;
    }
    if (!inEvents) continue;
    if (!l.startsWith('  ')) {
      inEvents = false;
      continue;
    }
    const cells = l.trim().split(/\s{2,}/);
    if (ageCol < 0) {
      ageCol = cells.indexOf('Age');
      lines[i] = cells.join('  ');
      continue;
    }
    if (/^-+$/.test(cells[0])) {
      lines[i] = '  ' + cells.map(() => '----').join('  ');
      continue;
    }
    if (ageCol >= 0 && cells.length > ageCol) cells[ageCol] = '<age>';
    lines[i] = '  ' + cells.join('  ');
  }
  return lines.join('\n');
}

/**
 * Rule 3: the default --cache-dir (`kubectl options`) is $HOME/.kube/cache; the harness gives real
 * kubectl a private temporary HOME and KUBECACHEDIR, the sandbox's HOME is /root.
 */
function cacheDir(stdout: string): string {
  return stdout.replace(/--cache-dir='[^']*'/g, "--cache-dir='/root/.kube/cache'");
}

/**
 * Rule 4: `kubectl diff` writes the two versions into os.MkdirTemp directories, /tmp/LIVE-<random
 * digits> and /tmp/MERGED-<random digits>, and GNU diff -u prints each file's modification time
 * (the real machine's wall clock, nanoseconds) on its `---`/`+++` lines. Both are random per run:
 * the digits become <n>, the timestamps <time>.
 */
function diffTemps(text: string): string {
  return text
    .replace(/\/tmp\/(LIVE|MERGED)-\d+/g, '/tmp/$1-<n>')
    .replace(/^((?:---|\+\+\+) \S+)\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4}$/gm, '$1\t<time>');
}

/** Rule 5: `kubectl edit` keeps a rejected edit in an os.CreateTemp file, /tmp/kubectl-edit-<random digits>. */
function editTemps(text: string): string {
  return text.replace(/\/tmp\/kubectl-edit-\d+/g, '/tmp/kubectl-edit-<n>');
}

/**
 * Rule 6: klog's line header (`W1126 04:08:15.421391   12867 helpers.go:731] …`) carries the
 * machine's wall-clock time and the process id; both become placeholders, the severity letter,
 * the source location and the message are compared.
 */
function klogHeaders(stderr: string): string {
  return stderr.replace(/^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ (\S+:\d+\] )/gm, '$1<time> <pid> $2');
}

export function normalise(argv: string[], r: KubectlResult, side: 'real' | 'ours'): Compared {
  let { stdout, stderr } = r;
  if (side === 'ours') stderr = dropHints(stderr);
  if (side === 'real') stdout = cacheDir(stdout);
  if (argv.includes('describe')) stdout = eventAges(stdout);
  if (argv.includes('diff')) [stdout, stderr] = [diffTemps(stdout), diffTemps(stderr)];
  if (argv.includes('edit')) [stdout, stderr] = [editTemps(stdout), editTemps(stderr)];
  stderr = klogHeaders(stderr);
  return { code: r.code, stdout, stderr };
}
