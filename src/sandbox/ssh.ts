// `ssh NODE` (sandbox command): a shell on a cluster node, the vantage point that reaches
// everything — Pod IPs, ClusterIPs, NodePorts. `ssh NODE CMD…` runs one command there.
// Accepts node names, their InternalIPs and `user@` prefixes, as a real ssh to the node would.

import type { Program, Terminal } from '../shell/index.ts';
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
      // The remote command's output is ssh's output: it goes down the pipe like any program's.
      const port: Terminal = {
        columns: ctx.terminal?.columns ?? 80,
        write: (d) => ctx.stdout.write(d),
        readLine: async () => {
          const chunk = await ctx.stdin.read();
          return chunk === null ? null : chunk.replace(/\n$/, '');
        },
        onInterrupt: (l) => {
          ctx.signal.addEventListener('abort', l, { once: true });
          return () => ctx.signal.removeEventListener('abort', l);
        },
        clear: () => {},
      };
      return shell.runLine(command, port);
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
