// The page around the terminal: theme toggle, lesson pane, status line.

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

test('the lesson pane collapses and comes back; the terminal keeps its session', async ({ page }) => {
  await openApp(page);
  const pane = page.getByRole('complementary', { name: 'Lesson' });
  await expect(pane).toBeVisible();
  await terminal(page).click();
  await page.keyboard.type('echo still-here');
  await page.keyboard.press('Enter');
  await ready(page);
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await expect(pane).toBeHidden();
  expect(await screen(terminal(page))).toContain('still-here');
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await expect(pane).toBeVisible();
});

test('below 1500px the editor and the traffic diagram take turns in the slot under the terminal', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const traffic = page.getByTestId('traffic-toggle');
  const editor = page.getByTestId('editor-toggle');
  await expect(traffic).toHaveAttribute('aria-pressed', 'true');
  await editor.click();
  await expect(editor).toHaveAttribute('aria-pressed', 'true');
  await expect(traffic).toHaveAttribute('aria-pressed', 'false');
  await traffic.click();
  await expect(traffic).toHaveAttribute('aria-pressed', 'true');
  await expect(editor).toHaveAttribute('aria-pressed', 'false');
});
