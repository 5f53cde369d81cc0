// The editor: Monaco loads only when opened; the files panel follows the learner's machine; a
// manifest written with schema completion is applied in the terminal; schema and apply errors are
// marked; `kubectl edit` opens in an editor tab. Screenshots at desktop and tablet sizes.

import { expect, test, type Page } from '@playwright/test';
import { openApp, ready, run, screen, terminal, watchErrors } from './helpers.ts';

const MONACO = /\/assets\/(monaco|editor\.worker|yaml\.worker)-[^/]*\.(js|css)$/;

interface EditorHook {
  value: string;
  setValue(text: string): void;
}

const value = (page: Page) => page.evaluate(() => (globalThis as unknown as { kubeSandboxEditor: EditorHook }).kubeSandboxEditor.value);
const setValue = (page: Page, text: string) => page.evaluate((t) => (globalThis as unknown as { kubeSandboxEditor: EditorHook }).kubeSandboxEditor.setValue(t), text);

/** The traffic diagram opens by default on wide screens; these tests want the room for the editor. */
async function closeTraffic(page: Page) {
  const toggle = page.getByTestId('traffic-toggle');
  if ((await toggle.count()) && (await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
}

async function openEditor(page: Page) {
  await closeTraffic(page);
  await page.getByTestId('editor-toggle').click();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
}

async function newFile(page: Page, name: string) {
  await page.getByTestId('new-file').click();
  const input = page.getByRole('textbox', { name: 'New file name' });
  await input.fill(name);
  await input.press('Enter');
  await expect(page.getByRole('tab', { name, exact: false })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
}

/** Click into the editor and put the cursor at the end. */
async function endOfText(page: Page) {
  await page.locator('.monaco-editor .view-line').first().click();
  await page.keyboard.press('Control+End');
}

test('Monaco loads only when the editor opens, with a progress state', async ({ page }) => {
  const errors = watchErrors(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // Slow the editor's chunks down so the loading state is on screen long enough to see.
  await page.route(MONACO, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await openApp(page);
  await run(page, 'echo ready');
  await closeTraffic(page);
  expect(fetched.filter((p) => MONACO.test(p))).toEqual([]);
  await page.getByTestId('editor-toggle').click();
  await expect(page.getByTestId('editor-loading')).toBeVisible();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(page.getByTestId('editor-loading')).toHaveCount(0);
  expect(fetched.some((p) => /\/monaco-.*\.js$/.test(p))).toBe(true);
  expect(errors).toEqual([]);
});

test('a Service written with completion is applied in the terminal', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await openEditor(page);
  await newFile(page, 'web-svc.yaml');
  await setValue(page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 80\n  ty');
  await endOfText(page);
  // Schema completion: the Service's spec offers `type`; then its values.
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.monaco-editor .suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest.locator('.monaco-list-row', { hasText: /^type$/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => value(page)).toMatch(/\n {2}type: ?$/m);
  await page.keyboard.press('Control+Space');
  await expect(suggest.locator('.monaco-list-row', { hasText: /^NodePort$/ })).toBeVisible();
  await suggest.locator('.monaco-list-row', { hasText: /^NodePort$/ }).click();
  await expect.poll(() => value(page)).toContain('  type: NodePort');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-problems', '0');

  await page.getByTestId('editor-apply').click();
  const t = terminal(page);
  await expect(t.locator('.xterm-rows')).toContainText('kubectl apply -f ~/web-svc.yaml');
  await expect(t.locator('.xterm-rows')).toContainText('service/web created');
  await ready(page);
  await t.click();
  await run(page, 'kubectl get svc web');
  expect(await screen(t)).toMatch(/web\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+80:3\d{4}\/TCP/);
  // The file is on the learner's machine.
  await run(page, 'grep -c NodePort web-svc.yaml');
  expect(await screen(t)).toMatch(/grep -c NodePort web-svc.yaml\n1\n/);
  expect(errors).toEqual([]);
});

test('schema errors and the API server\'s errors are marked in the file', async ({ page }) => {
  await openApp(page);
  await openEditor(page);
  await newFile(page, 'bad.yaml');
  await setValue(page, 'apiVersion: v1\nkind: Banana\nmetadata:\n  name: web\n');
  await expect(page.getByTestId('editor')).not.toHaveAttribute('data-problems', '0', { timeout: 10_000 });
  await expect(page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first()).toBeVisible();
  // Hover over the kind's value shows the schema's message.
  await page.locator('.monaco-editor .view-line span span', { hasText: /^Banana$/ }).hover();
  await expect(page.locator('.monaco-hover', { hasText: 'Value is not accepted' }).first()).toContainText('"Service"');

  // A wrong type.
  await setValue(page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: eighty\n');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-problems', '1', { timeout: 10_000 });
  await expect(page.getByTestId('editor-note')).toContainText('1 problem');

  // Valid for the schema, refused by the API server: the error lands on its line.
  await setValue(page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ClusterIP\n  ports:\n  - port: 70000\n');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-problems', '0', { timeout: 10_000 });
  await page.getByTestId('editor-apply').click();
  await expect(terminal(page).locator('.xterm-rows')).toContainText('is invalid');
  await expect(page.getByTestId('editor-note')).toContainText('kubectl apply: 2 problems marked in the file');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-problems', '2');
  const line8 = page.locator('.monaco-editor .view-overlays > div').nth(7);
  await expect(line8.locator('.squiggly-error')).toHaveCount(1);
});

test('kubectl edit opens the object in an editor tab; Save continues the edit', async ({ page }) => {
  const errors = watchErrors(page);
  const t = await openApp(page);
  await closeTraffic(page);
  await t.click();
  await run(page, 'kubectl create service clusterip web --tcp=80:8080');
  await page.keyboard.type('kubectl edit svc/web');
  await page.keyboard.press('Enter');
  const tab = page.getByRole('tab', { name: /^kubectl-edit-\d+\.yaml/ });
  await expect(tab).toHaveAttribute('aria-selected', 'true', { timeout: 20_000 });
  await expect(page.getByText('kubectl edit is waiting in the terminal')).toBeVisible();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect.poll(() => value(page)).toContain('# Please edit the object below.');
  expect(await value(page)).toContain('  type: ClusterIP');
  await setValue(page, (await value(page)).replace('  type: ClusterIP', '  type: NodePort'));
  await page.getByTestId('editor-save').click();
  await expect(t.locator('.xterm-rows')).toContainText('service/web edited');
  await expect(tab).toHaveCount(0);
  await ready(page);
  await t.click();
  await run(page, 'kubectl get svc web');
  expect(await screen(t)).toMatch(/web\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+80:3\d{4}\/TCP/);

  // Closing the tab cancels.
  await page.keyboard.type('kubectl edit svc web');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /^kubectl-edit-/ })).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('editor-cancel').click();
  await expect(t.locator('.xterm-rows')).toContainText('Edit cancelled, no changes made.');
  expect(errors).toEqual([]);
});

test('the files panel follows the terminal; rename and delete', async ({ page }) => {
  const t = await openApp(page);
  await openEditor(page);
  await t.click();
  await run(page, 'kubectl get svc kubernetes -o yaml > k8s-svc.yaml');
  const row = page.locator('[data-testid="file-row"][data-path="/home/learner/k8s-svc.yaml"]');
  await expect(row).toBeVisible();
  await row.click();
  await expect.poll(() => value(page)).toContain('name: kubernetes');
  // A command rewrites the open file: the tab shows the new text.
  await t.click();
  await run(page, 'kubectl get svc kubernetes -o yaml --show-managed-fields=false | head -3 > k8s-svc.yaml');
  await expect.poll(() => value(page)).toBe('apiVersion: v1\nkind: Service\nmetadata:\n');

  await row.hover();
  await page.getByRole('button', { name: 'Rename k8s-svc.yaml' }).click();
  const input = page.getByRole('textbox', { name: 'New name for k8s-svc.yaml' });
  await input.fill('kube.yaml');
  await input.press('Enter');
  await expect(page.getByRole('tab', { name: 'kube.yaml' })).toBeVisible();
  await t.click();
  await run(page, 'ls');
  expect(await screen(t)).toMatch(/\nkube\.yaml\n/);

  const renamed = page.locator('[data-testid="file-row"][data-path="/home/learner/kube.yaml"]');
  await renamed.hover();
  await page.getByRole('button', { name: 'Delete kube.yaml' }).click();
  await page.getByRole('button', { name: 'Delete kube.yaml' }).click();
  await expect(renamed).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'kube.yaml' })).toHaveCount(0);
});

for (const [name, size] of [
  ['desktop', { width: 1280, height: 800 }],
  ['tablet', { width: 768, height: 1024 }],
] as const) {
  test(`screenshot editor ${name}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await run(page, 'kubectl create deployment web --image=nginx --dry-run=client -o yaml > web-deploy.yaml');
    await openEditor(page);
    await newFile(page, 'web-svc.yaml');
    await setValue(page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 80\n');
    await page.getByTestId('editor-apply').click();
    await expect(terminal(page).locator('.xterm-rows')).toContainText('service/web created');
    await page.screenshot({ path: `screenshots/editor-${name}.png` });
  });
}
