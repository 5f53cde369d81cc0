// Models describe.go's describeContainers and helpers: one block per container with its image,
// ports, command, state, resources, probes, environment and mounts.

import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.ts';
import { milliValue, q, qs, value } from './quantity.ts';
import { rfc1123z } from './time.ts';
import type { Json } from './types.ts';

export type EnvResolver = (env: Json) => string;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function describeContainers(
  label: string,
  containers: Json[] | undefined,
  statuses: Json[] | undefined,
  resolver: EnvResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map<string, Json>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(LEVEL_0, `${space}${label}:${containers?.length ? '' : ' <none>'}\n`);
  for (const c of containers ?? []) {
    const status = byName.get(c.name);
    describeBasicInfo(c, status, space, w);
    describeCommand(c, w);
    if (status) describeContainerState(status, w);
    describeResources(c.resources, w, LEVEL_2);
    describeProbes(c, w);
    if (c.envFrom?.length) describeEnvFrom(c, w);
    describeEnvVars(c, resolver, w);
    describeMounts(c, w);
  }
}

function portList(ports: Json[] | undefined, field: 'containerPort' | 'hostPort'): string {
  return (ports ?? [])
    .map((p) => {
      const s = `${p[field] ?? 0}/${p.protocol ?? ''}`;
      return p.name ? `${s} (${p.name})` : s;
    })
    .join(', ');
}

function describeBasicInfo(c: Json, status: Json | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = portList(c.ports, 'containerPort');
  if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`);
  else w.write(LEVEL_2, `Port:\t${ports || '<none>'}\n`);
  const hostPorts = portList(c.ports, 'hostPort');
  if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${hostPorts || '<none>'}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function describeCommand(c: Json, w: PrefixWriter): void {
  for (const [title, list] of [
    ['Command', c.command],
    ['Args', c.args],
  ] as const) {
    if (!list?.length) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of list as string[]) for (const s of item.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

/** describeResources: Limits then Requests, each sorted by resource name. */
export function describeResources(res: Json, w: PrefixWriter, level: number): void {
  if (!res) return;
  for (const [title, list] of [
    ['Limits', res.limits],
    ['Requests', res.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort(byString);
    if (names.length) w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${qs(list[n])}\n`);
  }
}

const printBool = (b: unknown): string => (b ? 'True' : 'False');

function describeContainerState(status: Json, w: PrefixWriter): void {
  describeStatus('State', status.state, w);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

function describeStatus(name: string, state: Json, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** net.JoinHostPort: brackets around IPv6 hosts. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** DescribeProbe. */
export function describeProbe(p: Json): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s ` +
    `#success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = g.port === undefined || g.port === null ? '' : String(g.port);
    const host = port ? joinHostPort(g.host ?? '', port) : (g.host ?? '');
    const scheme = String(g.scheme ?? '').toLowerCase();
    let path: string = g.path ?? '';
    if (path && !path.startsWith('/') && host) path = '/' + path;
    const url = (scheme ? `${scheme}:` : '') + (scheme || host ? `//${host}` : '') + path;
    return `http-get ${url} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeProbes(c: Json, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

function describeEnvFrom(c: Json, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const optional = ref?.optional === true;
    if (!e.prefix) w.write(LEVEL_3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

/** resourcehelper.ExtractContainerResourceValue for `limits.cpu`, `requests.memory`, ... */
function containerResourceValue(ref: Json, c: Json): string {
  const [kind, name] = String(ref.resource ?? '').split('.');
  const amount = q(c.resources?.[kind]?.[name]);
  const divisor = q(ref.divisor ?? '1');
  if (name === 'cpu') return String(Math.ceil(milliValue(amount) / Math.max(1, milliValue(divisor))));
  if (name === 'memory' || name === 'ephemeral-storage') return String(Math.ceil(value(amount) / Math.max(1, value(divisor))));
  return '';
}

function describeEnvVars(c: Json, resolver: EnvResolver | undefined, w: PrefixWriter): void {
  w.write(LEVEL_2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`);
  for (const e of c.env ?? []) {
    const vf = e.valueFrom;
    if (!vf) {
      String(e.value ?? '')
        .split('\n')
        .forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    if (vf.fieldRef) {
      const v = resolver ? resolver(e) : '';
      w.write(LEVEL_3, `${e.name}:\t${v} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.resourceFieldRef) {
      let v = containerResourceValue(vf.resourceFieldRef, c);
      const r = vf.resourceFieldRef.resource;
      if (v === '0' && (r === 'limits.cpu' || r === 'limits.memory')) v = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${v} (${r})\n`);
    } else if (vf.secretKeyRef) {
      const s = vf.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${s.key}' in secret '${s.name ?? ''}'>\tOptional: ${s.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      const s = vf.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${s.key}' of config map '${s.name ?? ''}'>\tOptional: ${s.optional === true}\n`);
    }
  }
}

/** Go's %q of a plain string. */
const goQuote = (s: string): string => JSON.stringify(s);

function describeMounts(c: Json, w: PrefixWriter): void {
  const none = c.volumeMounts?.length ? '' : '\t<none>';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => byString(a.mountPath, b.mountPath));
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  if (c.volumeDevices?.length) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    const devices = [...c.volumeDevices].sort((a, b) => byString(a.devicePath, b.devicePath));
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}
