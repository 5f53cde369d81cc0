// `minikube` on the learner's machine: the sandbox's cluster is shaped like a three-node minikube
// (docker driver on Linux: nodes at 192.168.49.x, NodePorts reachable on the node IPs), so the
// commands the docs and tutorials type answer as minikube v1.37 does there. Strings follow
// kubernetes/minikube (cmd/minikube/cmd/ip.go, service.go, service_list.go, status.go, tunnel.go,
// pkg/minikube/service, pkg/minikube/tunnel/types.go). Nothing here changes the cluster.

import type { KObject } from '../cluster/apiserver/types.ts';
import { R } from '../cluster/apiserver/resources.ts';
import { nodeIP } from '../cluster/network/view.ts';
import { CONTROLLER_VERSION } from '../cluster/network/ingress/app.ts';
import type { Program, ProcessContext } from '../shell/index.ts';
import type { Sandbox } from './sandbox.ts';
import { sshProgram } from './ssh.ts';

const VERSION = 'v1.37.0';

type Ctx = ProcessContext;

const hint = (ctx: Ctx, text: string) => ctx.stderr.write(`hint: ${text}\n`);

/** Flags as minikube's cobra/pflag reads them: `-n X`, `--namespace=X`, `--url`. */
function takeFlag(args: string[], names: string[], takesValue: boolean): string | boolean | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    for (const n of names) {
      if (a === n) {
        if (!takesValue) {
          args.splice(i, 1);
          return true;
        }
        const v = args[i + 1];
        args.splice(i, 2);
        return v ?? '';
      }
      if (takesValue && a.startsWith(n + '=')) {
        args.splice(i, 1);
        return a.slice(n.length + 1);
      }
    }
  }
  return undefined;
}

/**
 * olekukonko/tablewriter as minikube configures it (pkg/minikube/service PrintServiceList): `|`
 * borders, `-` rules, headers centred, numbers right-aligned, multi-line cells split into rows.
 */
export function tableWriter(header: string[], rows: string[][]): string {
  const ncol = Math.max(header.length, ...rows.map((r) => r.length));
  const width = Array.from({ length: ncol }, (_, c) => Math.max(header[c]?.length ?? 0, ...rows.map((r) => Math.max(0, ...(r[c] ?? '').split('\n').map((l) => l.length)))));
  const rule = '|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|\n';
  const center = (s: string, w: number) => {
    const gap = w - s.length;
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + s + ' '.repeat(gap - left);
  };
  let out = rule + '|' + header.map((h, c) => ` ${center(h, width[c])} `).join('|') + '|\n' + rule;
  for (const r of rows) {
    const lines = Math.max(...r.map((cell) => cell.split('\n').length));
    for (let l = 0; l < lines; l++) {
      const cells = r.map((cell, c) => {
        const s = cell.split('\n')[l] ?? '';
        return ' ' + (/^-?\d+(\.\d+)?$/.test(s) ? s.padStart(width[c]) : s.padEnd(width[c])) + ' ';
      });
      out += '|' + cells.join('|') + '|\n';
    }
  }
  return out + rule;
}

