// lesson.md → Lesson. The file is YAML frontmatter, then markdown: `## ` headings start steps, and
// fenced blocks with a role in their info string carry the interactive parts:
//   ```bash run``` / ```bash copy```  a command to click (options: terminal=2, interrupt)
//   ```check```                       YAML list of declarative checks (see checks/)
//   ```question```                    YAML: prompt, answer (computed from state), solution
//   ```hint```                        one numbered hint per block
//   ```solution```                    commands `lessons verify` runs (hidden in the UI)
// Everything else is prose. Errors name the file, the line and the step, for the author.

import { marked, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import * as v from 'valibot';
import type { BodyBlock, Command, Lesson, Pane, Question, Step } from './model.ts';
import { FrontmatterSchema, validate, type CourseOptions } from './schema.ts';
import { CHECK_KINDS } from './checks/registry.ts';
import type { CheckSpec } from './checks/types.ts';
import { AnswerSchema } from './answers.ts';

export interface LessonSource {
  /** Folder name (e.g. `05-nodeport`). */
  id: string;
  /** Shown in error messages (e.g. `lessons/05-nodeport/lesson.md`). */
  file: string;
  markdown: string;
  course?: CourseOptions;
  /** Reads another file of the lesson folder (manifests, starting files); undefined if missing. */
  readFile(path: string): string | undefined;
}

export type ParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

const ROLES = new Set(['run', 'copy', 'check', 'question', 'hint', 'solution']);

const CommonCheckFields = ['id', 'check', 'title', 'after', 'hint', 'since'];

const QuestionSchema = v.strictObject({
  id: v.optional(v.string()),
  prompt: v.string(),
  answer: AnswerSchema,
  solution: v.optional(v.string()),
  hint: v.optional(v.string()),
});

export function parseLesson(src: LessonSource): ParseResult {
  const errors: string[] = [];
  const { data, body, bodyLine, error } = splitFrontmatter(src.markdown);
  if (error) return { ok: false, errors: [`${src.file}: ${error}`] };
  const fm = validate(FrontmatterSchema, data, `${src.file}: frontmatter`);
  if (!fm.ok) return { ok: false, errors: fm.errors };
  const front = fm.value;
  const course = src.course ?? {};

  const manifests: Lesson['setup']['manifests'] = [];
  for (const path of [...(course.setup?.manifests ?? []), ...(front.setup?.manifests ?? [])]) {
    const content = src.readFile(path);
    if (content === undefined) errors.push(`${src.file}: setup.manifests: no file ${path} in the lesson folder`);
    else manifests.push({ path, content });
  }
  const files: Record<string, string> = {};
  for (const path of front.files ?? []) {
    const content = src.readFile(path);
    if (content === undefined) errors.push(`${src.file}: files: no file ${path} in the lesson folder`);
    else files[path] = content;
  }
  const panesOpt = { ...course.panes, ...front.panes };
  const panes: Pane[] = ['terminal'];
  if (panesOpt.editor) panes.push('editor');
  if (panesOpt.traffic ?? true) panes.push('traffic');

  // Walk the markdown's top-level tokens, keeping a line count for messages.
  const tokens = marked.lexer(body);
  let line = bodyLine;
  let intro = '';
  const steps: Step[] = [];
  const checkIds = new Set<string>();
  let step: Step | undefined;
  let prose = '';
  const flush = () => {
    if (prose.trim()) {
      if (step) step.body.push({ type: 'prose', markdown: prose.trim() });
      else intro += prose;
    }
    prose = '';
  };

  for (const tok of tokens) {
    const at = `${src.file}:${line}`;
    const where = step ? `${at}: step ${step.index} "${step.title}"` : at;
    line += (tok.raw.match(/\n/g) ?? []).length;
    if (tok.type === 'heading' && tok.depth === 2) {
      flush();
      step = { index: steps.length + 1, slug: slugify(tok.text), title: tok.text, body: [], checks: [], questions: [], hints: [], solution: [] };
      steps.push(step);
      continue;
    }
    const info = tok.type === 'code' ? ((tok as Tokens.Code).lang ?? '') : '';
    const role = tok.type === 'code' ? roleOf(info) : undefined;
    if (!role) {
      prose += tok.raw;
      continue;
    }
    if (!step) {
      errors.push(`${where}: a \`\`\`${role}\`\`\` block must be inside a step (after a "## " heading)`);
      continue;
    }
    const code = (tok as Tokens.Code).text;
    const opts = optionsOf(info);
    switch (role.role) {
      case 'run':
      case 'copy': {
        flush();
        step.body.push({ type: 'command', command: { mode: role.role, code, ...opts } });
        break;
      }
      case 'solution':
        step.solution.push({ mode: 'run', code, ...opts });
        break;
      case 'hint':
        step.hints.push(code.trim());
        break;
      case 'check':
        for (const c of parseChecks(code, step, checkIds, where, errors)) {
          step.checks.push(c);
          checkIds.add(c.id);
        }
        break;
      case 'question': {
        flush();
        const q = parseQuestion(code, step, where, errors);
        if (q) {
          step.questions.push(q);
          step.body.push({ type: 'question', id: q.id } satisfies BodyBlock);
        }
        break;
      }
    }
  }
  flush();
  if (!steps.length) errors.push(`${src.file}: no steps: start each step with a "## " heading`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    lesson: {
      id: src.id,
      title: front.title,
      summary: front.summary,
      minutes: front.minutes,
      setup: { manifests, commands: [...(course.setup?.commands ?? []), ...(front.setup?.commands ?? [])] },
      terminals: panesOpt.terminals ?? 1,
      panes,
      files,
      seed: front.seed ?? course.seed ?? 1,
      draft: front.draft,
      intro: intro.trim(),
      steps,
      frontmatter: front,
    },
  };
}

function splitFrontmatter(text: string): { data?: unknown; body: string; bodyLine: number; error?: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { body: text, bodyLine: 1, error: 'missing frontmatter: the file must start with a "---" line, the YAML fields, and "---"' };
  try {
    return { data: parseYaml(m[1]) ?? {}, body: text.slice(m[0].length), bodyLine: (m[0].match(/\n/g) ?? []).length + 1 };
  } catch (e) {
    return { body: '', bodyLine: 1, error: `frontmatter is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** ```bash run terminal=2``` → run; ```check``` → check; ```yaml``` → prose. */
function roleOf(info: string): { role: 'run' | 'copy' | 'check' | 'question' | 'hint' | 'solution' } | undefined {
  const words = info.trim().split(/\s+/);
  const role = ROLES.has(words[0]) ? words[0] : ROLES.has(words[1]) ? words[1] : undefined;
  return role ? { role: role as 'run' } : undefined;
}

function optionsOf(info: string): Pick<Command, 'terminal' | 'interrupt'> {
  const words = info.trim().split(/\s+/);
  const terminal = words.find((w) => w.startsWith('terminal='))?.slice('terminal='.length) ?? '1';
  return { terminal, interrupt: words.includes('interrupt') };
}

function parseChecks(code: string, step: Step, known: Set<string>, where: string, errors: string[]): CheckSpec[] {
  let data: unknown;
  try {
    data = parseYaml(code);
  } catch (e) {
    errors.push(`${where}: check block is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return [];
  }
  const items = Array.isArray(data) ? data : [data];
  const out: CheckSpec[] = [];
  items.forEach((item, i) => {
    const label = `${where}: check ${step.checks.length + i + 1}`;
    if (!item || typeof item !== 'object') return void errors.push(`${label}: expected a mapping with a "check:" field`);
    const rec = item as Record<string, unknown>;
    const kind = CHECK_KINDS.get(String(rec.check));
    if (!kind) return void errors.push(`${label}: unknown check kind "${rec.check}" (known: ${[...CHECK_KINDS.keys()].join(', ')})`);
    const params = Object.fromEntries(Object.entries(rec).filter(([k]) => !CommonCheckFields.includes(k)));
    const r = validate(kind.schema, params, `${label} (${kind.name})`);
    if (!r.ok) return void errors.push(...r.errors);
    const after = rec.after === undefined ? [] : Array.isArray(rec.after) ? rec.after.map(String) : [String(rec.after)];
    const id = rec.id === undefined ? `${step.index}.${step.checks.length + i + 1}` : String(rec.id);
    const seen = new Set([...known, ...out.map((c) => c.id)]);
    for (const a of after) if (!seen.has(a)) errors.push(`${label}: after: no earlier check has id "${a}"`);
    if (seen.has(id)) errors.push(`${label}: id "${id}" is used twice`);
    if (rec.since !== undefined && rec.since !== 'step' && rec.since !== 'lesson') errors.push(`${label}: since must be "step" or "lesson"`);
    out.push({
      id,
      kind: kind.name,
      title: typeof rec.title === 'string' ? rec.title : kind.title(r.value),
      after,
      hint: typeof rec.hint === 'string' ? rec.hint : undefined,
      since: rec.since === 'lesson' ? 'lesson' : 'step',
      params: r.value as Record<string, unknown>,
    });
  });
  return out;
}

function parseQuestion(code: string, step: Step, where: string, errors: string[]): Question | undefined {
  let data: unknown;
  try {
    data = parseYaml(code);
  } catch (e) {
    errors.push(`${where}: question block is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const r = validate(QuestionSchema, data, `${where}: question`);
  if (!r.ok) return void errors.push(...r.errors);
  return { ...r.value, id: r.value.id ?? `${step.index}.q${step.questions.length + 1}` };
}

function slugify(s: string): string {
  return s.toLowerCase().replace(/`/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
