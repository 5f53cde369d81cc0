// Which Chromium Playwright should drive: CHROMIUM_PATH, Playwright's own build if one was
// downloaded, or the system's (Debian's /usr/bin/chromium). Shared by playwright.config.ts and
// the benchmark.
import { existsSync } from 'node:fs';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The executable to pass to Playwright: a path, `undefined` for Playwright's own, or null if none. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return SYSTEM.find((p) => existsSync(p)) ?? null;
}

/** Flags that keep a system Chromium quiet on a closed network. */
export const SYSTEM_CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-sync',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];
