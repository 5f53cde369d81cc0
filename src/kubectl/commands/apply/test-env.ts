// Moved to src/kubectl/testing/harness.ts (`sandbox()`); this shim keeps apply's and diff's tests
// importing from here until they switch. Every command is in the registry, so `extra` is unused.

import type { Command } from '../../command.ts';
import { sandbox, type Sandbox } from '../../testing/harness.ts';

export type { RunResult } from '../../testing/harness.ts';
export type TestEnv = Sandbox;

export function testEnv(_extra: readonly Command[] = [], seed = 1): TestEnv {
  return sandbox(seed);
}
