// A container's environment as the kubelet builds it: image defaults, Service links for the
// Services that existed when the container started (enableServiceLinks), then the container's own
// env (later entries win; $(VAR) references expanded as the kubelet does).

import type { KObject } from '../../apiserver/types.ts';
import { parseTimestamp } from '../../apiserver/meta.ts';
import type { ClusterView } from '../view.ts';

const IMAGE_ENV: Record<string, Record<string, string>> = {
  nginx: { NGINX_VERSION: '1.29.3', NJS_VERSION: '0.9.4', NJS_RELEASE: '1~trixie', PKG_RELEASE: '1~trixie', DYNPKG_RELEASE: '1~trixie' },
  redis: { REDIS_DOWNLOAD_URL: 'http://download.redis.io/releases/redis-8.2.2.tar.gz' },
};

/** Service environment variables (pkg/kubelet/envvars): FOO_SERVICE_HOST, FOO_PORT_80_TCP, … */
export function serviceEnv(svc: KObject): Record<string, string> {
  const out: Record<string, string> = {};
  const ip = svc.spec?.clusterIP;
  if (!ip || ip === 'None' || svc.spec?.type === 'ExternalName') return out;
  const name = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
  const ports = svc.spec?.ports ?? [];
  if (!ports.length) return out;
  out[`${name}_SERVICE_HOST`] = ip;
  out[`${name}_SERVICE_PORT`] = String(ports[0].port);
  for (const p of ports) if (p.name) out[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
  const first = ports[0];
  out[`${name}_PORT`] = `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`;
  for (const p of ports) {
    const proto = (p.protocol ?? 'TCP').toUpperCase();
    const prefix = `${name}_PORT_${p.port}_${proto}`;
    out[prefix] = `${proto.toLowerCase()}://${ip}:${p.port}`;
    out[`${prefix}_PROTO`] = proto.toLowerCase();
    out[`${prefix}_PORT`] = String(p.port);
    out[`${prefix}_ADDR`] = ip;
  }
  return out;
}

export function containerEnv(view: ClusterView, pod: KObject, container: { name: string; image: string; env?: { name: string; value?: string }[] }): Record<string, string> {
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.spec?.hostname ?? pod.metadata.name!,
  };
  const repo = container.image.split('@')[0].replace(/:[^/:]*$/, '').replace(/^docker\.io\/(library\/)?/, '');
  Object.assign(env, IMAGE_ENV[repo] ?? {});
  const started = parseTimestamp(pod.status?.startTime ?? pod.metadata.creationTimestamp) ?? Infinity;
  if (pod.spec?.enableServiceLinks !== false) {
    for (const svc of view.services(pod.metadata.namespace)) {
      if ((parseTimestamp(svc.metadata.creationTimestamp) ?? 0) <= started) Object.assign(env, serviceEnv(svc));
    }
  }
  // The master service is always linked, from the default namespace.
  const k = view.service('default', 'kubernetes');
  if (k) Object.assign(env, serviceEnv(k));
  for (const e of container.env ?? []) env[e.name] = expandRefs(e.value ?? '', env);
  env.HOME ??= '/root';
  return env;
}

/** $(VAR) expansion of env values; $$(VAR) escapes. */
function expandRefs(v: string, env: Record<string, string>): string {
  return v.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name) => (m === '$$' ? '$' : name in env ? env[name] : m));
}
