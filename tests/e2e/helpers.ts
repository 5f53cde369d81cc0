// Shared steps for the e2e tests. The marker for "a prompt waits for input" is the terminal
// element's data-state="ready" (docs/TESTING.md).

import { expect, type Locator, type Page } from '@playwright/test';

/** Fail the test on any page error or console error. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export function terminal(page: Page, index = 0): Locator {
  return page.locator('[data-terminal]').nth(index);
}

export async function ready(page: Page, index = 0): Promise<Locator> {
  const t = terminal(page, index);
  await expect(t).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  return t;
}

/** Open the app and wait for the first prompt. */
export async function openApp(page: Page): Promise<Locator> {
  await page.goto('/');
  const t = await ready(page);
  await t.click();
  return t;
}

/** Type a line, press Enter, and wait for the next prompt (data-prompts counts them). */
export async function run(page: Page, line: string, index = 0): Promise<void> {
  const t = terminal(page, index);
  const before = Number(await t.getAttribute('data-prompts'));
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(t).toHaveAttribute('data-prompts', String(before + 1), { timeout: 15_000 });
  await ready(page, index);
}

/** The visible screen text of a terminal: rows without trailing spaces, joined by newlines, no empty rows at the end. */
export async function screen(t: Locator): Promise<string> {
  const rows = (await t.locator('.xterm-rows > div').allInnerTexts()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
  while (rows.length && rows[rows.length - 1] === '') rows.pop();
  return rows.join('\n');
}

/** Paste text into the focused terminal as the browser would (a paste event with clipboard data). */
export async function paste(t: Locator, text: string): Promise<void> {
  await t.locator('.xterm-helper-textarea').evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}
