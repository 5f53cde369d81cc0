// The container runtime's side of logging: when a container starts, its process writes its
// start-up lines (nginx's entrypoint, redis' banner) to the container's log.

import type { Clock } from '../clock.ts';
import type { Store } from '../apiserver/store.ts';
import { parseTimestamp } from '../apiserver/meta.ts';
import { LogStore } from '../logs.ts';
import type { NetworkService } from './service.ts';
import { appForImage } from './apps/registry.ts';

export function containerRuntimeLogs(store: Store, network: NetworkService, logs: LogStore, clock: Clock): () => void {
  const started = new Set<string>();
  return store.subscribe((e) => {
    if (e.resource !== '/pods') return;
    const pod = e.object;
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    if (e.type === 'DELETED') {
      logs.dropPod(ns, name);
      for (const k of [...started]) if (k.startsWith(`${ns}/${name}/`)) started.delete(k);
      return;
    }
    for (const st of pod.status?.containerStatuses ?? []) {
      const startedAt = st.state?.running?.startedAt;
      if (!startedAt) continue;
      const key = LogStore.key(ns, name, st.name, st.restartCount ?? 0);
      const seen = `${key}@${startedAt}`;
      if (started.has(seen)) continue;
      started.add(seen);
      const c = (pod.spec?.containers ?? []).find((x: { name: string }) => x.name === st.name);
      const app = c && appForImage(c.image);
      if (!app?.startupLogs) continue;
      const at = parseTimestamp(startedAt) ?? clock.now();
      const ctx = { ...network.appContext(pod, c), now: at };
      for (const line of app.startupLogs(ctx)) logs.append(key, line, at);
    }
  });
}
