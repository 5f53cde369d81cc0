import type { Builtin, BuiltinContext } from '../interpreter/runtime.ts';
import type { Job } from '../interpreter/jobs.ts';

export const jobs: Builtin = async (ctx, { runtime }) => {
  for (const line of runtime.jobs.report()) ctx.stdout.write(line + '\n');
  return 0;
};

/** `fg [%N]`: prints the command, then waits for it; Ctrl+C stops it. */
export const fg: Builtin = async (ctx, { runtime }) => {
  const spec = ctx.argv[1] ?? '%+';
  const job = runtime.jobs.find(spec);
  if (!job) {
    ctx.stderr.write(`bash: fg: ${ctx.argv[1] ?? 'current'}: no such job\n`);
    return 1;
  }
  ctx.stdout.write(job.text + '\n');
  const stop = () => runtime.jobs.kill(job);
  ctx.signal.addEventListener('abort', stop, { once: true });
  try {
    const code = await job.finished;
    runtime.jobs.remove(job);
    return job.killedWith && ctx.signal.aborted ? 130 : code;
  } finally {
    ctx.signal.removeEventListener('abort', stop);
  }
};

const SIGNALS: Record<string, 'Terminated' | 'Killed'> = {
  '-9': 'Killed', '-KILL': 'Killed', '-SIGKILL': 'Killed', '-s KILL': 'Killed',
  '-15': 'Terminated', '-TERM': 'Terminated', '-SIGTERM': 'Terminated', '-2': 'Terminated',
  '-INT': 'Terminated', '-SIGINT': 'Terminated', '-1': 'Terminated', '-HUP': 'Terminated',
};

/** `kill [-SIG] %N|PID …`. Every signal ends the job; KILL reads `Killed`, the rest `Terminated`. */
export const kill: Builtin = async (ctx, shell: BuiltinContext) => {
  const args = ctx.argv.slice(1);
  let how: 'Terminated' | 'Killed' = 'Terminated';
  if (args[0] === '-l') {
    ctx.stdout.write(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n');
    return 0;
  }
  if (args[0]?.startsWith('-') && args[0] !== '--') {
    const sig = args.shift()!;
    if (!(sig in SIGNALS)) {
      ctx.stderr.write(`bash: kill: ${sig.slice(1)}: invalid signal specification\n`);
      return 1;
    }
    how = SIGNALS[sig];
  }
  if (args.length === 0) {
    ctx.stderr.write('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    return 2;
  }
  let status = 0;
  for (const arg of args) {
    let job: Job | undefined;
    if (arg.startsWith('%')) {
      job = shell.runtime.jobs.find(arg);
      if (!job) {
        ctx.stderr.write(`bash: kill: ${arg}: no such job\n`);
        status = 1;
        continue;
      }
    } else if (/^\d+$/.test(arg)) {
      job = shell.runtime.jobs.findByPid(Number(arg));
      if (!job) {
        ctx.stderr.write(`bash: kill: (${arg}) - No such process\n`);
        status = 1;
        continue;
      }
    } else {
      ctx.stderr.write(`bash: kill: ${arg}: arguments must be process or job IDs\n`);
      status = 1;
      continue;
    }
    shell.runtime.jobs.kill(job, how);
  }
  return status;
};

/** `wait`: until every background job has ended (Ctrl+C stops waiting). */
export const wait: Builtin = async (ctx, { runtime }) => {
  const pending = runtime.jobs.list().map((j) => j.finished);
  const aborted = new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
  await Promise.race([Promise.all(pending), aborted]);
  return ctx.signal.aborted ? 130 : 0;
};
