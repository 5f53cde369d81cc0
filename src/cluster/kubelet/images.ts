// The images the emulated container runtime knows: size, digest, the ports the main process
// listens on and what it does when started without a command. Unknown images fail to pull, as
// from a registry that has no such repository. Simulated apps (network/) attach to these names.

export interface ImageInfo {
  /** Normalised repository: `nginx`, `bretfisher/httpenv`, `registry.k8s.io/coredns/coredns`. */
  repo: string;
  sizeBytes: number;
  /** TCP ports the default process listens on (readiness probes against others fail). */
  ports: number[];
  /** The default process exits (shell images without a TTY): after ms, with this code. */
  exits?: { code: number; afterMs: number };
  /** The default process is PID 1 without a SIGTERM handler (sleep, sh): deletion waits the full grace period. */
  ignoresSigterm?: boolean;
  /** Already on every node (cluster images): IfNotPresent pulls report "already present". */
  preloaded?: boolean;
  /** Env var required for the default process to start (postgres' POSTGRES_PASSWORD). */
  requiresEnv?: { name: string; unless?: string; exitCode: number };
}

const table = new Map<string, ImageInfo>();

/** Add or replace an image (lessons and simulated apps may register their own). */
export function registerImage(info: ImageInfo): void {
  table.set(info.repo, info);
}

for (const i of [
  { repo: 'nginx', sizeBytes: 72_195_292, ports: [80] },
  { repo: 'httpd', sizeBytes: 148_131_417, ports: [80] },
  { repo: 'bretfisher/httpenv', sizeBytes: 6_319_458, ports: [8888] },
  { repo: 'jpetazzo/httpenv', sizeBytes: 6_319_458, ports: [8888] },
  { repo: 'traefik/whoami', sizeBytes: 6_962_346, ports: [80] },
  { repo: 'hashicorp/http-echo', sizeBytes: 6_028_013, ports: [5678] },
  { repo: 'kicbase/echo-server', sizeBytes: 4_939_776, ports: [8080] },
  { repo: 'gcr.io/google-samples/hello-app', sizeBytes: 9_953_232, ports: [8080] },
  { repo: 'k8s.gcr.io/echoserver', sizeBytes: 140_361_104, ports: [8080] },
  { repo: 'registry.k8s.io/echoserver', sizeBytes: 140_361_104, ports: [8080] },
  { repo: 'redis', sizeBytes: 137_466_240, ports: [6379] },
  { repo: 'postgres', sizeBytes: 438_321_568, ports: [5432], requiresEnv: { name: 'POSTGRES_PASSWORD', unless: 'POSTGRES_HOST_AUTH_METHOD', exitCode: 1 } },
  { repo: 'mongo', sizeBytes: 755_084_305, ports: [27017] },
  { repo: 'busybox', sizeBytes: 4_269_694, ports: [], exits: { code: 0, afterMs: 50 }, ignoresSigterm: true },
  { repo: 'alpine', sizeBytes: 8_309_109, ports: [], exits: { code: 0, afterMs: 50 }, ignoresSigterm: true },
  { repo: 'nicolaka/netshoot', sizeBytes: 338_417_098, ports: [], exits: { code: 0, afterMs: 100 }, ignoresSigterm: true },
  { repo: 'bretfisher/netshoot', sizeBytes: 338_417_098, ports: [], exits: { code: 0, afterMs: 100 }, ignoresSigterm: true },
  { repo: 'curlimages/curl', sizeBytes: 24_356_012, ports: [], exits: { code: 2, afterMs: 50 } },
  { repo: 'registry.k8s.io/e2e-test-images/agnhost', sizeBytes: 51_172_418, ports: [], exits: { code: 0, afterMs: 50 } },
  // What a fresh minikube runs, already on its nodes.
  { repo: 'registry.k8s.io/kube-apiserver', sizeBytes: 88_118_568, ports: [8443], preloaded: true },
  { repo: 'registry.k8s.io/kube-controller-manager', sizeBytes: 74_869_632, ports: [10257], preloaded: true },
  { repo: 'registry.k8s.io/kube-scheduler', sizeBytes: 52_818_312, ports: [10259], preloaded: true },
  { repo: 'registry.k8s.io/kube-proxy', sizeBytes: 71_965_864, ports: [10256], preloaded: true },
  { repo: 'registry.k8s.io/etcd', sizeBytes: 195_003_328, ports: [2379, 2381], preloaded: true },
  { repo: 'registry.k8s.io/coredns/coredns', sizeBytes: 75_991_656, ports: [53, 8080, 8181, 9153], preloaded: true },
  { repo: 'registry.k8s.io/pause', sizeBytes: 736_000, ports: [], preloaded: true },
  { repo: 'gcr.io/k8s-minikube/storage-provisioner', sizeBytes: 31_465_472, ports: [], preloaded: true },
  { repo: 'kindest/kindnetd', sizeBytes: 111_232_448, ports: [], preloaded: true },
] as ImageInfo[])
  registerImage(i);

