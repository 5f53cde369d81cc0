// The control loops of the emulated cluster, in the order they start (kube-controller-manager's
// controllers, the scheduler, then the kubelets).

import type { Controller } from './controller.ts';
import { DeploymentController } from './deployment/controller.ts';
import { ReplicaSetController } from './replicaset/controller.ts';
import { EndpointsController } from './endpoints/controller.ts';
import { EndpointSliceController } from './endpointslice/controller.ts';
import { LoadBalancerController } from './loadbalancer/controller.ts';
import { GarbageCollector } from './gc/controller.ts';
import { NamespaceController } from './namespace/controller.ts';
import { NamespaceDefaultsController } from './namespace/defaults.ts';
import { IngressNginxController } from './ingress/controller.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import { Kubelet } from '../kubelet/kubelet.ts';

export function defaultControllers(): Controller[] {
  return [
    new NamespaceDefaultsController(),
    new NamespaceController(),
    new GarbageCollector(),
    new DeploymentController(),
    new ReplicaSetController(),
    new EndpointsController(),
    new EndpointSliceController(),
    new LoadBalancerController(),
    new IngressNginxController(),
    new Scheduler(),
    new Kubelet(),
  ];
}
