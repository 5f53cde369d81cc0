// kubectl attach (pkg/cmd/attach/attach.go, kubectl 1.34): POD, TYPE/NAME or TYPE NAME → the
// most active pod, then session.ts.

import { defineCommand } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { attachablePod, getTarget } from '../../polymorphic/attachable.ts';
import { STREAM_FLAGS } from '../exec/index.ts';
import { attachToPod } from './session.ts';

export default defineCommand<{ timeout: number }>({
  name: 'attach',
  flags: [{ name: 'pod-running-timeout', type: 'duration', default: 60_000 }, ...STREAM_FLAGS],
  complete: (inv) => ({ timeout: inv.flags.duration('pod-running-timeout') }),
  validate(o, inv) {
    const n = inv.args.length;
    if (n === 0) throw new CmdError('at least 1 argument is required for attach');
    if (n > 2) throw new CmdError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${n}: [${inv.args.join(' ')}]`);
    if (o.timeout <= 0) throw new CmdError('--pod-running-timeout must be higher than zero');
  },
  async run(o, inv) {
    const obj = getTarget(inv, inv.args[0], inv.args[1]);
    const pod = await attachablePod(inv, obj, o.timeout);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new CmdError(`cannot attach a container in a completed pod; current phase is ${phase}`);
    const f = inv.flags;
    return attachToPod(inv, pod, { container: f.string('container'), stdin: f.bool('stdin'), tty: f.bool('tty'), quiet: f.bool('quiet'), commandName: 'kubectl attach' });
  },
});
