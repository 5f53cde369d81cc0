#!/usr/bin/env node
// Makes `npm start` and `npm test` work on a fresh clone: installs npm packages when they are
// missing or older than the lockfile, and (for tests) Chromium where this machine can.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const want = process.argv.slice(2);

function run(cmd) {
  console.log(`> ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
}

const marker = 'node_modules/.package-lock.json';
const stale =
  !existsSync(marker) || (existsSync('package-lock.json') && statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000);
if (stale) run(existsSync('package-lock.json') ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');

if (want.includes('--browser')) {
  const { findChromium } = await import('./chromium.js');
  if (!findChromium()) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (process.platform === 'linux' && root && existsSync('/usr/bin/apt-get')) {
      try {
        run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
      } catch {
        console.warn('Could not install chromium with apt-get; browser tests will be skipped.');
      }
    } else {
      console.warn('No Chromium found (set CHROMIUM_PATH, or install chromium); browser tests will be skipped.');
    }
  }
}
