// tests/fidelity/pending.txt: cases that are run but not compared yet, each with the reason
// (usually: our command is not written yet). Lines: `<scenario> | <case> | <reason>`.
// A pending case is reported as "not compared" and never counted as identical.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PENDING_PATH = fileURLToPath(new URL('../pending.txt', import.meta.url));

export function loadPending(path = PENDING_PATH): Map<string, string> {
  const pending = new Map<string, string>();
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return pending;
  }
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(' | ');
    if (parts.length < 3) throw new Error(`pending.txt: expected "<scenario> | <case> | <reason>": ${line}`);
    pending.set(`${parts[0]} | ${parts.slice(1, -1).join(' | ')}`, parts[parts.length - 1]);
  }
  return pending;
}
