// `kube-sandbox serve [--port N] [--seed N] [--legacy-discovery] [-v]`: the emulated cluster on
// a local port for real kubectl. Prints the URL and the KUBECONFIG line, runs until Ctrl+C.
// src/cli/main.ts dispatches `serve` here: `return serveCommand(argv.slice(1))`.

import { parseArgs } from 'node:util';
import { startFacade, type FacadeCluster } from './facade.ts';

export { startFacade } from './facade.ts';
export type { Facade, FacadeCluster, FacadeOptions } from './facade.ts';

const USAGE = `Usage: kube-sandbox serve [--port N] [--seed N] [--host ADDR] [--legacy-discovery] [--verbose]

Serve the emulated cluster's API on http://127.0.0.1:PORT so that real kubectl can drive it.
  --port N             port to listen on (default 8001; 0 picks a free one)
  --seed N             the cluster's random seed (default 1): same seed, same names and IPs
  --host ADDR          address to bind (default 127.0.0.1; the API has no authentication)
  --legacy-discovery   answer discovery in the pre-1.30 format (to test kubectl's fallback)
  --verbose, -v        log every request to stderr
`;

export interface ServeIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  until?: Promise<void>;
  /** The cluster to serve (default createCluster({seed})). */
  makeCluster?: (seed: number) => FacadeCluster | Promise<FacadeCluster>;
}

/** Returns the process exit code. */
export async function serveCommand(argv: string[], io: ServeIO = defaultIO()): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8001' },
        seed: { type: 'string', default: '1' },
        host: { type: 'string', default: '127.0.0.1' },
        'legacy-discovery': { type: 'boolean', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    io.err(`kube-sandbox serve: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(io, `invalid --port ${values.port}`);
  if (!Number.isInteger(seed)) return usageError(io, `invalid --seed ${values.seed}`);

  const cluster = await (io.makeCluster ?? defaultCluster)(seed);
  let facade;
  try {
    facade = await startFacade({
      cluster,
      port,
      host: values.host,
      legacyDiscovery: values['legacy-discovery'],
      log: values.verbose ? (line) => io.err(line + '\n') : undefined,
    });
  } catch (e) {
    io.err(`kube-sandbox serve: cannot listen on ${values.host}:${port}: ${(e as Error).message}\n`);
    return 1;
  }
  io.out(
    `Kube Sandbox API server (seed ${seed}) listening on ${facade.url}\n` +
      `Point kubectl at it:\n\n  export KUBECONFIG=${facade.kubeconfigPath}\n  kubectl get nodes\n\n` +
      `Press Ctrl+C to stop (the cluster lives only as long as this process).\n`,
  );
  await (io.until ?? untilSignal());
  await facade.close();
  return 0;
}

function usageError(io: ServeIO, message: string): number {
  io.err(`kube-sandbox serve: ${message}\n${USAGE}`);
  return 2;
}

async function defaultCluster(seed: number): Promise<FacadeCluster> {
  const { createCluster } = await import('../../cluster/cluster.ts');
  return createCluster({ seed });
}

function defaultIO(): ServeIO {
  return { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
