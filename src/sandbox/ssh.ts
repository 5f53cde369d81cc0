// `ssh NODE` (sandbox command): a shell on a cluster node, the vantage point that reaches
// everything — Pod IPs, ClusterIPs, NodePorts. `ssh NODE CMD…` runs one command there.
// Accepts node names, their InternalIPs and `user@` prefixes, as a real ssh to the node would.

import type { Program } from '../shell/index.ts';
import type { Sandbox } from './sandbox.ts';
import { nodeIP } from '../cluster/network/view.ts';
import { R } from '../cluster/apiserver/resources.ts';

export function sshProgram(sandbox: Sandbox): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1).filter((a, i, all) => !(a.startsWith('-') && i < all.findIndex((x) => !x.startsWith('-'))));
    const target = args[0];
    if (!target) {
      ctx.stderr.write('usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n           destination [command [argument ...]]\n');
      return 255;
    }
    const host = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
    const node = sandbox.cluster.kube.list(R.nodes).find((n) => n.metadata.name === host || nodeIP(n) === host);
    if (!node) {
      ctx.stderr.write(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
      ctx.stderr.write(`hint: ssh works with the node names of \`kubectl get nodes\` (or their INTERNAL-IP from -o wide)\n`);
      return 255;
    }
    const shell = sandbox.nodeShell(node);
    const command = args.slice(1).join(' ');
    if (command) {
      if (!ctx.terminal) {
        ctx.stderr.write('ssh: a command needs the terminal in this sandbox\n');
        return 255;
      }
      return shell.runLine(command, ctx.terminal);
    }
    if (!ctx.terminal) {
      ctx.stderr.write('Pseudo-terminal will not be allocated because stdin is not a terminal.\n');
      return 255;
    }
    const code = await shell.repl(ctx.terminal, { announceExit: false });
    ctx.stdout.write(`logout\nConnection to ${nodeIP(node)} closed.\n`);
    return code;
  };
}
