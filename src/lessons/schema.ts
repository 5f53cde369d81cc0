// The frontmatter of a lesson and the options of a course (lessons/course.yaml), as schemas: the
// types are inferred from them, and an instructor's typo becomes a message naming the field.

import * as v from 'valibot';

const commandList = v.pipe(
  v.union([v.string(), v.array(v.string())]),
  // A block string (`commands: |`) is one command per line, like a pasted script.
  v.transform((c) => (Array.isArray(c) ? c : c.split('\n')).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))),
);

export const SetupSchema = v.strictObject({
  /** Manifest files of the lesson folder, applied with `kubectl apply -f` in order. */
  manifests: v.optional(v.array(v.string())),
  /** Shell lines run on the learner's machine before the lesson starts. */
  commands: v.optional(commandList),
});

export const PanesSchema = v.strictObject({
  terminals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4))),
  editor: v.optional(v.boolean()),
  traffic: v.optional(v.boolean()),
});

/** Options a course sets once for all its lessons; a lesson's own frontmatter wins. */
export const CourseSchema = v.strictObject({
  title: v.optional(v.string()),
  panes: v.optional(PanesSchema),
  seed: v.optional(v.pipe(v.number(), v.integer())),
  /** Runs before each lesson's own setup. */
  setup: v.optional(SetupSchema),
});

export const FrontmatterSchema = v.strictObject({
  title: v.pipe(v.string(), v.nonEmpty('a lesson needs a title')),
  summary: v.pipe(v.string(), v.nonEmpty('a lesson needs a one-line summary')),
  minutes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  setup: v.optional(SetupSchema),
  panes: v.optional(PanesSchema),
  /** Files of the lesson folder copied into the learner's home (same relative path). */
  files: v.optional(v.array(v.string())),
  seed: v.optional(v.pipe(v.number(), v.integer())),
  /** Set to a reason to keep the lesson out of `lessons verify` (and, later, the catalog). */
  draft: v.optional(v.string()),
});

export type Frontmatter = v.InferOutput<typeof FrontmatterSchema>;
export type CourseOptions = v.InferOutput<typeof CourseSchema>;

/** Validates data against a schema; returns the output or messages naming each bad field. */
export function validate<S extends v.GenericSchema>(schema: S, data: unknown, where: string): { ok: true; value: v.InferOutput<S> } | { ok: false; errors: string[] } {
  const r = v.safeParse(schema, data);
  if (r.success) return { ok: true, value: r.output };
  return { ok: false, errors: r.issues.map((i) => `${where}${issuePath(i)}: ${issueMessage(i)}`) };
}

function issuePath(i: v.BaseIssue<unknown>): string {
  const keys = (i.path ?? []).map((p) => String((p as { key: unknown }).key));
  return keys.length ? ' ' + keys.join('.') : '';
}

function issueMessage(i: v.BaseIssue<unknown>): string {
  // strictObject reports an unknown key as "expected never": say it in an author's words.
  if (i.expected === 'never' && i.path?.length) return `unknown field (a typo?)`;
  if (i.received === 'undefined' && i.path?.length) return `missing (this field is required)`;
  return i.message;
}
