// Which app runs in which image. Images that serve nothing (busybox, netshoot …) have no entry:
// connections to them are refused, as to a container whose process listens on no port.

import { parseImage } from '../../kubelet/images.ts';
import { nginx } from './nginx.ts';
import { helloApp, httpEcho, httpenv, redis, whoami } from './small-apps.ts';
import type { App } from './types.ts';

const apps = new Map<string, App>([
  ['nginx', nginx],
  ['nginxinc/nginx-unprivileged', { ...nginx, ports: () => [8080] }],
  ['bretfisher/httpenv', httpenv],
  ['jpetazzo/httpenv', httpenv],
  ['traefik/whoami', whoami],
  ['containous/whoami', whoami],
  ['hashicorp/http-echo', httpEcho],
  ['gcr.io/google-samples/hello-app', helloApp],
  ['us-docker.pkg.dev/google-samples/containers/gke/hello-app', helloApp],
  ['redis', redis],
]);

export function registerApp(repo: string, app: App): void {
  apps.set(repo, app);
}

export function appForImage(image: string): App | undefined {
  const ref = parseImage(image);
  return ref ? apps.get(ref.repo) : undefined;
}
