// The terminal as a learner uses it: prompt, echo, line editing, history, Ctrl+C/L/D, completion,
// paste, several terminals.

import { expect, test } from '@playwright/test';
import { openApp, paste, ready, run, screen, terminal, watchErrors } from './helpers.ts';

test('loads without console errors, shows the welcome line and a ready prompt', async ({ page }) => {
  const errors = watchErrors(page);
  const t = await openApp(page);
  await expect(t.locator('.xterm-rows')).toContainText('kubectl create deployment nginx --image=nginx');
  await expect(t.locator('.xterm-rows')).toContainText('help');
  const mark = await page.evaluate(() => performance.getEntriesByName('terminal-ready').length);
  expect(mark).toBe(1);
  await expect(page.getByTestId('cluster-status')).toContainText(/nodes \d+\/\d+ ready/);
  expect(errors).toEqual([]);
});

test('typing echo hello prints hello', async ({ page }) => {
  const errors = watchErrors(page);
  const t = await openApp(page);
  await page.keyboard.type('echo hello');
  await expect(t).toHaveAttribute('data-state', 'ready'); // echo is local: still at the prompt
  await expect(t.locator('.xterm-rows')).toContainText('$ echo hello');
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(t)).toMatch(/\$ echo hello\nhello\n[^\n]*\$$/);
  await ready(page);
  expect(errors).toEqual([]);
});

test('line editing keys: arrows, Home/End, Ctrl+A/E/U/K/W, Alt+B/F, Backspace, Delete', async ({ page }) => {
  const t = await openApp(page);
  await page.keyboard.type('eco wrld');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('o');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('h');
  await page.keyboard.press('End');
  await page.keyboard.type(' junk');
  await page.keyboard.press('Control+W');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Alt+B'); // before "world"
  await page.keyboard.press('Alt+F'); // after it
  await page.keyboard.type('!');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('e');
  await page.keyboard.press('Control+E');
  await run(page, '');
  expect(await screen(t)).toMatch(/\$ echo world!\nworld!\n/);

  await page.keyboard.type('echo gone');
  await page.keyboard.press('Control+U');
  await page.keyboard.type('echo kept tail');
  await page.keyboard.press('Alt+B');
  await page.keyboard.press('Control+K');
  await run(page, '');
  expect(await screen(t)).toMatch(/\$ echo kept\nkept\n/);
});

test('history: Up/Down and Ctrl+R reverse-i-search', async ({ page }) => {
  const t = await openApp(page);
  await run(page, 'echo first');
  await run(page, 'echo second');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(t.locator('.xterm-rows')).toContainText('$ echo first');
  await page.keyboard.press('ArrowDown');
  await run(page, '');
  expect(await screen(t)).toMatch(/\$ echo second\nsecond\n[^\n]*\$ echo second\nsecond\n[^\n]*\$$/);

  await page.keyboard.press('Control+R');
  await page.keyboard.type('fir');
  await expect(t.locator('.xterm-rows')).toContainText("(reverse-i-search)`fir': echo first");
  await run(page, '');
  expect(await screen(t)).toMatch(/\$ echo first\nfirst\n[^\n]*\$$/);
});

test('Ctrl+C abandons a line at the prompt and interrupts a running command', async ({ page }) => {
  const t = await openApp(page);
  await page.keyboard.type('echo never');
  await page.keyboard.press('Control+C');
  await expect(t.locator('.xterm-rows')).toContainText('$ echo never^C');
  await expect(t).toHaveAttribute('data-state', 'ready');

  await page.keyboard.type('sleep 100');
  await page.keyboard.press('Enter');
  await expect(t).toHaveAttribute('data-state', 'busy');
  await page.keyboard.press('Control+C');
  await ready(page);
  expect(await screen(t)).toMatch(/\$ sleep 100\n\^C\n[^\n]*\$$/);
  expect(await screen(t)).not.toContain('never\n');
});

test('Ctrl+L and clear clear the screen', async ({ page }) => {
  const t = await openApp(page);
  await run(page, 'echo before');
  await page.keyboard.type('echo kept');
  await page.keyboard.press('Control+L');
  await expect.poll(() => screen(t)).toMatch(/^\S*\$ echo kept$/);
  await run(page, '');
  await run(page, 'clear');
  await expect.poll(() => screen(t)).toMatch(/^\S*\$$/);
});

