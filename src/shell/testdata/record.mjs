// Records what real bash 5 and GNU coreutils print for each case in cases.json, into
// bash-transcripts.json, which bash-compat.test.ts replays against our shell.
// Run: node src/shell/testdata/record.mjs  (needs bash and coreutils; LANG=C.UTF-8)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cases = JSON.parse(readFileSync(join(here, 'cases.json'), 'utf8'));
const out = [];
for (const script of cases) {
  const dir = mkdtempSync(join(tmpdir(), 'shell-case-'));
  let output = '';
  let status = 0;
  try {
    // 2>&1 inside the script keeps the interleaving of stdout and stderr as on a terminal.
    output = execFileSync('bash', ['-c', `exec 2>&1\n${script}`], {
      cwd: dir,
      env: { PATH: '/usr/bin:/bin', HOME: '/root', LANG: 'C.UTF-8', TERM: 'dumb' },
      encoding: 'utf8',
    });
  } catch (e) {
    output = e.stdout;
    status = e.status;
  }
  rmSync(dir, { recursive: true, force: true });
  // `bash -c` prefixes syntax errors with `bash: -c: line N:` and echoes the line; an
  // interactive shell prints just `bash: syntax error …`, which is what the sandbox imitates.
  output = output.replace(/^bash: -c: line \d+: (.*)\nbash: -c: line \d+: `.*'\n/gm, 'bash: $1\n');
  output = output.replace(/^bash: line \d+: /gm, 'bash: ');
  out.push({ script, output, status });
}
writeFileSync(join(here, 'bash-transcripts.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`recorded ${out.length} cases`);
