// Lessons in the browser: a learner opens a lesson from the catalog, clicks its commands (and
// answers its questions by reading the terminal), and watches the steps tick by themselves.
// Lessons from a URL are validated and sanitised: hostile markdown does nothing.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { ready, screen, terminal, watchErrors } from './helpers.ts';

const unexpected = (errors: string[]) => errors;

/** The questions of a lesson file, with the command whose output answers each (in step order). */
function questions(id: string): { step: number; solution: string }[] {
  const md = readFileSync(`lessons/${id}/lesson.md`, 'utf8');
  const out: { step: number; solution: string }[] = [];
  let step = 0;
  for (const part of md.split(/^(## .*|```question\n[\s\S]*?```)$/m)) {
    if (part.startsWith('## ')) step++;
    else if (part.startsWith('```question')) out.push({ step, solution: parseYaml(part.slice(12, -3)).solution });
  }
  return out;
}

const term = (page: Page, n: string) => page.locator(`[data-terminal="t${n}"]`);

async function prompts(page: Page, n: string): Promise<number> {
  return Number(await term(page, n).getAttribute('data-prompts'));
}

/** Type a line in terminal 1 and return what it printed. */
async function output(page: Page, line: string): Promise<string> {
  const t = term(page, '1');
  await t.click();
  const before = await prompts(page, '1');
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(t).toHaveAttribute('data-prompts', String(before + 1), { timeout: 20_000 });
  const text = await screen(t);
  const lines = text.split('\n');
  const at = lines.findLastIndex((l) => l.includes(line.slice(0, 40)));
  // The answer may end without a newline (jsonpath): the next prompt then follows it on its line.
  return lines.slice(at + 1).join('\n').replace(/learner@laptop:[^$]*\$\s*$/, '').trim();
}

async function openLesson(page: Page, id: string): Promise<void> {
  await page.goto('/');
  await ready(page);
  await page.locator(`[data-lesson="${id}"]`).click();
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
  await ready(page);
}

/** Plays a whole lesson as a learner: Run buttons in order, questions answered, Next. */
async function completeLesson(page: Page, id: string): Promise<void> {
  await openLesson(page, id);
  const qs = questions(id);
  const stepCount = await page.locator('nav[aria-label="Steps"] .dot').count();
  for (let index = 1; index <= stepCount; index++) {
    const step = page.getByTestId('lesson-step');
    await expect(step).toHaveAttribute('data-step', String(index));
    const commands = step.getByTestId('lesson-command');
    for (let i = 0; i < (await commands.count()); i++) {
      const run = commands.nth(i).getByRole('button', { name: /^Run in/ });
      if (!(await run.count())) continue;
      const label = (await run.getAttribute('aria-label')) ?? '';
      const n = /terminal (\d+)/.exec(label)?.[1] ?? '1';
      const lines = (await commands.nth(i).locator('code').innerText()).split('\n').length;
      const before = (await term(page, n).count()) ? await prompts(page, n) : 0;
      await run.click();
      // Wait for each line's prompt; a command that keeps running (port-forward) is left to run.
      await expect(term(page, n)).toHaveAttribute('data-prompts', String(before + lines), { timeout: 8_000 }).catch(() => {});
    }
    for (const q of qs.filter((x) => x.step === index)) {
      const answer = (await output(page, q.solution)).split('\n').pop()!.trim();
      await step.getByTestId('lesson-question').locator('input').fill(answer);
      await step.getByTestId('lesson-question').getByRole('button', { name: 'Check' }).click();
    }
    await expect(step, `step ${index} of ${id} ticks`).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
    await expect(step.getByTestId('lesson-checks').locator('li[data-state="pass"]')).toHaveCount(await step.getByTestId('lesson-checks').locator('li').count());
    if (index < stepCount) await page.getByRole('button', { name: 'Next →' }).click();
  }
  await expect(page.getByText('Lesson complete')).toBeVisible();
}

for (const id of ['02-clusterip-with-expose', '05-nodeport', '07-externalname']) {
  test(`lesson ${id}: completed by clicking its commands`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await completeLesson(page, id);
    // Progress is saved: the catalog shows the lesson done.
    await page.getByRole('button', { name: /All lessons/ }).click();
    await expect(page.locator(`[data-lesson="${id}"]`)).toContainText('done');
    expect(unexpected(errors)).toEqual([]);
  });
}

test('a step ticks only when its checks pass, and a failing check says why', async ({ page }) => {
  await openLesson(page, '05-nodeport');
  const step = page.getByTestId('lesson-step');
  const check = step.getByTestId('lesson-checks').locator('li').first();
  await expect(check).toHaveAttribute('data-state', 'fail');
  await expect(check).toContainText('no Service named httpenv-np');
  // The wrong type first: the check explains the difference.
  await terminal(page).click();
  await page.keyboard.type('kubectl expose deployment httpenv --name=httpenv-np --port=8888');
  await page.keyboard.press('Enter');
  await expect(check).toContainText('ClusterIP, not NodePort', { timeout: 10_000 });
  await expect(step).toHaveAttribute('data-done', 'false');
  // Hints one at a time; the solution-less step has no solution button.
  await step.getByRole('button', { name: 'Show a hint' }).click();
  await expect(step.getByRole('note', { name: 'Hint 1' })).toContainText('--type=NodePort');
});

const HOSTILE = `---
title: A lesson from elsewhere <img src=x onerror="window.__pwned=1">
summary: Loaded from a URL.
minutes: 3
---

Intro with <script>window.__pwned = 2</script> a script and <img src="x" onerror="window.__pwned=3"> an image.

## Make a Deployment

[a bad link](javascript:window.__pwned=4) and <a href="javascript:window.__pwned=5">another</a>
<iframe src="javascript:window.__pwned=6"></iframe>

\`\`\`bash run
kubectl create deployment web --image=nginx
\`\`\`

\`\`\`check
- check: deployment
  name: web
  title: "Deployment web exists <img src=x onerror=window.__pwned=7>"
\`\`\`

\`\`\`hint
<img src=x onerror="window.__pwned=8"> Use kubectl create.
\`\`\`

## What to remember

- Markdown from elsewhere is sanitised.
`;

test('a lesson from a URL works, and hostile markdown in it is neutralised', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route('https://lessons.example/hostile.md', (route) => route.fulfill({ status: 200, contentType: 'text/markdown', body: HOSTILE }));
  // The page's own images of x fail to load: that is the neutralised markup, not an app error.
  await page.route('**/x', (route) => route.fulfill({ status: 204 }));
  await page.goto('/?lesson=https://lessons.example/hostile.md');
  const view = page.getByTestId('lesson-view');
  await expect(view).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
  await expect(view.getByRole('heading', { level: 2 })).toContainText('A lesson from elsewhere');
  const step = page.getByTestId('lesson-step');
  await step.getByRole('button', { name: 'Show a hint' }).click();
  await expect(step.getByRole('note', { name: 'Hint 1' })).toContainText('Use kubectl create');
  await step.getByRole('button', { name: /^Run in/ }).click();
  await expect(step).toHaveAttribute('data-done', 'true', { timeout: 20_000 });

  const pane = page.locator('#lesson-pane');
  expect(await pane.locator('script, iframe').count()).toBe(0);
  expect(await pane.locator('[onerror], [onload], [onclick]').count()).toBe(0);
  const hrefs = await pane.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
  // Click what is left of the bad links: nothing runs.
  for (const a of await pane.getByText(/a bad link|another/).all()) await a.click({ force: true }).catch(() => {});
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(unexpected(errors)).toEqual([]);
});

test('a lesson that does not parse is refused with the reason', async ({ page }) => {
  await page.route('https://lessons.example/broken.md', (route) => route.fulfill({ status: 200, body: '---\ntitle: x\n---\nno steps' }));
  await page.goto('/?lesson=https://lessons.example/broken.md');
  await expect(page.getByRole('alert')).toContainText('summary');
  await expect(page.getByTestId('lesson-catalog')).toBeVisible();
});

for (const [name, size] of [
  ['desktop', { width: 1280, height: 800 }],
  ['tablet', { width: 768, height: 1024 }],
] as const) {
  test(`screenshot lesson view ${name}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await ready(page);
    await page.screenshot({ path: `screenshots/lessons-catalog-${name}.png` });
    await page.locator('[data-lesson="05-nodeport"]').click();
    await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
    await ready(page);
    await page.getByTestId('lesson-step').getByRole('button', { name: /^Run in/ }).first().click();
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-done', 'false');
    await expect(page.getByTestId('lesson-checks').locator('li[data-state="pass"]')).toHaveCount(1, { timeout: 10_000 });
    await page.getByTestId('lesson-step').getByRole('button', { name: 'Show a hint' }).click();
    await page.screenshot({ path: `screenshots/lessons-${name}.png` });
  });
}