test('Tab completes a command name', async ({ page }) => {
  const t = await openApp(page);
  await page.keyboard.type('ech');
  await page.keyboard.press('Tab');
  await expect(t.locator('.xterm-rows')).toContainText('$ echo ');
  await run(page, 'done');
  expect(await screen(t)).toMatch(/\$ echo done\ndone\n/);
});

test('a multi-line paste runs each line in order', async ({ page }) => {
  const t = await openApp(page);
  await paste(t, 'echo one\necho two\necho three\n');
  await expect.poll(() => screen(t)).toMatch(/\$ echo one\none\n[^\n]*\$ echo two\ntwo\n[^\n]*\$ echo three\nthree\n[^\n]*\$$/);
  await ready(page);
});

test('long lines wrap and stay editable', async ({ page }) => {
  const t = await openApp(page);
  const long = 'echo ' + 'abcdefghij'.repeat(20);
  await page.keyboard.type(long);
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+F'); // right one (readline Ctrl+F)
  await page.keyboard.press('Control+E');
  await page.keyboard.type('XYZ');
  await run(page, '');
  const text = (await screen(t)).replace(/\n/g, '');
  expect(text).toContain('echo ' + 'abcdefghij'.repeat(20) + 'XYZ' + 'abcdefghij'.repeat(20) + 'XYZ');
});

test('two terminals run independent sessions', async ({ page }) => {
  await openApp(page);
  await run(page, 'echo in-first');
  await page.getByRole('button', { name: 'New terminal' }).click();
  const second = terminal(page, 1);
  await ready(page, 1);
  await expect(page.getByRole('tab', { name: 'Terminal 2' })).toHaveAttribute('aria-selected', 'true');
  await run(page, 'echo in-second', 1);
  expect(await screen(second)).toContain('in-second');
  expect(await screen(second)).not.toContain('in-first');
  expect(await screen(second)).not.toContain('Kube Sandbox'); // the welcome is for the first only

  await page.getByRole('tab', { name: 'Terminal 1' }).click();
  await page.keyboard.press('ArrowUp'); // history is per terminal
  await expect(terminal(page, 0).locator('.xterm-rows')).toContainText('$ echo in-first');
  expect(await screen(terminal(page, 0))).not.toContain('in-second');

  await page.getByRole('button', { name: /split/i }).click();
  await expect(terminal(page, 0)).toBeVisible();
  await expect(terminal(page, 1)).toBeVisible();

  const errors = watchErrors(page);
  await page.getByRole('button', { name: 'Close Terminal 2' }).click();
  await expect(page.locator('[data-terminal]')).toHaveCount(1);
  await terminal(page, 0).click();
  await page.keyboard.press('Control+U');
  await run(page, 'echo after-close');
  expect(await screen(terminal(page, 0))).toContain('after-close');
  expect(errors).toEqual([]);
});

test('Ctrl+D on an empty line ends a nested shell, and a new shell replaces an ended one', async ({ page }) => {
  const t = await openApp(page);
  await run(page, 'ssh minikube-m02');
  await expect.poll(() => screen(t)).toMatch(/minikube-m02[^\n]*\$$/);
  const before = Number(await t.getAttribute('data-prompts'));
  await page.keyboard.press('Control+D');
  await expect(t).toHaveAttribute('data-prompts', String(before + 1));
  await expect.poll(() => screen(t)).toMatch(/learner@laptop:~\$$/);

  await page.keyboard.type('echo still here');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+D'); // not empty: deletes a character, as in bash
  await expect(t.locator('.xterm-rows')).toContainText('$ cho still here');
  await page.keyboard.press('Control+E');
  await page.keyboard.press('Control+U');
  await page.keyboard.press('Control+D'); // the laptop shell exits; the terminal gets a fresh one
  await expect.poll(() => screen(t)).toMatch(/exit\n[^\n]*\$$/);
  await run(page, 'echo again');
  expect(await screen(t)).toMatch(/again\n[^\n]*\$$/);
});
