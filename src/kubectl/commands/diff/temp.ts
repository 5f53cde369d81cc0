// os.CreateTemp / os.MkdirTemp as kubectl uses them: `/tmp/<prefix><digits><suffix>`, where Go
// draws the digits from a random uint32. We derive them from the name, the sandbox clock and a
// per-call counter instead, so that replaying a sandbox's command log gives the same names (the
// fidelity suite normalises these digits, as it does timestamps).

import type { VirtualFs } from '../../../shell/fs/vfs.ts';

export const TMP = '/tmp';
let counter = 0;

function digits(seed: string): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return String((h ^ (h >>> 16)) >>> 0);
}

/** A fresh path under /tmp that does not exist yet (created by the caller). */
function freshPath(fs: VirtualFs, prefix: string, suffix: string): string {
  if (!fs.isDir(TMP)) fs.mkdir(TMP, { parents: true });
  const now = fs.stat(TMP).mtime;
  for (;;) {
    const p = `${TMP}/${prefix}${digits(`${prefix}|${now}|${counter++}`)}${suffix}`;
    if (!fs.exists(p)) return p;
  }
}

/** os.MkdirTemp("", prefix): `/tmp/LIVE-1114283336`. */
export function makeTempDir(fs: VirtualFs, prefix: string): string {
  const p = freshPath(fs, prefix, '');
  fs.mkdir(p);
  return p;
}

/** os.CreateTemp("", prefix+"*"+suffix) with its content: `/tmp/kubectl-edit-3435683771.yaml`. */
export function createTempFile(fs: VirtualFs, prefix: string, suffix: string, content: string): string {
  const p = freshPath(fs, prefix, suffix);
  fs.writeFile(p, content);
  return p;
}
