// core/v1 Event, what `kubectl describe` lists under "Events:".

import { CORE, MICRO_TIME, int32, kind, listKind, ref, str, struct, time } from './dsl.ts';
import type { Definition } from './types.ts';

const event = kind(CORE + 'Event', { group: '', version: 'v1', kind: 'Event' }, { plural: 'events', namespaced: true }, {
  action: str(),
  count: int32(),
  eventTime: ref(MICRO_TIME),
  firstTimestamp: time(),
  involvedObject: ref(CORE + 'ObjectReference', { required: true }),
  lastTimestamp: time(),
  message: str(),
  reason: str(),
  related: ref(CORE + 'ObjectReference'),
  reportingComponent: str({ default: '' }),
  reportingInstance: str({ default: '' }),
  source: ref(CORE + 'EventSource'),
  type: str(),
});

export const eventDefinitions = [event, listKind(event), struct(CORE + 'EventSource', { component: str(), host: str() })];
