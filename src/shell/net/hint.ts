// The one line the sandbox adds after a real tool's error: why the network behaved so, in the
// words of the model (trace.why). Marked "hint:" and dimmed on a terminal, so it never passes for
// the tool's own output.

import type { Output } from '../program.ts';

export function writeHint(out: Output, text: string | undefined): void {
  if (!text) return;
  out.write(out.isTTY ? `\x1b[2mhint: ${text}\x1b[0m\n` : `hint: ${text}\n`);
}
