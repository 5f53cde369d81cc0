// End-to-end tests against the built site (vite preview) in Chromium. Playwright's own Chromium
// when it is installed, else the system's (Debian's /usr/bin/chromium): no download needed.

import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

function systemChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
}

const executablePath = systemChromium();
// PW_PORT lets a second run (a clean-clone check beside a dev server) use another port.
const port = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: executablePath
      ? {
          executablePath,
          // Keep a system browser quiet and offline: no GPU, no sync, no DNS lookups but localhost.
          args: ['--disable-gpu', '--disable-sync', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost'],
        }
      : {},
  },
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
