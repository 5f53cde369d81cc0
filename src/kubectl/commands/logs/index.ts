// kubectl logs (pkg/cmd/logs/logs.go + polymorphichelpers/logsforobject.go, kubectl 1.34): a pod,
// TYPE/NAME (one pod of it, chosen as `ByLogging` sorts), or -l; the container defaulted on the
// client (annotation, else the first, with `Defaulted container …` on stderr); the text from
// pods/log, or with -f its stream until Ctrl+C or the pod goes.

import type { KObject, Status } from '../../../cluster/apiserver/types.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { ApiStatusError, CmdError } from '../../errors.ts';
import { logsContainer, podsFor, getTarget } from '../../polymorphic/attachable.ts';
import { CORE, resourcePath } from '../../resource/rest.ts';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface Options {
  resource: string;
  container: string;
  selector: string;
  query: Record<string, string>;
  prefix: boolean;
}

interface LogRequest {
  pod: KObject;
  container: string;
}

export default defineCommand<Options>({
  name: 'logs',
  flags: [
    { name: 'all-pods', type: 'bool' },
    { name: 'all-containers', type: 'bool' },
    { name: 'follow', shorthand: 'f', type: 'bool' },
    { name: 'timestamps', type: 'bool' },
    { name: 'limit-bytes', type: 'int', default: 0 },
    { name: 'previous', shorthand: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'since-time', type: 'string' },
    { name: 'since', type: 'duration', default: 0 },
    { name: 'container', shorthand: 'c', type: 'string' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: 20_000 },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'prefix', type: 'bool' },
  ],
  complete(inv) {
    const f = inv.flags;
    const selector = f.string('selector');
    const args = inv.args;
    let resource = '';
    let container = f.string('container');
    if (args.length === 0) {
      if (!selector) throw inv.usageError(USAGE);
    } else if (args.length === 1) {
      resource = args[0];
      if (selector) throw inv.usageError('only a selector (-l) or a POD name is allowed');
    } else if (args.length === 2) {
      resource = args[0];
      container = args[1];
    } else throw inv.usageError(USAGE);
    const query: Record<string, string> = {};
    if (f.bool('follow')) query.follow = 'true';
    if (f.bool('previous')) query.previous = 'true';
    if (f.bool('timestamps')) query.timestamps = 'true';
    if (f.string('since-time')) query.sinceTime = f.string('since-time');
    if (f.int('limit-bytes') !== 0) query.limitBytes = String(f.int('limit-bytes'));
    if (f.duration('since') !== 0) query.sinceSeconds = String(Math.round(f.duration('since') / 1000));
    const tail = f.int('tail');
    if (selector && tail === -1 && !f.changed('tail')) query.tailLines = '10';
    else if (tail !== -1) query.tailLines = String(tail);
    return { resource, container, selector, query, prefix: f.bool('prefix') || f.bool('all-pods') };
  },
  validate(o, inv) {
    const f = inv.flags;
    if (f.string('since-time') && f.duration('since') !== 0) throw new CmdError('at most one of `sinceTime` or `sinceSeconds` may be specified');
    if (f.bool('all-containers') && o.container) throw new CmdError(`--all-containers=true should not be specified with container name ${o.container}`);
    if (f.changed('container') && inv.args.length === 2) throw new CmdError('only one of -c or an inline [CONTAINER] arg is allowed');
    if (f.int('limit-bytes') < 0) throw new CmdError('--limit-bytes must be greater than 0');
    if (o.query.sinceSeconds !== undefined && Number(o.query.sinceSeconds) < 0) throw new CmdError('--since must be greater than 0');
    if (o.query.tailLines !== undefined && Number(o.query.tailLines) < -1) throw new CmdError('--tail must be greater than or equal to -1');
  },
  async run(o, inv) {
    const requests = await resolveRequests(o, inv);
    const follow = inv.flags.bool('follow');
    const max = inv.flags.int('max-log-requests');
    if (follow && requests.length > 1 && requests.length > max)
      throw new CmdError(`you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
    const ignore = inv.flags.bool('ignore-errors');
    if (!follow) {
      for (const r of requests) {
        try {
          const body = inv.rest().get<string>(logPath(r), { ...o.query, container: r.container });
          writePrefixed(inv, o, r, String(body ?? ''));
        } catch (e) {
          if (!ignore) throw e;
          inv.stdout.write(`error: ${(e as Error).message}\n`);
        }
      }
      return;
    }
    return followAll(o, inv, requests, ignore);
  },
});

function logPath(r: LogRequest): string {
  return resourcePath(CORE('pods'), r.pod.metadata.namespace, r.pod.metadata.name) + '/log';
}

function writePrefixed(inv: Invocation, o: Options, r: LogRequest, text: string): void {
  if (!o.prefix || text === '') return inv.stdout.write(text);
  const prefix = `[pod/${r.pod.metadata.name}/${r.container}] `;
  inv.stdout.write(text.split(/(?<=\n)/).map((line) => prefix + line).join(''));
}

/** The pods and containers to read, as Complete and LogsForObject choose them. */
async function resolveRequests(o: Options, inv: Invocation): Promise<LogRequest[]> {
  const f = inv.flags;
  const allContainers = f.bool('all-containers');
  const allPods = f.bool('all-pods');
  let pods: KObject[];
  let chosenFromMany = false;
  if (o.selector) {
    const list = inv.rest().get<{ items?: KObject[] }>(resourcePath(CORE('pods'), inv.namespace), { labelSelector: o.selector });
    pods = list.items ?? [];
    if (pods.length === 0) inv.stderr.write(`No resources found in ${inv.namespace} namespace.\n`);
  } else {
    let obj: KObject;
    try {
      obj = getTarget(inv, o.resource);
    } catch (e) {
      if (e instanceof ApiStatusError && e.reason === 'NotFound') throw new CmdError(`error from server (NotFound): ${e.message} in namespace "${inv.namespace}"`);
      throw e;
    }
    if (obj.kind === 'Pod') pods = [obj];
    else {
      const all = await podsFor(inv, obj, f.duration('pod-running-timeout'), 'logging', 'get the logs from');
      pods = allPods ? all : [all[0]];
      if (all.length > 1 && !allPods) inv.stderr.write(`Found ${all.length} pods, using pod/${all[0].metadata.name}\n`);
      chosenFromMany = allPods;
    }
  }
  const out: LogRequest[] = [];
  for (const pod of pods) {
    if (!allContainers) {
      out.push({ pod, container: logsContainer(pod, o.container, chosenFromMany, inv.stderr) });
      continue;
    }
    for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])]) out.push({ pod, container: c.name });
  }
  return out;
}

/** -f: every stream at once (sequentially when there is one), until they end or Ctrl+C. */
async function followAll(o: Options, inv: Invocation, requests: LogRequest[], ignore: boolean): Promise<number | void> {
  const client = inv.client();
  let failure: Error | undefined;
  const closers: (() => void)[] = [];
  let open = requests.length;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const onAbort = () => finish();
  inv.signal.addEventListener('abort', onAbort, { once: true });
  for (const r of requests) {
    const ended = () => {
      if (--open <= 0) finish();
    };
    // kubelet ends a follow stream when the container stops; here the client notices the pod going.
    const podWatch = client.watch(
      { method: 'GET', path: resourcePath(CORE('pods'), r.pod.metadata.namespace), query: { watch: 'true', fieldSelector: `metadata.name=${r.pod.metadata.name}` } },
      (e) => {
        if (e.type === 'DELETED' || (e.type === 'MODIFIED' && e.object.metadata.uid !== r.pod.metadata.uid)) {
          handle.close();
          podWatch.stop();
          ended();
        }
      },
    );
    const handle = client.stream(
      { method: 'GET', path: logPath(r), query: { ...o.query, container: r.container } },
      {
        data: (chunk) => writePrefixed(inv, o, r, chunk),
        end: (status?: Status) => {
          podWatch.stop();
          if (status && status.status === 'Failure') {
            const err = new ApiStatusError(status);
            if (ignore) inv.stdout.write(`error: ${err.message}\n`);
            else {
              failure ??= err;
              finish();
            }
          }
          ended();
        },
      },
    );
    closers.push(() => {
      handle.close();
      podWatch.stop();
    });
    if (failure) break;
  }
  if (!failure) await done;
  inv.signal.removeEventListener('abort', onAbort);
  for (const c of closers) c();
  if (failure) throw failure;
  if (inv.signal.aborted) return 130;
}
