// Screenshots for a human to look at (screenshots/ is gitignored): desktop and tablet, both themes.

import { expect, test } from '@playwright/test';
import { openApp, run } from './helpers.ts';

for (const [name, size] of [
  ['desktop', { width: 1280, height: 800 }],
  ['tablet', { width: 768, height: 1024 }],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot ${name} ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(size);
      await openApp(page);
      await run(page, 'echo hello');
      await page.screenshot({ path: `screenshots/${name}-${scheme}.png` });
    });
  }
}

test('screenshot split view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByRole('button', { name: /split/i }).click();
  await page.locator('[data-terminal]').nth(1).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-terminal][data-state="ready"]').length === 2);
  await run(page, 'echo second', 1);
  await page.screenshot({ path: 'screenshots/desktop-split.png' });
});

test('screenshot kubectl session', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await run(page, 'kubectl create deployment nginx --image=nginx --replicas=2');
  await run(page, 'kubectl expose deployment nginx --port=80');
  await expect(page.getByTestId('cluster-status')).toContainText('pods 2/2 running', { timeout: 30_000 });
  await run(page, 'kubectl get pods,services -o wide');
  await page.screenshot({ path: 'screenshots/desktop-kubectl.png' });
});
