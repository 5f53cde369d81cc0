#!/usr/bin/env node
// Benchmark (not a test) for the traffic diagram: frame times (requestAnimationFrame deltas) while
// a burst of 100 requests animates, on a small cluster (3 nodes, 30 Pods: also screenshotted, to
// check it stays readable) and a large one (200 Pods, 50 Services). Builds if dist/ is missing,
// serves it with `vite preview` on BENCH_PORT (4175), drives headless Chromium through the terminal
// like a learner would. Usage: node scripts/bench-diagram.js [small|large] (both by default).

import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startPreview } from './preview-server.js';
import { findChromium, SYSTEM_CHROMIUM_ARGS } from './chromium.js';

const PORT = Number(process.env.BENCH_PORT ?? 4175);
const APP_URL = `http://127.0.0.1:${PORT}/`;
const only = process.argv[2];


const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Type a line in the first terminal and wait for the next prompt. */
async function run(page, line, timeout = 120_000) {
  const t = page.locator('[data-terminal]').first();
  const before = Number(await t.getAttribute('data-prompts'));
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => Number(document.querySelector('[data-terminal]')?.getAttribute('data-prompts')) > n, before, { timeout });
  await page.locator('[data-terminal][data-state="ready"]').first().waitFor({ timeout });
}

async function waitRunning(page, n) {
  await page.waitForFunction((want) => (document.querySelector('[data-testid="cluster-status"]')?.textContent ?? '').includes(`pods ${want}/${want} running`), n, { timeout: 180_000 });
}

/** Start recording frame deltas, run the burst, record until no dot is left in the air. */
async function burst(page, line, requests) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__traffic.onFrame = (dt) => window.__frames.push(dt);
  });
  const before = Number(await page.getByTestId('request-log').getAttribute('data-total'));
  const started = Date.now();
  await run(page, line);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="request-log"]')?.getAttribute('data-total')) >= n, before + requests, { timeout: 120_000 });
  const sent = Date.now() - started;
  await page.waitForFunction(() => window.__traffic.flights.length === 0, null, { timeout: 120_000 });
  const frames = await page.evaluate(() => window.__frames);
  return { frames, sent };
}

function report(name, { frames, sent }, extra) {
  const janky = frames.filter((d) => d > 50).length;
  console.log(`${name}: ${extra}`);
  console.log(`  burst sent in ${(sent / 1000).toFixed(1)} s; animated ${frames.length} frames`);
  console.log(
    `  frame time (rAF delta) median ${pct(frames, 50).toFixed(1)} ms, p95 ${pct(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms; frames over 50 ms: ${janky} (${((100 * janky) / Math.max(1, frames.length)).toFixed(1)}%)`,
  );
}

const { stop: stopServer } = await startPreview(PORT);

let browser;
try {
  const executablePath = findChromium() ?? undefined;
  browser = await chromium.launch({ executablePath, args: executablePath ? SYSTEM_CHROMIUM_ARGS : [] });
  mkdirSync('screenshots', { recursive: true });

  const open = async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(APP_URL);
    await page.locator('[data-terminal][data-state="ready"]').first().click();
    await page.getByTestId('traffic-pane').waitFor();
    return page;
  };

  if (!only || only === 'small') {
    const page = await open();
    await run(page, 'kubectl create deployment web --image=nginx --replicas=30');
    await run(page, 'kubectl expose deployment web --port=80 --type=NodePort');
    await waitRunning(page, 30);
    const port = "$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')";
    const r = await burst(page, `for i in $(seq 1 100); do curl -s -o /dev/null http://192.168.49.2:${port}; done`, 100);
    await page.screenshot({ path: 'screenshots/bench-diagram-30-pods.png' });
    report('3 nodes, 30 Pods, 1 NodePort Service, 100 curls from your machine', r, 'screenshot: screenshots/bench-diagram-30-pods.png');
    await page.close();
  }

  if (!only || only === 'large') {
    const page = await open();
    // 10 Deployments × 20 replicas; each exposed by 5 Services (50 Services, 1000 endpoint edges).
    await run(page, 'for d in $(seq 1 10); do kubectl create deployment d$d --image=nginx --replicas=20; done');
    await run(page, 'for d in $(seq 1 10); do for s in $(seq 1 5); do kubectl expose deployment d$d --name=d$d-s$s --port=80; done; done', 300_000);
    await waitRunning(page, 200);
    await run(page, 'kubectl run tools --image=nicolaka/netshoot -- sleep 3600');
    await waitRunning(page, 201);
    await page.waitForTimeout(500);
    const r = await burst(page, 'for i in $(seq 1 100); do kubectl exec tools -- curl -s -o /dev/null d1-s1; done', 100);
    await page.screenshot({ path: 'screenshots/bench-diagram-200-pods.png' });
    const shapes = await page.evaluate(() => document.querySelectorAll('[data-testid="traffic-diagram"] *').length);
    report('3 nodes, 201 Pods, 50 Services, 100 curls from a Pod', r, `${shapes} SVG elements; screenshot: screenshots/bench-diagram-200-pods.png`);
    await page.close();
  }
} finally {
  await browser?.close();
  stopServer();
}
