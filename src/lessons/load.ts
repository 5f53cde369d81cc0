// Loading lessons from a folder tree (Node only: `lessons verify`, tests). The browser gets the
// same files through the bundler and calls parseLesson itself.
//   lessons/course.yaml          options every lesson inherits (optional)
//   lessons/NN-name/lesson.md    one lesson per numbered folder

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseLesson, type ParseResult } from './parse.ts';
import { CourseSchema, validate, type CourseOptions } from './schema.ts';

export const LESSON_FILE = 'lesson.md';

/** The lesson folders under a course folder, in order (by their leading number, then name). */
export function lessonFolders(root: string): string[] {
  return readdirSync(root)
    .filter((d) => statSync(join(root, d)).isDirectory() && existsSync(join(root, d, LESSON_FILE)))
    .sort((a, b) => (parseInt(a) || 0) - (parseInt(b) || 0) || a.localeCompare(b))
    .map((d) => join(root, d));
}

/** course.yaml of the folder above a lesson, when there is one. */
export function loadCourse(courseDir: string): { ok: true; course: CourseOptions } | { ok: false; errors: string[] } {
  const file = join(courseDir, 'course.yaml');
  if (!existsSync(file)) return { ok: true, course: {} };
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8')) ?? {};
  } catch (e) {
    return { ok: false, errors: [`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  const r = validate(CourseSchema, data, file);
  return r.ok ? { ok: true, course: r.value } : r;
}

export function loadLesson(folder: string, cwd = process.cwd()): ParseResult {
  const dir = resolve(folder);
  const course = loadCourse(dirname(dir));
  if (!course.ok) return course;
  const file = join(dir, LESSON_FILE);
  if (!existsSync(file)) return { ok: false, errors: [`${relative(cwd, dir) || '.'}: no ${LESSON_FILE} in this folder`] };
  return parseLesson({
    id: basename(dir),
    file: relative(cwd, file),
    markdown: readFileSync(file, 'utf8'),
    course: course.course,
    readFile: (p) => {
      const abs = resolve(dir, p);
      // Lesson files stay inside the lesson folder.
      if (!abs.startsWith(dir + sep) || !existsSync(abs)) return undefined;
      return readFileSync(abs, 'utf8');
    },
  });
}
