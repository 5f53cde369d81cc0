// kubectl config set-context and use-context (pkg/cmd/config/create_context.go,
// use_context.go) over the sandbox's one context: set-context changes its namespace (saved to
// $HOME/.kube/config), use-context accepts it. Other contexts cannot be made here.

import { defineCommand } from '../../command.ts';
import { CmdError } from '../../errors.ts';
import { helpText } from '../../help/index.ts';
import { saveKubeconfig } from '../../kubeconfig-file.ts';

export const configSetContext = defineCommand<{ name: string }>({
  name: 'set-context',
  flags: [
    { name: 'current', type: 'bool' },
    { name: 'cluster', type: 'string' },
    { name: 'user', type: 'string' },
  ],
  complete(inv) {
    const current = inv.flags.bool('current');
    if (inv.args.length > 1) throw inv.usageError(`Unexpected args: [${inv.args.join(' ')}]`);
    const name = inv.args[0] ?? '';
    if (current && name) throw new CmdError('you cannot specify both a context name and --current');
    if (!current && !name) throw new CmdError('you must specify a non-empty context name or --current');
    return { name: current ? inv.config.currentContext : name };
  },
  run(o, inv) {
    const c = inv.config;
    if (o.name !== c.currentContext) throw new CmdError(`"kubectl config set-context ${o.name}" is not available in this sandbox: it has one context, ${c.currentContext}`);
    const f = inv.flags;
    for (const [flag, value] of [['cluster', c.cluster], ['user', c.user]] as const)
      if (f.changed(flag) && f.string(flag) !== value) throw new CmdError(`--${flag}=${f.string(flag)} is not available in this sandbox: it has one ${flag}, ${value}`);
    // The global -n/--namespace flag is this command's --namespace.
    const namespace = f.changed('namespace') ? f.string('namespace') : c.namespace;
    saveKubeconfig(inv.ctx, { ...c, namespace });
    inv.stdout.write(`Context "${o.name}" modified.\n`);
  },
});

export const configUseContext = defineCommand<{ name: string }>({
  name: 'use-context',
  aliases: ['use'],
  async complete(inv) {
    // use_context.go: the help on stdout, then the error.
    if (inv.args.length !== 1) {
      inv.stdout.write((await helpText('config use-context', inv.ctx.env.HOME || '/root')) ?? '');
      throw new CmdError(`Unexpected args: [${inv.args.join(' ')}]`);
    }
    return { name: inv.args[0] };
  },
  run(o, inv) {
    if (o.name !== inv.config.currentContext) throw new CmdError(`no context exists with the name: "${o.name}"`);
    inv.stdout.write(`Switched to context "${o.name}".\n`);
  },
});
