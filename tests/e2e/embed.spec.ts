// Page modes (docs/EMBED.md): the embed's URL parameters, its layout in small boxes, hosting the
// built site under a sub-path with no special headers, and an embed inside another page's iframe.

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ready, run, screen, terminal, watchErrors } from './helpers.ts';

/** The number of prompts terminal 0 has shown (1 = the first prompt). */
async function prompts(page: Page): Promise<number> {
  return Number(await terminal(page).getAttribute('data-prompts'));
}

/** Nothing on the page scrolls: the document is exactly its viewport. */
async function expectNoPageScroll(page: Page): Promise<void> {
  const box = await page.evaluate(() => {
    const d = document.documentElement;
    return { sw: d.scrollWidth, cw: d.clientWidth, sh: d.scrollHeight, ch: d.clientHeight };
  });
  expect(box.sw).toBeLessThanOrEqual(box.cw);
  expect(box.sh).toBeLessThanOrEqual(box.ch);
}

test('embed=1&panes=terminal&cmd=…: only the terminal, and the command ran', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto('/?embed=1&panes=terminal&cmd=kubectl%20get%20nodes');
  const t = terminal(page);
  await expect(t).toHaveAttribute('data-prompts', '2', { timeout: 20_000 });
  await ready(page);
  const text = await screen(t);
  expect(text).toContain('learner@laptop:~$ kubectl get nodes');
  expect(text).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
  expect(text).toMatch(/minikube\s+Ready\s+control-plane/);
  // Minimal chrome: no header, no status line, no tabs, no other pane, no toolbar (all fits).
  await expect(page.locator('header')).toHaveCount(0);
  await expect(page.getByTestId('cluster-status')).toHaveCount(0);
  await expect(page.getByRole('tab')).toBeHidden();
  await expect(page.getByTestId('traffic-pane')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Lesson' })).toHaveCount(0);
  await expect(page.getByTestId('embed-bar')).toHaveCount(0);
  await expectNoPageScroll(page);
  expect(errors).toEqual([]);
});

test('several cmd run one after another, each at its own prompt', async ({ page }) => {
  await page.goto('/?embed=1&cmd=echo%20one&cmd=echo%20two');
  const t = terminal(page);
  await expect(t).toHaveAttribute('data-prompts', '3', { timeout: 20_000 });
  const text = await screen(t);
  expect(text).toMatch(/\$ echo one\none\n.*\$ echo two\ntwo/);
});

test('panes=terminal,traffic&seed=7 shows both, and the seed gives the same cluster every time', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1000, height: 560 });
  const clusterIp = async () => {
    await page.goto('/?embed=1&panes=terminal,traffic&seed=7');
    await ready(page);
    await expect(page.getByTestId('traffic-pane')).toBeVisible();
    await expect(page.getByTestId('traffic-pane')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
    await expect(terminal(page)).toBeVisible();
    const boxes = await Promise.all([terminal(page).boundingBox(), page.getByTestId('traffic-pane').boundingBox()]);
    expect(boxes[0]!.x + boxes[0]!.width).toBeLessThanOrEqual(boxes[1]!.x); // side by side, terminal first
    await terminal(page).click();
    await run(page, 'kubectl create service clusterip web --tcp=80');
    await run(page, 'echo "ip=$(kubectl get service web -o jsonpath={.spec.clusterIP})"');
    const m = /ip=(\d+\.\d+\.\d+\.\d+)/.exec(await screen(terminal(page)));
    expect(m).not.toBeNull();
    return m![1];
  };
  const first = await clusterIp();
  expect(await clusterIp()).toBe(first);
  expect(errors).toEqual([]);
});

test('a small embed shows the first pane and a toolbar to switch; nothing scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 240 });
  await page.goto('/?embed=1&panes=terminal,traffic');
  await ready(page);
  const bar = page.getByTestId('embed-bar');
  await expect(bar).toBeVisible();
  await expect(terminal(page)).toBeVisible();
  await expect(page.locator('#traffic-pane')).toBeHidden();
  await expectNoPageScroll(page);
  await bar.getByRole('button', { name: 'Traffic' }).click();
  await expect(page.getByTestId('traffic-pane')).toBeVisible();
  await expect(terminal(page)).toBeHidden();
  await expectNoPageScroll(page);
  await bar.getByRole('button', { name: 'Terminal' }).click();
  await expect(terminal(page)).toBeVisible();
  // The shell kept its session while hidden.
  await terminal(page).click();
  await run(page, 'echo back');
  expect(await screen(terminal(page))).toContain('back');
});

test('a traffic-first widget: cmd runs in the hidden terminal, its output there when picked', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 480, height: 360 });
  await page.goto('/?embed=1&panes=traffic,terminal&cmd=kubectl%20get%20nodes');
  await expect(page.getByTestId('traffic-pane')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  await expect(terminal(page)).toBeHidden();
  await expect(terminal(page)).toHaveAttribute('data-prompts', '2', { timeout: 20_000 });
  await page.getByTestId('embed-bar').getByRole('button', { name: 'Terminal' }).click();
  await expect(terminal(page)).toBeVisible();
  await expect.poll(() => screen(terminal(page))).toMatch(/minikube\s+Ready/);
  expect(errors).toEqual([]);
});

