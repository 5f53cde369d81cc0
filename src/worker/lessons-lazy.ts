// The lesson runtime (parser, schema validation, markdown, YAML, checks) is a large part of the
// worker: it loads on the first lesson call, after the first prompt, so the sandbox starts without it.

import type { LessonApi, LessonEntry, LessonSource, LessonState } from './protocol.ts';
import type { LessonHooks, LessonService } from './lessons.ts';

export class LazyLessonService implements LessonApi {
  #service: Promise<LessonService> | undefined;
  #loaded: LessonService | undefined;
  #hooks: LessonHooks;

  constructor(hooks: LessonHooks) {
    this.#hooks = hooks;
  }

  /** Subscribers from before the runtime loaded: no lesson runs yet; they get its states once it does. */
  #pending: ((state: LessonState | null) => void)[] = [];

  #load(): Promise<LessonService> {
    this.#service ??= import('./lessons.ts').then(
      async (m) => {
        const service = new m.LessonService(this.#hooks);
        for (const cb of this.#pending.splice(0)) await service.onLesson(cb);
        return (this.#loaded = service);
      },
      (error: unknown) => {
        this.#service = undefined; // retried on the next call (offline, a redeploy)
        throw error;
      },
    );
    return this.#service;
  }

  async lessons(): Promise<LessonEntry[]> {
    return (await this.#load()).lessons();
  }
  async startLesson(source: LessonSource, step?: number): Promise<{ ok: true } | { ok: false; errors: string[] }> {
    return (await this.#load()).startLesson(source, step);
  }
  async stopLesson(): Promise<void> {
    return (await this.#load()).stopLesson();
  }
  async onLesson(callback: (state: LessonState | null) => void): Promise<void> {
    if (this.#loaded) return this.#loaded.onLesson(callback);
    this.#pending.push(callback);
  }
  async goToStep(index: number): Promise<void> {
    return (await this.#load()).goToStep(index);
  }
  async answer(questionId: string, text: string): Promise<void> {
    return (await this.#load()).answer(questionId, text);
  }
  async resetStep(): Promise<void> {
    return (await this.#load()).resetStep();
  }

  /** Commands typed before the runtime loaded belong to no lesson: nothing to record. */
  record(pageTerminalId: string, line: string | null): void {
    this.#loaded?.record(pageTerminalId, line);
  }

  tick(): void {
    this.#loaded?.tick();
  }
}
