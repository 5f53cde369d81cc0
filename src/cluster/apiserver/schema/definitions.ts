// Every type the emulator serves, structure only (descriptions are joined in by index.ts).
// Adding a kind: write <kind>.ts with kind(...) + its structs, and list it here.

import { configDefinitions } from './config.ts';
import { deploymentDefinitions } from './deployment.ts';
import { endpointsDefinitions } from './endpoints.ts';
import { endpointSliceDefinitions } from './endpointslice.ts';
import { eventDefinitions } from './event.ts';
import { ingressDefinitions } from './ingress.ts';
import { metaDefinitions } from './meta.ts';
import { namespaceDefinitions } from './namespace.ts';
import { nodeDefinitions } from './node.ts';
import { podDefinitions } from './pod.ts';
import { serviceDefinitions } from './service.ts';
import type { Definition } from './types.ts';

export const structuralDefinitions: Definition[] = [
  ...metaDefinitions,
  ...podDefinitions,
  ...serviceDefinitions,
  ...endpointsDefinitions,
  ...namespaceDefinitions,
  ...nodeDefinitions,
  ...configDefinitions,
  ...eventDefinitions,
  ...deploymentDefinitions,
  ...endpointSliceDefinitions,
  ...ingressDefinitions,
];
