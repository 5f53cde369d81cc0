// The page around the terminal: theme toggle, guide pane, status line.

import { expect, test } from '@playwright/test';
import { openApp, ready, screen, terminal } from './helpers.ts';

test('theme follows the system, toggles, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  const bg = await page.locator('.xterm-scrollable-element').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(251, 252, 254)');
  await page.reload();
  await ready(page);
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('a guide command runs in the terminal; the guide collapses', async ({ page }) => {
  await openApp(page);
  const guide = page.getByRole('complementary', { name: 'Guide' });
  await expect(guide).toBeVisible();
  await guide.getByRole('button', { name: 'kubectl get nodes' }).click();
  await expect(terminal(page).locator('.xterm-rows')).toContainText('$ kubectl get nodes');
  await ready(page);
  await page.getByRole('button', { name: 'Guide' }).click();
  await expect(guide).toBeHidden();
  expect(await screen(terminal(page))).toContain('kubectl get nodes');
});
