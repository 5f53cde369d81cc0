// Every resource the emulator's API server serves, one strategy per file.

import { configmaps } from './configmaps.ts';
import { deployments } from './deployments.ts';
import { endpoints } from './endpoints.ts';
import { endpointslices } from './endpointslices.ts';
import { events } from './events.ts';
import { ingressclasses } from './ingressclasses.ts';
import { ingresses } from './ingresses.ts';
import { namespaces } from './namespaces.ts';
import { nodes } from './nodes.ts';
import { pods } from './pods.ts';
import { replicasets } from './replicasets.ts';
import { secrets } from './secrets.ts';
import { serviceaccounts } from './serviceaccounts.ts';
import { services } from './services.ts';
import type { ResourceStrategy } from './strategy.ts';

export function allStrategies(): ResourceStrategy[] {
  return [namespaces, nodes, pods, services, endpoints, configmaps, secrets, events, serviceaccounts, endpointslices, deployments, replicasets, ingresses, ingressclasses];
}
