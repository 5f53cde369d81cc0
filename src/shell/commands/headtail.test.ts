import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

// Expected texts and statuses recorded from GNU coreutils 9.1 (bash -c on this machine).
describe('head -c / tail -c', () => {
  it.each([
    ['echo abcdef | head -c 3', 'abc', 0],
    ['echo abcdef | tail -c 3', 'ef\n', 0],
    ["printf 'abcdef' | head -c -2", 'abcd', 0],
    ['echo abc | head -c x', 'head: invalid number of bytes: ‘x’\n', 1],
  ])('%s', async (line, output, status) => {
    const r = await run(line);
    expect(r.output).toBe(output);
    expect(r.status).toBe(status);
  });
});
