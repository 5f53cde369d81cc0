// The HTTP facade: the emulator's API server on a real port, so that real kubectl (or any
// client-go program) can drive the sandbox. Every request goes to cluster.api; the facade only
// adds what HTTP needs: body decoding, status codes and Warning headers, watch streams,
// aggregated discovery and the OpenAPI documents kubectl reads for apply, explain and validation.
//
// Time: after every successful write the cluster is settled (virtual time runs until nothing is
// pending soon), so `kubectl create deployment` is followed by Running pods by the next command,
// and a real-time driver keeps the clock moving in between (AGE grows, `get -w` sees changes).

import { isDryRun } from '../../cluster/apiserver/dry-run.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '../../cluster/apiserver/client.ts';
import type { ApiResponse } from '../../cluster/apiserver/types.ts';
import { AGGREGATED_CONTENT_TYPE, aggregatedDiscovery, wantsAggregated } from './aggregated-discovery.ts';
import { BadHttpRequest, readApiRequest } from './http-request.ts';
import { statusBody, writeApiResponse } from './http-response.ts';
import { writeKubeconfig } from './kubeconfig.ts';
import { serveOpenApi } from './openapi-routes.ts';
import { driveRealTime, type AdvanceableClock } from './realtime-clock.ts';
import { isWatch, streamWatch } from './watch-stream.ts';

/** What the facade needs of a cluster (createCluster() gives all of it). */
export interface FacadeCluster {
  api: ApiClient;
  clock: AdvanceableClock;
  settle(maxMs?: number): number;
}

export interface FacadeOptions {
  cluster: FacadeCluster;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Where to write the kubeconfig; a fresh temp dir (removed on close) when absent. */
  kubeconfigPath?: string;
  /** Serve only legacy discovery (for testing kubectl's fallback). */
  legacyDiscovery?: boolean;
  /** Drive the clock from real time between requests (default true). */
  realTime?: boolean;
  /** One line per request, for `serve --verbose` and debugging tests. */
  log?: (line: string) => void;
}

export interface Facade {
  url: string;
  port: number;
  kubeconfigPath: string;
  close(): Promise<void>;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function startFacade(opts: FacadeOptions): Promise<Facade> {
  const { cluster } = opts;
  const host = opts.host ?? '127.0.0.1';
  const watches = new Set<() => void>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let apiReq;
    try {
      apiReq = await readApiRequest(req);
    } catch (e) {
      const code = e instanceof BadHttpRequest ? e.code : 400;
      const reason = code === 415 ? 'UnsupportedMediaType' : code === 405 ? 'MethodNotAllowed' : 'BadRequest';
      writeApiResponse(res, { status: code, body: statusBody(code, reason, (e as Error).message) });
      return;
    }
    opts.log?.(`${apiReq.method} ${req.url} accept=${apiReq.headers?.accept ?? ''} content-type=${apiReq.headers?.["content-type"] ?? ''}`);
    const path = apiReq.path.replace(/\/+$/, '') || '/';
    const accept = apiReq.headers?.accept;

    const openapi = serveOpenApi(path, apiReq.query ?? {}, accept);
    if (openapi) return writeApiResponse(res, openapi.response, openapi.contentType);

    if ((path === '/api' || path === '/apis') && apiReq.method === 'GET' && !opts.legacyDiscovery && wantsAggregated(accept))
      return writeApiResponse(res, { status: 200, body: aggregatedDiscovery(cluster.api, path) }, AGGREGATED_CONTENT_TYPE);

    if (isWatch(apiReq)) {
      const stop = streamWatch(cluster.api, apiReq, req, res);
      watches.add(stop);
      res.on('close', () => watches.delete(stop));
      return;
    }

    const out: ApiResponse = cluster.api.request(apiReq);
    writeApiResponse(res, out);
    if (WRITES.has(apiReq.method) && out.status < 400 && !isDryRun(apiReq)) cluster.settle();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      opts.log?.(`error: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) writeApiResponse(res, { status: 500, body: statusBody(500, 'InternalError', `Internal error occurred: ${(e as Error)?.message ?? e}`) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;

  const tempDir = opts.kubeconfigPath ? undefined : mkdtempSync(join(tmpdir(), 'kube-sandbox-'));
  const kubeconfigPath = writeKubeconfig(opts.kubeconfigPath ?? join(tempDir!, 'kubeconfig'), url);
  const stopClock = opts.realTime === false ? () => {} : driveRealTime(cluster.clock, 100, (e) => opts.log?.(`clock: ${String(e)}`));

  return {
    url,
    port,
    kubeconfigPath,
    close: async () => {
      stopClock();
      for (const stop of [...watches]) stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
