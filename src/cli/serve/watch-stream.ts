// `?watch=true` over HTTP: one JSON object per line ({"type":…,"object":…}), chunked, as the
// API server's watch encoder sends them. The ApiServer already turns objects into Table rows when
// the Accept header asks for a Table, so `kubectl get -w` prints server-side columns. The stream
// ends when the client goes away or after timeoutSeconds (informers ask for 5–10 minutes).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiClient } from '../../cluster/apiserver/client.ts';
import type { ApiRequest, WatchEvent, WatchHandle } from '../../cluster/apiserver/types.ts';

export function isWatch(req: ApiRequest): boolean {
  return req.method === 'GET' && (req.query?.watch === 'true' || req.query?.watch === '1');
}

/** Streams events until the client disconnects; returns a stop function for server shutdown. */
export function streamWatch(api: ApiClient, apiReq: ApiRequest, req: IncomingMessage, res: ServerResponse): () => void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache' });
  res.flushHeaders();
  let done = false;
  const send = (e: WatchEvent) => {
    if (!done) res.write(JSON.stringify(e) + '\n');
  };
  // An ERROR event (bad selector, unknown resource) ends the watch, as on a real server; it may
  // arrive before watch() has returned a handle.
  let handle: WatchHandle | undefined = undefined;
  handle = api.watch(apiReq, (e) => {
    send(e);
    if (e.type === 'ERROR') stop();
  });
  if (done) handle.stop();
  const timeoutSec = Number(apiReq.query?.timeoutSeconds);
  const timer = Number.isFinite(timeoutSec) && timeoutSec > 0 ? setTimeout(stop, timeoutSec * 1000) : undefined;
  function stop() {
    if (done) return;
    done = true;
    handle?.stop();
    if (timer) clearTimeout(timer);
    res.end();
  }
  req.on('close', stop);
  res.on('close', stop);
  return stop;
}
