// What is installed in each kind of machine: which shells and tools a container image ships (so
// `kubectl exec … -- bash` fails in busybox as it would), and which build of the network tools.

import type { NetFlavor } from '../shell/net/host.ts';

export interface Toolbox {
  /** Shell binaries present, e.g. ['sh', 'bash']. */
  shells: string[];
  /** Network programs present (curl, wget, nslookup, dig, host, ping, nc, ip, redis-cli). */
  net: string[];
  flavor: NetFlavor;
  /** Prompt for an interactive shell (bash PS1 escapes). */
  ps1: Record<string, string>;
  /** The working directory a shell starts in. */
  workdir: string;
}

const BUSYBOX: Toolbox = {
  shells: ['sh'],
  net: ['wget', 'nslookup', 'ping', 'nc', 'ip', 'hostname'],
  flavor: 'busybox',
  ps1: { sh: '\\w \\$ ' },
  workdir: '/',
};

const NETSHOOT: Toolbox = {
  shells: ['sh', 'bash', 'zsh'],
  net: ['curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'ip', 'hostname'],
  flavor: 'netshoot',
  ps1: { bash: '\\h:\\w\\$ ', zsh: '\\h:\\w\\$ ', sh: '\\h:\\w\\$ ' },
  workdir: '/root',
};

const DEBIAN: Toolbox = {
  shells: ['sh', 'bash'],
  net: ['curl', 'hostname'],
  flavor: 'host',
  ps1: { bash: '\\u@\\h:\\w\\$ ', sh: '# ' },
  workdir: '/',
};

const TABLE: Record<string, Toolbox> = {
  busybox: BUSYBOX,
  alpine: { ...BUSYBOX, ps1: { sh: '\\h:\\w\\$ ' } },
  'nicolaka/netshoot': NETSHOOT,
  'bretfisher/netshoot': NETSHOOT,
  'curlimages/curl': { ...BUSYBOX, net: [...BUSYBOX.net, 'curl'] },
  nginx: DEBIAN,
  httpd: DEBIAN,
  redis: { ...DEBIAN, net: ['hostname', 'redis-cli'] },
  postgres: DEBIAN,
  mongo: DEBIAN,
  'bretfisher/httpenv': { ...BUSYBOX, shells: ['sh'] },
  'traefik/whoami': { shells: [], net: [], flavor: 'host', ps1: {}, workdir: '/' },
  'hashicorp/http-echo': { shells: [], net: [], flavor: 'host', ps1: {}, workdir: '/' },
};

const GENERIC: Toolbox = { ...BUSYBOX, net: ['hostname'] };

export function toolboxFor(image: string): Toolbox {
  const repo = image.split('@')[0].replace(/:[^/:]*$/, '').replace(/^docker\.io\/(library\/)?/, '');
  return TABLE[repo] ?? GENERIC;
}

/** The learner's own machine and the nodes: a full Linux userland. */
export const LAPTOP: Toolbox = {
  shells: ['sh', 'bash'],
  net: ['curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'ip', 'hostname', 'redis-cli'],
  flavor: 'host',
  ps1: { bash: '\\u@\\h:\\w\\$ ' },
  workdir: '~',
};