test('a click on the terminal pane gives it the keyboard; the embed does not take focus by itself', async ({ page }) => {
  await page.goto('/?embed=1');
  await ready(page);
  // Not focused on load: a page with embeds would jump to them.
  expect(await page.evaluate(() => document.activeElement?.className ?? '')).not.toContain('xterm-helper-textarea');
  // A click on the pane's margin (outside xterm's own element) also focuses it.
  const pane = page.locator('.terminal-cell');
  const box = (await pane.boundingBox())!;
  await page.mouse.click(box.x + box.width - 3, box.y + box.height - 2);
  await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('xterm-helper-textarea');
  await run(page, 'echo typed');
  expect(await screen(terminal(page))).toContain('typed');
});

test('theme=dark and terminals=2; bad values warn and are ignored', async ({ page }) => {
  const errors = watchErrors(page);
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/?embed=1&theme=dark&terminals=2&panes=terminal,graph&seed=x&cmd=echo%20a%1Bb');
  await ready(page, 0);
  await ready(page, 1);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(terminal(page, 0)).toBeVisible();
  await expect(terminal(page, 1)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('kube-sandbox:theme'))).toBeNull();
  expect(await prompts(page)).toBe(1); // the cmd with an Escape in it was not typed
  expect(warnings.join('\n')).toContain('graph');
  expect(warnings.join('\n')).toContain('seed=x');
  expect(warnings.join('\n')).toContain('control characters');
  expect(errors).toEqual([]);
});

test('a wide embed of the terminal alone does not load the traffic pane', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (r) => chunks.push(r.url()));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?embed=1');
  await ready(page);
  await expect(page.locator('#traffic-pane')).toHaveCount(0);
  expect(chunks.filter((u) => /TrafficPane|LessonPane|monaco/.test(u))).toEqual([]);
});

test('the full app takes the same parameters: panes opens those panes, cmd runs', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?panes=terminal&cmd=echo%20full');
  await expect(terminal(page)).toHaveAttribute('data-prompts', '2', { timeout: 20_000 });
  await expect(page.getByTestId('theme-toggle')).toBeVisible();
  await expect(page.getByTestId('cluster-status')).toBeVisible();
  await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('complementary', { name: 'Lesson' })).toHaveCount(0);
  expect(await screen(terminal(page))).toContain('full');
});

// The built site (dist/, which the e2e web server builds) served from /sub/ by a plain static
// server: no COOP/COEP or any other header, so no cross-origin isolation.
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.json': 'application/json' };

function serveDistUnder(prefix: string): Promise<{ server: Server; origin: string; requested: string[]; failed: string[] }> {
  const root = join(process.cwd(), 'dist');
  const requested: string[] = [];
  const failed: string[] = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requested.push(path);
    if (!path.startsWith(prefix)) {
      failed.push(path);
      res.writeHead(404).end();
      return;
    }
    const file = normalize(join(root, path.slice(prefix.length) || 'index.html'));
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      const body = await readFile(file.endsWith('/') ? join(file, 'index.html') : file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      failed.push(path);
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}`, requested, failed });
    }),
  );
}

test('the built site works from a sub-path with no special headers (worker, lazy chunks, Monaco)', async ({ page }) => {
  const errors = watchErrors(page);
  const { server, origin, requested, failed } = await serveDistUnder('/sub/');
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${origin}/sub/?panes=terminal,traffic,editor,lesson&lesson=01-pods-and-their-ips`);
    // The lesson's cluster replaces the first one (and restarts the shell): wait for it.
    await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-phase', 'ready', { timeout: 15_000 });
    await ready(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    // The worker's lazy kubectl chunk.
    await terminal(page).click();
    await run(page, 'kubectl get nodes');
    expect(await screen(terminal(page))).toMatch(/minikube\s+Ready/);
    // The page's lazy chunks: the traffic diagram, the lesson pane (its lesson from the worker), Monaco and its workers.
    await expect(page.getByTestId('traffic-pane')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
    await expect(page.getByTestId('editor')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
    expect(failed).toEqual([]);
    expect(requested.every((p) => p.startsWith('/sub/'))).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    server.close();
  }
});

test('screenshots: an embed at 640×400 inside another page, light and dark', async ({ page, baseURL }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 720, height: 480 });
    // The host page is another origin (about:blank): the embed needs nothing from it.
    await page.setContent(
      `<body style="margin:0;padding:40px;background:#f0f0f0;font-family:sans-serif">` +
        `<iframe title="Kube Sandbox" src="${baseURL}/?embed=1&panes=terminal,traffic&seed=7&theme=${scheme}&cmd=kubectl%20create%20deployment%20web%20--image%3Dnginx%20--replicas%3D2&cmd=kubectl%20expose%20deployment%20web%20--port%3D80&cmd=kubectl%20get%20svc"` +
        ` width="640" height="400" style="border:1px solid #ccc;border-radius:8px"></iframe></body>`,
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('[data-terminal]').first()).toHaveAttribute('data-prompts', '4', { timeout: 30_000 });
    await expect(frame.getByTestId('traffic-pane')).toHaveAttribute('data-state', 'ready');
    await page.waitForTimeout(600); // the diagram settles
    await page.screenshot({ path: `screenshots/embed-640x400-${scheme}.png` });
  }
  await page.setViewportSize({ width: 400, height: 320 });
  await page.setContent(
    `<body style="margin:0;padding:20px"><iframe title="Kube Sandbox" src="${baseURL}/?embed=1&panes=terminal,traffic&cmd=kubectl%20get%20nodes" width="320" height="240"></iframe></body>`,
  );
  await expect(page.frameLocator('iframe').locator('[data-terminal]').first()).toHaveAttribute('data-prompts', '2', { timeout: 30_000 });
  await page.screenshot({ path: 'screenshots/embed-320x240.png' });
});
