// A sandbox: one cluster and the machines around it — the learner's laptop (with kubectl), the
// nodes (`ssh NODE`) and the Pods (`kubectl exec`, `kubectl run -it`) — each a shell with the
// tools that machine has. The worker and the CLI both host one of these.

import { createCluster, type Cluster, type ClusterOptions } from '../cluster/cluster.ts';
import type { KObject } from '../cluster/apiserver/types.ts';
import { ShellSession, VirtualFs, createDefaultPrograms, type Program } from '../shell/index.ts';
import { netPrograms, nodeHost, outsideHost, podHost } from '../shell/net/index.ts';
import { clockSleep, type ClockMode, type Sleep } from './sleep.ts';
import { LAPTOP, toolboxFor, type Toolbox } from './toolboxes.ts';
import { sshProgram } from './ssh.ts';
import { installDocsExamples } from './examples/index.ts';
import { registerStreams } from './streams/index.ts';

export interface SandboxOptions extends ClusterOptions {
  /** realtime: something drives the clock from real time; virtual: sleeping advances it. */
  clock?: ClockMode;
}

export class Sandbox {
  readonly cluster: Cluster;
  readonly sleep: Sleep;
  readonly mode: ClockMode;
  readonly kubectl: Program;
  /** The learner's machine's files, shared by all its terminals (and later the editor). */
  readonly laptopFs: VirtualFs;
  #podFs = new Map<string, VirtualFs>();

  constructor(opts: SandboxOptions = {}) {
    this.cluster = createCluster(opts);
    const now = () => this.cluster.clock.now();
    this.laptopFs = new VirtualFs({ home: '/home/learner', now });
    this.mode = opts.clock ?? 'realtime';
    this.sleep = clockSleep(this.cluster.clock, this.mode);
    this.kubectl = this.#lazyKubectl();
    registerStreams(this);
    installDocsExamples();
  }

  /**
   * kubectl is the largest part of the worker: it loads on first use (the page preloads it right
   * after the first prompt, see preload()), so the first prompt does not wait for it.
   */
  #lazyKubectl(): Program {
    return async (ctx) => {
      try {
        return await (await this.preload())(ctx);
      } finally {
        // Controllers react to a write within milliseconds in a real cluster: let the work it
        // queued for "now" run before the next command (`kubectl scale --replicas=0; kubectl
        // scale --replicas=2` on one line must recreate the Pods, in either clock mode).
        this.cluster.clock.runDue();
      }
    };
  }

  #kubectlModule: Promise<Program> | undefined;

  /** `minikube` (docs compatibility) is rarely typed: it loads on first use. */
  #lazyMinikube(): Program {
    let program: Promise<Program> | undefined;
    return async (ctx) => {
      program ??= import('./minikube.ts').then(
        (m) => m.minikubeProgram(this),
        (error: unknown) => {
          program = undefined;
          throw error;
        },
      );
      return (await program)(ctx);
    };
  }

  /** Load kubectl now (idempotent). */
  preload(): Promise<Program> {
    this.#kubectlModule ??= import('../kubectl/index.ts').then(
      (m) => m.createKubectl(() => this.cluster.api),
      (error: unknown) => {
        // A chunk that failed to load (offline, a redeploy) is retried on the next command.
        this.#kubectlModule = undefined;
        throw error;
      },
    );
    return this.#kubectlModule;
  }

  /** Programs of a machine: the shell's own, the network tools it has, and extras. */
  #programs(box: Toolbox, extra: Record<string, Program> = {}): Map<string, Program> {
    const programs = createDefaultPrograms();
    const net = netPrograms();
    for (const name of box.net) {
      const p = net.get(name);
      if (p) programs.set(name, p);
    }
    for (const [k, v] of Object.entries(extra)) programs.set(k, v);
    return programs;
  }

  /** A shell on the learner's machine, outside the cluster, with kubectl configured. */
  laptopShell(): ShellSession {
    return new ShellSession({
      fs: this.laptopFs,
      programs: this.#programs(LAPTOP, { kubectl: this.kubectl, ssh: sshProgram(this), minikube: this.#lazyMinikube() }),
      host: outsideHost(this.cluster.network, 'laptop', this.cluster.clock),
      sleep: this.sleep,
      hostname: 'laptop',
    });
  }

  /** A root shell on a node (`ssh minikube-m02`): it reaches Pod IPs and ClusterIPs. */
  nodeShell(node: KObject): ShellSession {
    const name = node.metadata.name!;
    return new ShellSession({
      programs: this.#programs(LAPTOP),
      host: nodeHost(this.cluster.network, node, this.cluster.clock),
      sleep: this.sleep,
      user: 'docker',
      hostname: name,
      ps1: '\\u@\\h:\\w\\$ ',
    });
  }

  /** A shell inside a Pod's container (exec / run -it), or undefined when the image has no such shell. */
  podShell(pod: KObject, container: { name: string; image: string }, shell: string): ShellSession | undefined {
    const box = toolboxFor(container.image);
    const bin = shell.split('/').pop()!;
    if (!box.shells.includes(bin)) return undefined;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}/${container.name}`;
    const fs = this.#podFs.get(key) ?? new VirtualFs({ home: '/root', cwd: box.workdir === '~' ? '/root' : box.workdir, now: () => this.cluster.clock.now() });
    this.#podFs.set(key, fs);
    const host = podHost(this.cluster.network, pod, box.flavor, this.cluster.clock);
    if (host.resolvConf) fs.writeFile('/etc/resolv.conf', host.resolvConf);
    const env = this.cluster.network.appContext(pod, container).env;
    return new ShellSession({
      fs,
      programs: this.#programs(box),
      host,
      sleep: this.sleep,
      user: 'root',
      hostname: host.hostname,
      env,
      ps1: box.ps1[bin] ?? '\\$ ',
    });
  }
}
