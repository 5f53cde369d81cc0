// Waiting as a real client waits: on the sandbox clock (ctx.sleep), so virtual time moves in tests
// and Ctrl+C interrupts. Returns false when interrupted.

import type { ProcessContext } from '../program.ts';

/**
 * How long Linux lets a connect() to a silent address wait: tcp_syn_retries=6 retransmits the SYN
 * after 1, 2, 4, 8, 16, 32 and 64 s of backoff (127 s), then ETIMEDOUT; observed ~130 s.
 */
export const KERNEL_CONNECT_TIMEOUT_MS = 130_000;

export async function wait(ctx: ProcessContext, ms: number): Promise<boolean> {
  if (ctx.signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await ctx.sleep(ms);
    return !ctx.signal.aborted;
  } catch {
    return false;
  }
}

/** Ctrl+C interrupted a foreground program: exit status 130 (the shell has echoed ^C). */
export function interrupted(_ctx: ProcessContext): number {
  return 130;
}
