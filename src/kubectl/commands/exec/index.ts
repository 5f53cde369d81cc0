// kubectl exec (pkg/cmd/exec/exec.go, kubectl 1.34): POD or TYPE/NAME (its most active pod),
// the container (-c, else the annotation, else the first with a notice), SetupTTY's rules for
// -i/-t, then the pods/exec stream (remote.ts).

import type { KObject } from '../../../cluster/apiserver/types.ts';
import { defineCommand, type Invocation } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { attachablePod, findOrDefaultContainer, getTarget } from '../../polymorphic/attachable.ts';
import { CORE, resourcePath } from '../../resource/rest.ts';
import { runRemote } from './remote.ts';

interface Options {
  resource: string;
  command: string[];
}

export const STREAM_FLAGS = [
  { name: 'container', shorthand: 'c', type: 'string' },
  { name: 'stdin', shorthand: 'i', type: 'bool' },
  { name: 'tty', shorthand: 't', type: 'bool' },
  { name: 'quiet', shorthand: 'q', type: 'bool' },
] as const;

export default defineCommand<Options>({
  name: 'exec',
  flags: [
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    ...STREAM_FLAGS,
  ],
  complete(inv) {
    const args = inv.args;
    const dash = inv.argsLenAtDash;
    const resource = args.length > 0 && dash !== 0 ? args[0] : '';
    let command: string[] = [];
    if (dash > -1) command = args.slice(dash);
    else if (args.length > 1 || (args.length > 0 && inv.flags.strings('filename').length > 0))
      throw inv.usageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
    return { resource, command };
  },
  validate(o, inv) {
    if (!o.resource && inv.flags.strings('filename').length === 0) throw new CmdError('pod, type/name or --filename must be specified');
    if (o.command.length === 0) throw new CmdError('you must specify at least one command for the container');
  },
  async run(o, inv) {
    if (inv.flags.strings('filename').length > 0) throw new CmdError('exec -f is not available in this sandbox; name the pod instead');
    const obj = getTarget(inv, o.resource);
    const pod = await attachablePod(inv, obj, inv.flags.duration('pod-running-timeout'));
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new CmdError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const quiet = inv.flags.bool('quiet');
    let container = inv.flags.string('container');
    if (!container) container = findOrDefaultContainer(pod, '', quiet, inv.stderr).name;
    const tty = setupTTY(inv, quiet);
    return runRemote(inv, {
      request: streamRequest(pod, 'exec', { container, stdin: inv.flags.bool('stdin'), tty: !!tty }, { command: o.command }),
      stdin: inv.flags.bool('stdin'),
      terminal: tty,
      stderr: true,
    });
  },
});

/** StreamOptions.SetupTTY: -t needs -i and a terminal for stdin. Returns the terminal to carry. */
export function setupTTY(inv: Invocation, quiet: boolean, tty = inv.flags.bool('tty')) {
  if (!inv.flags.bool('stdin') || !tty) return undefined;
  const term = inv.ctx.terminal;
  if (!term || !inv.ctx.stdin.isTTY) {
    if (!quiet) inv.stderr.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    return undefined;
  }
  return term;
}

export function streamRequest(pod: KObject, sub: string, q: { container: string; stdin: boolean; tty: boolean }, body?: unknown) {
  return {
    method: 'POST' as const,
    path: `${resourcePath(CORE('pods'), pod.metadata.namespace, pod.metadata.name)}/${sub}`,
    query: { container: q.container, stdin: String(q.stdin), stdout: 'true', stderr: String(!q.tty), tty: String(q.tty) },
    body,
  };
}
