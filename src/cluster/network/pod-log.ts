// The pods/log subresource: what `kubectl logs` reads, with the kubelet's errors for containers
// that have not started, names that do not exist, and --previous without a previous container.

import type { Clock } from '../clock.ts';
import { badRequest, StatusError } from '../apiserver/errors.ts';
import { parseTimestamp } from '../apiserver/meta.ts';
import type { ApiRequest, KObject, StreamHandle, StreamListener } from '../apiserver/types.ts';
import { LogStore, type LogLine } from '../logs.ts';
import type { Store } from '../apiserver/store.ts';

interface LogQuery {
  key: string;
  lines: LogLine[];
  timestamps: boolean;
  running: boolean;
}

function resolveLog(req: ApiRequest, pod: KObject, logs: LogStore, clock: Clock): LogQuery {
  const q = req.query ?? {};
  const name = pod.metadata.name!;
  const containers: { name: string }[] = pod.spec?.containers ?? [];
  let container = q.container;
  if (!container) {
    if (containers.length !== 1)
      throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.map((c) => c.name).join(' ')}]`);
    container = containers[0].name;
  }
  if (!containers.some((c) => c.name === container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  const st = (pod.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container);
  const previous = q.previous === 'true';
  const restart = st?.restartCount ?? 0;
  if (previous) {
    if (!st || restart === 0 || !logs.has(LogStore.key(pod.metadata.namespace!, name, container, restart - 1)))
      throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  } else if (!st?.state?.running && !st?.state?.terminated) {
    const reason = st?.state?.waiting?.reason ?? 'ContainerCreating';
    const what = reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? 'trying and failing to pull image' : reason;
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${what}`);
  }
  const key = LogStore.key(pod.metadata.namespace!, name, container, previous ? restart - 1 : restart);
  let lines = logs.read(key);
  const since = q.sinceSeconds ? clock.now() - Number(q.sinceSeconds) * 1000 : parseTimestamp(q.sinceTime);
  if (since !== undefined) lines = lines.filter((l) => l.at >= since);
  if (q.tailLines !== undefined) {
    const n = Number(q.tailLines);
    lines = n <= 0 ? [] : lines.slice(-n);
  }
  return { key, lines, timestamps: q.timestamps === 'true', running: !!st?.state?.running && !previous };
}

function format(l: LogLine, timestamps: boolean): string {
  return (timestamps ? new Date(l.at).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z') + ' ' : '') + l.text + '\n';
}

export function logHandler(logs: LogStore, clock: Clock) {
  return (req: ApiRequest, pod: KObject) => {
    const r = resolveLog(req, pod, logs, clock);
    let body = r.lines.map((l) => format(l, r.timestamps)).join('');
    const limit = req.query?.limitBytes ? Number(req.query.limitBytes) : undefined;
    if (limit !== undefined) body = body.slice(0, limit);
    return { status: 200, body, headers: { 'content-type': 'text/plain' } };
  };
}

/** follow=true: what is there, then each new line until the client closes the stream. */
export function logStreamHandler(logs: LogStore, clock: Clock, store: Store) {
  return (req: ApiRequest, pod: KObject, listener: StreamListener): StreamHandle => {
    let r: LogQuery;
    try {
      r = resolveLog(req, pod, logs, clock);
    } catch (e) {
      listener.end(e instanceof StatusError ? e.status : undefined);
      return { write() {}, closeWrite() {}, close() {} };
    }
    for (const l of r.lines) listener.data(format(l, r.timestamps));
    const stopFollow = logs.follow(r.key, (l) => listener.data(format(l, r.timestamps)));
    // The stream ends when the container stops or the Pod goes, as the kubelet's does.
    const container = req.query?.container ?? pod.spec?.containers?.[0]?.name;
    const stopWatch = store.subscribe((e) => {
      if (e.resource !== '/pods' || e.object.metadata.uid !== pod.metadata.uid) return;
      const st = (e.object.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container);
      if (e.type === 'DELETED' || !st?.state?.running) finish();
    });
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      stopFollow();
      stopWatch();
      listener.end();
    };
    if (!r.running) finish();
    return {
      write() {},
      closeWrite() {},
      close() {
        done = true;
        stopFollow();
        stopWatch();
      },
    };
  };
}
