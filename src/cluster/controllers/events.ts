// core/v1 Events, as client-go's EventRecorder writes them (tools/record/event.go) with its
// EventCorrelator's de-duplication (tools/record/events_cache.go): an event identical in source,
// object, type, reason and message to an earlier one bumps that Event's count and lastTimestamp
// instead of creating a new object.

import type { Clock } from '../clock.ts';
import type { Random } from '../random.ts';
import type { Kube } from '../apiserver/typed.ts';
import { R } from '../apiserver/resources.ts';
import { timestamp } from '../apiserver/meta.ts';
import type { KObject } from '../apiserver/types.ts';
import type { EventRecorder } from './controller.ts';

interface Seen {
  namespace: string;
  name: string;
  count: number;
}

/** The recorder every controller shares; `fieldPath` names a container (spec.containers{nginx}). */
export interface FieldEventRecorder extends EventRecorder {
  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, component?: string, host?: string, fieldPath?: string): void;
}

export function createEventRecorder(kube: Kube, clock: Clock, rng: Random): FieldEventRecorder {
  const seen = new Map<string, Seen>();
  // Upstream names an Event <object>.<UnixNano in hex> (tools/record/event.go makeEvent), so an
  // object's events sort by name in the order they happened; we keep that, with random nanos.
  let lastNs = 0n;
  const nameSuffix = () => {
    let ns = BigInt(clock.now()) * 1_000_000n + BigInt(rng.int(1_000_000));
    if (ns <= lastNs) ns = lastNs + 1n + BigInt(rng.int(1000));
    lastNs = ns;
    return ns.toString(16);
  };
  return {
    event(obj, type, reason, message, component = 'kube-controller-manager', host, fieldPath) {
      const m = obj.metadata;
      const namespace = m.namespace || 'default';
      const involvedObject: Record<string, unknown> = {
        kind: obj.kind,
        namespace: m.namespace,
        name: m.name,
        uid: m.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: m.resourceVersion,
      };
      if (!m.namespace) delete involvedObject.namespace;
      if (fieldPath) involvedObject.fieldPath = fieldPath;
      const key = [component, host ?? '', obj.kind, m.namespace ?? '', m.name, fieldPath ?? '', m.uid, obj.apiVersion, type, reason, message].join('\u0000');
      const now = timestamp(clock.now());
      const prev = seen.get(key);
      try {
        if (prev) {
          prev.count++;
          const patched = patchCount(kube, prev, now);
          if (patched) return;
        }
        const name = `${m.name}.${nameSuffix()}`;
        kube.create(R.events, {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject,
          reason,
          message,
          source: host ? { component, host } : { component },
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
          type,
          eventTime: null,
          reportingComponent: component,
          reportingInstance: host ?? '',
        });
        seen.set(key, { namespace, name, count: 1 });
        // client-go keeps an LRU of 4096 keys; the oldest are forgotten first.
        if (seen.size > 4096) seen.delete(seen.keys().next().value!);
      } catch {
        // Events are best effort, as in client-go: a failed write never fails the caller.
      }
    },
  };
}

function patchCount(kube: Kube, s: Seen, now: string): boolean {
  try {
    kube.patch(R.events, s.namespace, s.name, { count: s.count, lastTimestamp: now }, 'merge');
    return true;
  } catch {
    return false;
  }
}
