// Expected texts recorded from real kubectl 1.34.5 (no server needed).
import { describe, expect, it } from 'vitest';
import { kubectl } from '../../testing/harness.ts';

describe('kubectl completion', () => {
  it.each([
    ['completion', 'Shell not specified.'],
    ['completion foo', 'Unsupported shell type "foo".'],
    ['completion bash zsh', 'Too many arguments. Expected only the shell type.'],
  ])('kubectl %s', async (line, msg) => {
    expect(await kubectl(null, line)).toEqual({ code: 1, stdout: '', stderr: `error: ${msg}\nSee 'kubectl completion -h' for help and examples\n` });
  });
});
