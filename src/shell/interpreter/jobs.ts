// Background jobs as bash shows them: `[1] 4242` at start, `jobs`, `fg`, `kill %1`, and
// `[1]+  Done                    sleep 5` before the next prompt.

export type JobState = 'Running' | 'Done' | 'Terminated' | 'Killed';

export interface Job {
  id: number;
  pid: number;
  /** The command as typed, without the `&`. */
  text: string;
  state: JobState;
  exitCode: number;
  controller: AbortController;
  /** Resolves with the exit status when the job ends. */
  finished: Promise<number>;
  /** Set when the job was killed, so its end reads `Terminated` rather than `Exit 130`. */
  killedWith?: 'Terminated' | 'Killed';
}

/** bash pads the state column to 24 characters (jobs.c, `%-*s` with JOB_STATE_WIDTH). */
const STATE_WIDTH = 24;

export class JobTable {
  #jobs: Job[] = [];
  #nextPid: number;
  /** Jobs that ended and whose notice is not printed yet, in the order they ended. */
  #ended: Job[] = [];

  constructor(firstPid = 4242) {
    this.#nextPid = firstPid;
  }

  allocatePid(): number {
    return this.#nextPid++;
  }

  start(text: string, run: (signal: AbortSignal) => Promise<number>): Job {
    const id = this.#jobs.reduce((max, j) => Math.max(max, j.id), 0) + 1;
    const controller = new AbortController();
    const job = { id, pid: this.allocatePid(), text, state: 'Running', exitCode: 0, controller } as Job;
    job.finished = run(controller.signal).then(
      (code) => this.#end(job, code),
      () => this.#end(job, 1),
    );
    this.#jobs.push(job);
    return job;
  }

  #end(job: Job, code: number): number {
    job.exitCode = job.killedWith ? 143 : code;
    job.state = job.killedWith ?? 'Done';
    if (this.#jobs.includes(job)) this.#ended.push(job);
    return job.exitCode;
  }

  list(): Job[] {
    return [...this.#jobs];
  }

  /** `%1`, `%%`, `%+`, `%-`, `%sleep` (prefix of the command); undefined when no job matches. */
  find(spec: string): Job | undefined {
    const jobs = this.#jobs;
    if (spec === '%%' || spec === '%+' || spec === '%' || spec === '') return jobs[jobs.length - 1];
    if (spec === '%-') return jobs[jobs.length - 2] ?? jobs[jobs.length - 1];
    const n = /^%(\d+)$/.exec(spec);
    if (n) return jobs.find((j) => j.id === Number(n[1]));
    if (spec.startsWith('%')) return jobs.find((j) => j.text.startsWith(spec.slice(1)));
    return undefined;
  }

  findByPid(pid: number): Job | undefined {
    return this.#jobs.find((j) => j.pid === pid);
  }

  kill(job: Job, how: 'Terminated' | 'Killed' = 'Terminated'): void {
    if (job.state !== 'Running') return;
    job.killedWith = how;
    job.controller.abort();
  }

  /** `+` marks the current job (the newest), `-` the previous one. */
  #mark(job: Job): string {
    const i = this.#jobs.indexOf(job);
    if (i === this.#jobs.length - 1) return '+';
    if (i === this.#jobs.length - 2) return '-';
    return ' ';
  }

  #stateText(job: Job): string {
    if (job.state === 'Done' && job.exitCode !== 0) return `Exit ${job.exitCode}`;
    return job.state;
  }

  /** One line as `jobs` prints it (running jobs keep their ` &`). */
  format(job: Job): string {
    const amp = job.state === 'Running' ? ' &' : '';
    return `[${job.id}]${this.#mark(job)}  ${this.#stateText(job).padEnd(STATE_WIDTH)}${job.text}${amp}`;
  }

  /** `jobs`: every job; ended ones are reported here once and then forgotten. */
  report(): string[] {
    const lines = this.#jobs.map((j) => this.format(j));
    this.#forget(this.#jobs.filter((j) => j.state !== 'Running'));
    return lines;
  }

  /** Notices for jobs that ended since the last prompt; each job is reported once. */
  takeNotices(): string[] {
    const ended = this.#ended.filter((j) => this.#jobs.includes(j));
    const lines = ended.map((j) => this.format(j));
    this.#forget(ended);
    return lines;
  }

  /** Removes a job once `fg` has waited for it (no notice: the learner saw it end). */
  remove(job: Job): void {
    this.#forget([job]);
  }

  #forget(jobs: Job[]): void {
    this.#jobs = this.#jobs.filter((j) => !jobs.includes(j));
    this.#ended = this.#ended.filter((j) => !jobs.includes(j));
  }
}
