// Replays commands whose output was recorded from real bash 5.2 and GNU coreutils
// (testdata/record.mjs → testdata/bash-transcripts.json) and expects the same text and status.
import { describe, expect, it } from 'vitest';
import transcripts from './testdata/bash-transcripts.json' with { type: 'json' };
import { ShellSession } from './session.ts';
import { MemoryTerminal } from './testing.ts';
import { VirtualFs } from './fs/vfs.ts';

/** Cases where a non-interactive `bash -c` cannot show what an interactive sandbox shell does. */
const SKIP: Record<string, string> = {
  fg: 'bash -c has no job control ("fg: no job control"); the interactive message is tested in jobs.test.ts',
};

describe('output matches real bash', () => {
  for (const { script, output, status } of transcripts as { script: string; output: string; status: number }[]) {
    const test = SKIP[script] ? it.skip : it;
    test(script.replace(/\n/g, '⏎'), async () => {
      // An empty working directory, as the recording ran in a fresh temporary one.
      const fs = new VirtualFs({ cwd: '/work' });
      fs.mkdir('/work');
      const session = new ShellSession({ fs });
      const terminal = new MemoryTerminal([], { echo: false });
      const got = await session.runLine(script, terminal);
      expect(terminal.output).toBe(output);
      expect(got).toBe(status);
    });
  }
});
