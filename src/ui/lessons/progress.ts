// What the learner has done, kept in localStorage so the catalog shows it next time: per lesson,
// the steps ticked and the step they were on. A broken or foreign value is ignored, never trusted.

export interface LessonProgress {
  done: number[];
  step: number;
  steps: number;
}

const KEY = 'kube-sandbox:progress';

export function loadProgress(): Record<string, LessonProgress> {
  try {
    const data: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (!data || typeof data !== 'object') return {};
    const out: Record<string, LessonProgress> = {};
    for (const [id, p] of Object.entries(data as Record<string, Partial<LessonProgress>>)) {
      if (!p || !Array.isArray(p.done) || typeof p.step !== 'number' || typeof p.steps !== 'number') continue;
      out[id] = { done: p.done.filter((n) => Number.isInteger(n)), step: p.step, steps: p.steps };
    }
    return out;
  } catch {
    return {};
  }
}

export function saveProgress(all: Record<string, LessonProgress>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Private mode or a full quota: progress is a convenience.
  }
}