export interface ImageRef {
  /** As written in the pod spec. */
  raw: string;
  repo: string;
  tag: string;
  digest?: string;
}

/** Parse an image reference as docker's ParseNormalizedNamed does (docker.io/library/ dropped). */
export function parseImage(raw: string): ImageRef | undefined {
  if (!raw || /\s/.test(raw)) return undefined;
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = 'latest';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  rest = rest.replace(/^docker\.io\//, '').replace(/^index\.docker\.io\//, '').replace(/^library\//, '');
  if (!rest || /[A-Z]/.test(rest)) return undefined;
  return { raw, repo: rest, tag, digest };
}

export function lookupImage(ref: ImageRef): ImageInfo | undefined {
  return table.get(ref.repo);
}

/** The pull error a registry gives for an image it does not have (docker runtime wording). */
export function pullError(ref: ImageRef): string {
  const host = ref.repo.includes('.') && ref.repo.includes('/') ? ref.repo.split('/')[0] : undefined;
  if (host && host !== 'docker.io')
    return `Error response from daemon: Head "https://${host}/v2/${ref.repo.slice(host.length + 1)}/manifests/${ref.tag}": denied`;
  return `Error response from daemon: pull access denied for ${ref.repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
}

/** A stable fake sha256 digest per repository and tag. */
export function imageDigest(ref: ImageRef): string {
  if (ref.digest?.startsWith('sha256:')) return ref.digest.slice(7);
  let out = '';
  let h = 0x811c9dc5;
  const s = `${ref.repo}:${ref.tag}`;
  while (out.length < 64) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ out.length, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

export interface MainProcess {
  /** ms until the process exits by itself, or undefined when it runs until stopped. */
  exitsAfterMs?: number;
  exitCode: number;
  ignoresSigterm: boolean;
}

interface ContainerSpec {
  command?: string[];
  args?: string[];
  stdin?: boolean;
  env?: { name: string; value?: string }[];
}

/** What the container's main process does, from the image's behaviour and the container's command. */
export function mainProcess(info: ImageInfo, c: ContainerSpec): MainProcess {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const script = argv.join(' ');
  if (c.stdin) return { exitCode: 0, ignoresSigterm: !!info.ignoresSigterm };
  if (info.requiresEnv && !argv.length) {
    const env = new Set((c.env ?? []).map((e) => e.name));
    if (!env.has(info.requiresEnv.name) && !(info.requiresEnv.unless && env.has(info.requiresEnv.unless)))
      return { exitsAfterMs: 300, exitCode: info.requiresEnv.exitCode, ignoresSigterm: false };
  }
  if (!argv.length) return { exitsAfterMs: info.exits?.afterMs, exitCode: info.exits?.code ?? 0, ignoresSigterm: !!info.ignoresSigterm };
  // A command that loops or sleeps forever keeps running; `sleep N` exits after N seconds.
  if (/while\s+true|sleep\s+infinity|tail\s+-f|\bnc\s+-l|httpd|nginx|serve|netexec|pause|-text/.test(script) || !info.exits)
    return { exitCode: 0, ignoresSigterm: /sleep|while|tail/.test(script) || !!info.ignoresSigterm };
  const sleep = /sleep\s+(\d+)/.exec(script);
  if (sleep) return { exitsAfterMs: Number(sleep[1]) * 1000 + 20, exitCode: 0, ignoresSigterm: true };
  if (/exit\s+([1-9]\d*)/.test(script)) return { exitsAfterMs: 50, exitCode: Number(/exit\s+(\d+)/.exec(script)![1]), ignoresSigterm: false };
  return { exitsAfterMs: 50, exitCode: 0, ignoresSigterm: true };
}

