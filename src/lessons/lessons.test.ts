import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseLesson, type LessonSource } from './parse.ts';
import { loadLesson } from './load.ts';
import { verifyLesson } from './verify.ts';
import { LessonRun } from './runner.ts';
import type { Lesson } from './model.ts';

const here = import.meta.dirname;

function source(markdown: string, files: Record<string, string> = {}): LessonSource {
  return { id: '09-test', file: 'lessons/09-test/lesson.md', markdown, readFile: (p) => files[p] };
}

function parsed(markdown: string, files: Record<string, string> = {}): Lesson {
  const r = parseLesson(source(markdown, files));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.lesson;
}

const FRONT = `---
title: T
summary: S
minutes: 5
---
`;

describe('parseLesson', () => {
  it('splits steps and the roles of fenced blocks', () => {
    const l = parsed(`${FRONT}
Intro text.

## First step

Some *prose*.

\`\`\`bash run
kubectl get pods
\`\`\`

\`\`\`bash copy
kubectl get svc
\`\`\`

\`\`\`bash run terminal=2 interrupt
kubectl port-forward svc/web 8080:80
\`\`\`

\`\`\`yaml
kind: Pod
\`\`\`

\`\`\`check
- id: svc
  check: service
  name: web
  type: NodePort
- check: endpoints
  service: web
  count: 3
  after: svc
  hint: Look at the labels.
\`\`\`

\`\`\`hint
First hint.
\`\`\`

\`\`\`hint
Second hint.
\`\`\`

\`\`\`solution
kubectl expose deployment web --type=NodePort --port=80
\`\`\`

## Second step

\`\`\`question
prompt: Which node answered?
answer:
  lastRequest: node
solution: echo minikube
\`\`\`
`);
    expect(l.intro).toBe('Intro text.');
    expect(l.steps.map((s) => s.title)).toEqual(['First step', 'Second step']);
    const [s1, s2] = l.steps;
    expect(s1.slug).toBe('first-step');
    expect(s1.body.map((b) => b.type)).toEqual(['prose', 'command', 'command', 'command', 'prose']);
    expect(s1.body[1]).toEqual({ type: 'command', command: { mode: 'run', code: 'kubectl get pods', terminal: '1', interrupt: false } });
    expect(s1.body[2]).toMatchObject({ command: { mode: 'copy' } });
    expect(s1.body[3]).toMatchObject({ command: { terminal: '2', interrupt: true } });
    // A fenced block without a role stays in the prose, as markdown.
    expect((s1.body[4] as { markdown: string }).markdown).toContain('kind: Pod');
    expect(s1.checks.map((c) => [c.id, c.kind, c.after])).toEqual([['svc', 'service', []], ['1.2', 'endpoints', ['svc']]]);
    expect(s1.checks[0].title).toBe('A Service named web of type NodePort exists');
    expect(s1.checks[1].hint).toBe('Look at the labels.');
    expect(s1.hints).toEqual(['First hint.', 'Second hint.']);
    expect(s1.solution.map((c) => c.code)).toEqual(['kubectl expose deployment web --type=NodePort --port=80']);
    expect(s2.questions).toEqual([{ id: '2.q1', prompt: 'Which node answered?', answer: { lastRequest: 'node' }, solution: 'echo minikube' }]);
    expect(s2.body).toEqual([{ type: 'question', id: '2.q1' }]);
    expect(l.panes).toEqual(['terminal', 'traffic']);
  });

  it('inherits course options, lesson values winning', () => {
    const r = parseLesson({
      ...source(`---\ntitle: T\nsummary: S\nminutes: 5\nseed: 7\nsetup:\n  manifests: [web.yaml]\n  commands: |\n    kubectl get pods\n    # a comment\n---\n## A\n`, { 'web.yaml': 'kind: Service' }),
      course: { seed: 3, panes: { terminals: 2, editor: true }, setup: { commands: ['kubectl create ns lab'] } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.seed).toBe(7);
    expect(r.lesson.terminals).toBe(2);
    expect(r.lesson.panes).toEqual(['terminal', 'editor', 'traffic']);
    expect(r.lesson.setup).toEqual({ manifests: [{ path: 'web.yaml', content: 'kind: Service' }], commands: ['kubectl create ns lab', 'kubectl get pods'] });
  });

  it('names the field, the line and the step in errors', () => {
    const r = parseLesson(source(`---\ntitel: T\nsummary: S\nminutes: 5\n---\n`));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContain('lessons/09-test/lesson.md: frontmatter titel: unknown field (a typo?)');
    expect(r.errors.some((e) => e.startsWith('lessons/09-test/lesson.md: frontmatter title:'))).toBe(true);

    const r2 = parseLesson(source(`${FRONT}\n## Expose\n\n\`\`\`check\n- check: servce\n  name: web\n- check: endpoints\n  service: web\n  after: nope\n- check: service\n  nme: web\n\`\`\`\n`));
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.errors).toEqual([
      'lessons/09-test/lesson.md:9: step 1 "Expose": check 1: unknown check kind "servce" (known: resource, service, endpoints, pods, deployment, ingress, request, command, shell)',
      'lessons/09-test/lesson.md:9: step 1 "Expose": check 2: after: no earlier check has id "nope"',
      'lessons/09-test/lesson.md:9: step 1 "Expose": check 3 (service) name: missing (this field is required)',
      'lessons/09-test/lesson.md:9: step 1 "Expose": check 3 (service) nme: unknown field (a typo?)',
    ]);
  });

  it('rejects a lesson without frontmatter or steps', () => {
    expect(parseLesson(source('# Hello\n'))).toMatchObject({ ok: false, errors: [expect.stringContaining('missing frontmatter')] });
    expect(parseLesson(source(FRONT + 'Just prose.\n'))).toMatchObject({ ok: false, errors: [expect.stringContaining('no steps')] });
  });
});

describe('verifyLesson', () => {
  it('fails a lesson whose solution is broken, naming the step and the check', async () => {
    const l = loadLesson(join(here, 'testdata/broken-solution'));
    if (!l.ok) throw new Error(l.errors.join('\n'));
    const r = await verifyLesson(l.lesson);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^step 1 "Expose web on a NodePort": check "A Service named web of type NodePort exposes port 80" never passes after its solution: Service web is of type ClusterIP, not NodePort/),
      'step 1 "Expose web on a NodePort": check "Service web has 2 endpoints" never passes after its solution: First: A Service named web of type NodePort exposes port 80.',
    ]);
  });

  it('fails a lesson whose check already passes before its solution', async () => {
    const l = loadLesson(join(here, 'testdata/already-passes'));
    if (!l.ok) throw new Error(l.errors.join('\n'));
    const r = await verifyLesson(l.lesson);
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^step 1 "Create the Deployment": check "Deployment web exists" already passes before its solution/)]);
  });

  it('passes the same lesson once its solution is fixed', async () => {
    const l = loadLesson(join(here, 'testdata/broken-solution'));
    if (!l.ok) throw new Error(l.errors.join('\n'));
    l.lesson.steps[0].solution[0].code = 'kubectl expose deployment web --type=NodePort --port=80';
    const r = await verifyLesson(l.lesson);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('checks questions against the live state, and refuses a wrong answer', async () => {
    const lesson = parsed(`${FRONT}
## Expose

\`\`\`bash run
kubectl create deployment web --image=nginx
kubectl expose deployment web --type=NodePort --port=80
\`\`\`

\`\`\`question
prompt: Which NodePort?
answer:
  field: { kind: service, name: web, path: "spec.ports[0].nodePort" }
solution: echo 30000
\`\`\`
`);
    const r = await verifyLesson(lesson);
    // The seeded allocator picks some port; "30000" is a constant, not the live answer.
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/question "Which NodePort\?": the solution's answer "30000" is refused/)]);
    lesson.steps[0].questions[0].solution = `kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'`;
    expect((await verifyLesson(lesson)).ok).toBe(true);
  });
});

describe('LessonRun', () => {
  it('types into terminals, leaves a long-running command running, and interrupts it on request', async () => {
    const lesson = parsed(`${FRONT}\n## A\n`);
    const run = new LessonRun(lesson);
    await run.setup();
    await run.run({ code: 'kubectl get pods -w', terminal: '1', interrupt: false });
    await run.run({ code: 'echo hello', terminal: '2', interrupt: false });
    expect(run.screen('2')).toContain('hello');
    await expect(run.run({ code: 'echo again', terminal: '1', interrupt: false })).rejects.toThrow(/still busy/);
    await run.run({ code: 'echo stopped', terminal: '1', interrupt: true });
    expect(run.screen('1')).toContain('^C');
    expect(run.screen('1')).toContain('stopped');
    expect(run.commands.map((c) => [c.terminal, c.line])).toEqual([['1', 'kubectl get pods -w'], ['2', 'echo hello'], ['1', 'echo stopped']]);
    run.stop();
  });
});
