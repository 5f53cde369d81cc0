// `kube-sandbox`: the sandbox in a real terminal.
//   kube-sandbox                     interactive shell (real-time clock)
//   kube-sandbox run [--seed N] [--json] [FILE]   run a script, print a transcript (virtual clock)
//   kube-sandbox serve [--port N]    the API over HTTP for real kubectl
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { complete } from '../shell/index.ts';
import { Sandbox } from '../sandbox/sandbox.ts';
import { driveClock } from '../worker/clock-driver.ts';
import { runScript } from './run.ts';
import { TtyTerminal } from './tty-terminal.ts';

const USAGE = `Usage:
  kube-sandbox                         an interactive shell on a fresh cluster
  kube-sandbox run [--seed N] [--json] [FILE]
                                       run a script (one command per line; stdin without FILE)
  kube-sandbox serve [--port N] [--seed N]
                                       serve the cluster's API to your own kubectl
  kube-sandbox lessons verify [PATH…]  check every lesson headlessly (each check fails before
                                       its solution and passes after it)
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
      return repl();
    case 'run':
      return run(rest);
    case 'serve': {
      const { serveCommand } = await import('./serve/index.ts');
      return serveCommand(rest);
    }
    case 'lessons': {
      const { lessonsCommand } = await import('./lessons.ts');
      return lessonsCommand(rest);
    }
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`kube-sandbox: unknown command "${cmd}"\n${USAGE}`);
      return 2;
  }
}

async function repl(): Promise<number> {
  const sandbox = new Sandbox({ clock: 'realtime', startTime: Date.now(), seed: Date.now() % 2 ** 31 });
  const driver = driveClock(sandbox.cluster.clock);
  const session = sandbox.laptopShell();
  const terminal = new TtyTerminal({ complete: (line, cursor) => complete(session, line, cursor) });
  terminal.write('Kube Sandbox: a 3-node cluster in your terminal. Try `kubectl get nodes`, or `help`.\n');
  try {
    return await session.repl(terminal);
  } finally {
    driver.stop();
    terminal.close();
    sandbox.cluster.stop();
  }
}

async function run(argv: string[]): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { seed: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
    }));
  } catch (e) {
    process.stderr.write(`kube-sandbox run: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write(`kube-sandbox run: --seed must be an integer, got "${values.seed}"\n`);
    return 2;
  }
  let text: string;
  try {
    text = positionals[0] && positionals[0] !== '-' ? readFileSync(positionals[0], 'utf8') : readFileSync(0, 'utf8');
  } catch (e) {
    process.stderr.write(`kube-sandbox run: ${(e as Error).message}\n`);
    return 1;
  }
  const result = await runScript(text, { seed });
  if (values.json) process.stdout.write(JSON.stringify(result.entries, null, 2) + '\n');
  else process.stdout.write(result.transcript);
  return result.exitCode;
}
