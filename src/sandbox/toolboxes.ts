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
  /** The image's default command when it is a shell (what `kubectl attach` reaches). */
  cmd?: string;
}

const BUSYBOX: Toolbox = {
  shells: ['sh'],
  net: ['wget', 'nslookup', 'ping', 'nc', 'ip', 'hostname'],
  flavor: 'busybox',
  ps1: { sh: '\\w \\$ ' },
  workdir: '/',
  cmd: 'sh',
};

const NETSHOOT: Toolbox = {
  shells: ['sh', 'bash', 'zsh'],
  net: ['curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'ip', 'hostname'],
  flavor: 'netshoot',
  // Alpine's /etc/bash/bashrc sets PS1='\h:\w\$ ' (`tmp-shell:~# `); its default CMD is zsh.
  ps1: { bash: '\\h:\\w\\$ ', zsh: '\\h:\\w\\$ ', sh: '\\w \\$ ' },
  workdir: '/root',
  cmd: 'zsh',
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
  // ash's own default prompt (`/ # `); /etc/profile's `\h:\w\$ ` is for login shells only.
  alpine: BUSYBOX,
  'nicolaka/netshoot': NETSHOOT,
  'bretfisher/netshoot': NETSHOOT,
  nginx: DEBIAN,
  httpd: DEBIAN,
  redis: { ...DEBIAN, net: ['hostname', 'redis-cli'] },
  postgres: DEBIAN,
  mongo: DEBIAN,
  'bretfisher/httpenv': { ...BUSYBOX, shells: ['sh'], cmd: undefined },
  'curlimages/curl': { ...BUSYBOX, net: [...BUSYBOX.net, 'curl'], cmd: undefined },
  'traefik/whoami': { shells: [], net: [], flavor: 'host', ps1: {}, workdir: '/' },
  'hashicorp/http-echo': { shells: [], net: [], flavor: 'host', ps1: {}, workdir: '/' },
  // The DNS debugging page's pod: Debian jessie with bind9's nslookup, dig and host.
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': { ...DEBIAN, net: ['nslookup', 'dig', 'host', 'ping', 'hostname'] },
};

const GENERIC: Toolbox = { ...BUSYBOX, net: ['hostname'], cmd: undefined };

export function toolboxFor(image: string): Toolbox {
  const repo = image.split('@')[0].replace(/:[^/:]*$/, '').replace(/^docker\.io\/(library\/)?/, '');
  return TABLE[repo] ?? GENERIC;
}

/** The learner's own machine and the nodes: a full Linux userland. */
export const LAPTOP: Toolbox = {
  shells: ['sh', 'bash'],
  net: ['curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'ip', 'hostname', 'redis-cli', 'mongosh'],
  flavor: 'host',
  ps1: { bash: '\\u@\\h:\\w\\$ ' },
  workdir: '~',
};
