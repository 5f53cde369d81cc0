import { expect, it } from 'vitest';
import { run } from '../testing.ts';

// Expected output and statuses as GNU coreutils' printenv gives them (bash -c on this machine).
it('printenv prints named variables and fails for unset ones', async () => {
  const r = await run('export A=1 B=2; printenv B A; echo $?; printenv NOPE; echo $?');
  expect(r.output).toBe('2\n1\n0\n1\n');
});