export function minikubeProgram(sandbox: Sandbox): Program {
  const kube = () => sandbox.cluster.kube;
  const nodes = () => kube().list(R.nodes);
  const primary = () => nodes()[0];

  /** NodePort URLs of a Service on the primary node, and the port labels service list shows. */
  const urlsOf = (svc: KObject) => {
    const ip = nodeIP(primary());
    const ports = (svc.spec?.ports ?? []) as Array<{ name?: string; port: number; nodePort?: number }>;
    const withNodePort = ports.filter((p) => p.nodePort);
    return { urls: withNodePort.map((p) => `http://${ip}:${p.nodePort}`), names: withNodePort.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port))) };
  };

  const commands: Record<string, (ctx: Ctx, args: string[]) => Promise<number> | number> = {
    ip(ctx, args) {
      const name = takeFlag(args, ['-n', '--node'], true);
      const node = typeof name === 'string' ? nodes().find((n) => n.metadata.name === name) : primary();
      if (!node) {
        ctx.stderr.write(`\n❌  Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node ${String(name)}\n\n`);
        return 85;
      }
      ctx.stdout.write(nodeIP(node) + '\n');
      return 0;
    },

    service(ctx, args) {
      const ns = (takeFlag(args, ['-n', '--namespace'], true) as string | undefined) ?? 'default';
      const url = takeFlag(args, ['--url'], false) === true;
      const all = takeFlag(args, ['--all'], false) === true;
      if (args[0] === 'list') return serviceList(ctx, args.slice(1));
      const name = args[0];
      if (!name && !all) {
        ctx.stderr.write('\n❌  Exiting due to MK_USAGE: You must specify service name(s) or --all\n\n');
        return 64;
      }
      const services = all ? kube().list(R.services, { namespace: ns }) : kube().list(R.services, { namespace: ns }).filter((s) => s.metadata.name === name);
      if (!services.length) {
        ctx.stderr.write(`\n❌  Exiting due to SVC_NOT_FOUND: Service '${name}' was not found in '${ns}' namespace.\nYou may select another namespace by using 'minikube service ${name} -n <namespace>'. Or list out all the services using 'minikube service list'\n\n`);
        return 1;
      }
      let code = 0;
      for (const svc of services) {
        const { urls, names } = urlsOf(svc);
        const full = `${svc.metadata.namespace}/${svc.metadata.name}`;
        if (!urls.length) {
          if (!url) ctx.stdout.write(tableWriter(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [[svc.metadata.namespace!, svc.metadata.name!, '', 'No node port']]));
          ctx.stderr.write(`😿  service ${full} has no node port\n`);
          ctx.stderr.write(`❗  Services [${full}] have type "ClusterIP" not meant to be exposed, however for local development minikube allows you to access this !\n`);
          hint(ctx, `minikube would now open an ssh tunnel to the ClusterIP; the sandbox does not: use \`kubectl port-forward service/${svc.metadata.name} 8080:${(svc.spec?.ports?.[0] as { port?: number } | undefined)?.port ?? 80}\`, or make the Service a NodePort`);
          code = 1;
          continue;
        }
        if (url) {
          ctx.stdout.write(urls.map((u) => u + '\n').join(''));
          continue;
        }
        ctx.stdout.write(tableWriter(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [[svc.metadata.namespace!, svc.metadata.name!, names.join('\n'), urls.join('\n')]]));
        ctx.stdout.write(`🎉  Opening service ${full} in default browser...\n`);
        hint(ctx, `the sandbox has no browser: \`curl ${urls[0]}\` reaches the same address`);
      }
      return code;
    },

    status(ctx) {
      let out = '';
      for (const n of nodes()) {
        const cp = Object.keys(n.metadata.labels ?? {}).includes('node-role.kubernetes.io/control-plane');
        out += `${n.metadata.name}\ntype: ${cp ? 'Control Plane' : 'Worker'}\nhost: Running\nkubelet: Running\n`;
        if (cp) out += 'apiserver: Running\nkubeconfig: Configured\n';
        out += '\n';
      }
      ctx.stdout.write(out);
      return 0;
    },

    async tunnel(ctx) {
      const lbs = kube()
        .list(R.services)
        .filter((s) => s.spec?.type === 'LoadBalancer')
        .map((s) => s.metadata.name);
      const cfg = sandbox.cluster.config;
      ctx.stdout.write(
        `Status:\t\n\tmachine: minikube\n\tpid: 4242\n\troute: ${cfg.serviceCIDR} -> ${nodeIP(primary())}\n\tminikube: Running\n\tservices: [${lbs.join(' ')}]\n    errors: \n\t\tminikube: no errors\n\t\trouter: no errors\n\t\tloadbalancer emulator: no errors\n`,
      );
      hint(ctx, 'in this sandbox LoadBalancer Services already get an EXTERNAL-IP (192.168.49.200 and up) without a tunnel; this one only waits for Ctrl+C, as minikube tunnel does');
      try {
        await new Promise<void>((resolve, reject) => {
          if (ctx.signal.aborted) return resolve();
          ctx.signal.addEventListener('abort', () => resolve(), { once: true });
          void reject;
        });
      } catch {
        /* aborted */
      }
      ctx.stdout.write('✋  Stopped tunnel for service ' + (lbs[0] ?? '') + '.\n');
      return 130;
    },

    addons(ctx, args) {
      const sub = args[0];
      const enabled = new Set(['default-storageclass', 'ingress', 'storage-provisioner']);
      const known: Array<[string, string]> = [
        ['dashboard', 'Kubernetes'],
        ['default-storageclass', 'Kubernetes'],
        ['ingress', 'Kubernetes'],
        ['ingress-dns', 'minikube'],
        ['metallb', '3rd party (MetalLB)'],
        ['metrics-server', 'Kubernetes'],
        ['storage-provisioner', 'minikube'],
      ];
      if (sub === 'list') {
        ctx.stdout.write(tableWriter(['ADDON NAME', 'PROFILE', 'STATUS', 'MAINTAINER'], known.map(([n, m]) => [n, 'minikube', enabled.has(n) ? 'enabled ✅' : 'disabled', m])));
        hint(ctx, 'the sandbox lists the addons it knows about; a real minikube has about forty');
        return 0;
      }
      if (sub === 'enable' || sub === 'disable') {
        const name = args[1];
        const entry = known.find(([n]) => n === name);
        if (!name) {
          ctx.stderr.write(`\n❌  Exiting due to MK_USAGE: usage: minikube addons ${sub} ADDON_NAME\n\n`);
          return 64;
        }
        if (!entry) {
          ctx.stderr.write(`\n❌  Exiting due to MK_ADDON_ENABLE: run callbacks: ${name} is not a valid addon\n\n`);
          return 69;
        }
        if (sub === 'enable' && name === 'ingress') {
          ctx.stdout.write(
            `💡  ingress is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.\nYou can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS\n` +
              `    ▪ Using image registry.k8s.io/ingress-nginx/controller:${CONTROLLER_VERSION}\n    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.6.2\n    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.6.2\n` +
              `🔎  Verifying ingress addon...\n🌟  The 'ingress' addon is enabled\n`,
          );
          hint(ctx, 'the ingress controller was already running in this sandbox (kubectl get pods -n ingress-nginx)');
          return 0;
        }
        if (sub === 'enable' && enabled.has(name)) {
          ctx.stdout.write(`🌟  The '${name}' addon is enabled\n`);
          return 0;
        }
        ctx.stderr.write(`hint: the ${name} addon is not simulated in this sandbox\n`);
        return 1;
      }
      ctx.stderr.write(`\n❌  Exiting due to MK_USAGE: usage: minikube addons [list|enable|disable] ...\n\n`);
      return 64;
    },

    async ssh(ctx, args) {
      const node = takeFlag(args, ['-n', '--node'], true);
      const target = typeof node === 'string' ? node : primary().metadata.name!;
      if (!nodes().some((n) => n.metadata.name === target)) {
        ctx.stderr.write(`\n❌  Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node ${target}\n\n`);
        return 85;
      }
      const rest = args[0] === '--' ? args.slice(1) : args;
      return sshProgram(sandbox)({ ...ctx, argv: ['ssh', target, ...rest] });
    },

    dashboard(ctx) {
      ctx.stdout.write('🔌  Enabling dashboard ...\n');
      hint(ctx, 'the Kubernetes Dashboard is a web UI and is not simulated here; the traffic view (header toggle) shows the cluster, and kubectl get / describe show every object');
      return 1;
    },

    version(ctx) {
      ctx.stdout.write(`minikube version: ${VERSION}\ncommit: 65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3\n`);
      return 0;
    },
  };

  function serviceList(ctx: Ctx, args: string[]): number {
    const ns = takeFlag(args, ['-n', '--namespace'], true) as string | undefined;
    const svcs = kube()
      .list(R.services, ns ? { namespace: ns } : {})
      .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
    const rows = svcs.map((s) => {
      const { urls, names } = urlsOf(s);
      return urls.length ? [s.metadata.namespace!, s.metadata.name!, names.join('\n'), urls.join('\n')] : [s.metadata.namespace!, s.metadata.name!, 'No node port'];
    });
    ctx.stdout.write(tableWriter(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], rows));
    return 0;
  }

  return async (ctx) => {
    const args = ctx.argv.slice(1);
    const sub = args.shift();
    if (!sub || sub === 'help' || sub === '--help' || sub === '-h') {
      ctx.stdout.write(
        'minikube provisions and manages local Kubernetes clusters optimized for development workflows.\n\nCommands in this sandbox:\n  ip          Retrieves the IP address of the specified node\n  service     Returns a URL to connect to a service\n  tunnel      Connect to LoadBalancer services\n  addons      Enable or disable a minikube addon\n  ssh         Log into the minikube environment (for debugging)\n  status      Gets the status of a local Kubernetes cluster\n  dashboard   Access the Kubernetes dashboard running within the minikube cluster\n  version     Print the version of minikube\n',
      );
      return sub ? 0 : 1;
    }
    if (sub === '--version') return commands.version(ctx, args);
    const cmd = commands[sub];
    if (cmd) return cmd(ctx, args);
    if (['start', 'stop', 'delete', 'pause', 'unpause', 'node', 'kubectl', 'docker-env', 'image', 'mount', 'config', 'profile', 'logs', 'update-context'].includes(sub)) {
      hint(ctx, `\`minikube ${sub}\` manages the machine itself, which the sandbox already runs for you; the cluster (\`kubectl get nodes\`) is up`);
      return 1;
    }
    ctx.stderr.write(`Error: unknown command "${sub}" for "minikube"\nRun 'minikube --help' for usage.\n`);
    return 1;
  };
}
