import { afterEach, describe, expect, it } from 'vitest';
import { LessonService, lessonTerminal } from './lessons.ts';
import type { LessonState } from './protocol.ts';
import type { World } from './world.ts';
import { createWorld } from './world.ts';

const LESSON = `---
title: Two steps
summary: A test lesson.
minutes: 2
setup:
  commands: kubectl create deployment web --image=nginx --replicas=2
---

## Expose it

\`\`\`bash run
kubectl expose deployment web --port=80
\`\`\`

\`\`\`check
- check: service
  name: web
  port: 80
\`\`\`

## Say it

\`\`\`bash run
kubectl get svc
\`\`\`

\`\`\`check
- check: command
  pattern: kubectl get (svc|services?)
\`\`\`
`;

function harness() {
  const worlds: { world: World; banner: string }[] = [];
  let t = 0;
  const service = new LessonService({
    now: () => (t += 1000),
    freeWorld: () => createWorld({ startTime: 0 }),
    swapWorld: (world, banner) => worlds.push({ world, banner }),
  });
  const states: (LessonState | null)[] = [];
  void service.onLesson((s) => void states.push(s));
  return { service, worlds, states, last: () => states.at(-1) };
}

async function type(world: World, service: LessonService, terminal: string, line: string) {
  service.record(terminal, line);
  const { MemoryTerminal } = await import('../shell/testing.ts');
  await world.sandbox.laptopShell().runLine(line, new MemoryTerminal([], { echo: false }));
  world.sandbox.cluster.settle(30_000);
}

const services: LessonService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stopLesson();
});

describe('LessonService', () => {
  it('lists the bundled lessons in order, drafts left out', async () => {
    const { service } = harness();
    const list = await service.lessons();
    expect(list.length).toBeGreaterThanOrEqual(7);
    expect(list[0].id).toBe('01-pods-and-their-ips');
    expect(list.map((l) => l.id)).toEqual([...list.map((l) => l.id)].sort((a, b) => parseInt(a) - parseInt(b)));
  });

  it('refuses a lesson that does not parse, naming the problem', async () => {
    const { service } = harness();
    const r = await service.startLesson({ markdown: '# no frontmatter', name: 'bad.md' });
    expect(r).toEqual({ ok: false, errors: [expect.stringContaining('missing frontmatter')] });
  });

  it('prepares a fresh cluster, then ticks steps as their checks pass', async () => {
    const h = harness();
    services.push(h.service);
    expect(await h.service.startLesson({ markdown: LESSON, name: 'two.md' })).toEqual({ ok: true });
    expect(h.states.map((s) => s?.phase)).toContain('preparing');
    expect(h.worlds).toHaveLength(1);
    expect(h.worlds[0].banner).toContain('Two steps');
    const world = h.worlds[0].world;
    // Setup ran: the Deployment is there before the learner types anything.
    expect(world.sandbox.cluster.store.peek('apps/deployments', 'default', 'web')).toBeDefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(h.last()?.phase).toBe('ready');
    expect(h.last()?.status[1]?.checks[0].state).toBe('fail');

    await type(world, h.service, 't1', 'kubectl expose deployment web --port=80');
    h.service.tick();
    await new Promise((r) => setTimeout(r, 50));
    expect(h.last()?.status[1]?.done).toBe(true);
    expect(h.last()?.done).toEqual([1]);

    // Step 2's command window opens when the learner gets there: the earlier line does not count.
    await h.service.goToStep(2);
    expect(h.last()?.status[2]?.checks[0].state).toBe('fail');
    await type(world, h.service, 't2', 'kubectl get svc');
    h.service.tick();
    await new Promise((r) => setTimeout(r, 50));
    expect(h.last()?.done).toEqual([1, 2]);
  });

  it('resets a step by replaying setup and the earlier steps on a fresh cluster', async () => {
    const h = harness();
    services.push(h.service);
    await h.service.startLesson({ markdown: LESSON, name: 'two.md' });
    await h.service.goToStep(2);
    await h.service.resetStep();
    expect(h.worlds).toHaveLength(2);
    expect(h.worlds[1].banner).toContain('caught up to step 2');
    // Step 1's solution ran on the new cluster.
    expect(h.worlds[1].world.sandbox.cluster.store.peek('/services', 'default', 'web')).toBeDefined();
    expect(h.last()?.step).toBe(2);
  });

  it('maps page terminal ids to lesson terminals', () => {
    expect(lessonTerminal('t2')).toBe('2');
  });
});
