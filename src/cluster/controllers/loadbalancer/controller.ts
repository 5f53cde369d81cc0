// Load balancers for Services of type LoadBalancer. Models the cloud provider's service
// controller (k8s.io/cloud-provider/controllers/service/controller.go): its finalizer
// service.kubernetes.io/load-balancer-cleanup, its Events (EnsuringLoadBalancer /
// EnsuredLoadBalancer, DeletingLoadBalancer / DeletedLoadBalancer) and status.loadBalancer.ingress.
// We chose the cloud controller's Events over MetalLB's IPAllocated because its texts are the ones
// Kubernetes documents. The "cloud" hands out addresses from config.loadBalancerPool after a short
// delay, so <pending> is visible for a moment.

import { R } from '../../apiserver/resources.ts';
import type { KObject } from '../../apiserver/types.ts';
import type { Controller, ControllerEnv } from '../controller.ts';
import { informer, keyOf, splitKey, type Informer } from '../util/informer.ts';
import { WorkQueue } from '../util/queue.ts';

const COMPONENT = 'service-controller';
export const LB_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
/** How long the "cloud" takes to provision a load balancer. */
export const PROVISION_MS = 1500;

export class LoadBalancerController implements Controller {
  readonly name = 'service-lb';
  #env!: ControllerEnv;
  #queue!: WorkQueue;
  #services!: Informer;
  #unsub?: () => void;
  /** Services being provisioned (key → ready at). */
  #provisioning = new Map<string, number>();

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#queue = new WorkQueue(this.name, env.clock, (k) => this.#sync(k));
    this.#services = informer(env.kube, R.services);
    this.#unsub = this.#services.on((_t, s) => this.#queue.add(keyOf(s)));
  }

  stop(): void {
    this.#unsub?.();
    this.#queue.stop();
  }

  #sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.#services.get(ns, name);
    if (!svc) return void this.#provisioning.delete(key);
    const { kube, events, clock } = this.#env;
    const wants = svc.spec?.type === 'LoadBalancer' && !svc.metadata.deletionTimestamp;
    const hasFinalizer = svc.metadata.finalizers?.includes(LB_FINALIZER);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (!wants) {
      this.#provisioning.delete(key);
      if (!hasFinalizer && !ingress.length) return;
      events.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', COMPONENT);
      if (ingress.length) kube.updateStatus(R.services, { ...structuredClone(svc), status: { ...svc.status, loadBalancer: {} } });
      events.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', COMPONENT);
      if (hasFinalizer) {
        const cur = this.#services.get(ns, name)!;
        const next = structuredClone(cur);
        next.metadata.finalizers = cur.metadata.finalizers!.filter((f) => f !== LB_FINALIZER);
        kube.update(R.services, next);
      }
      return;
    }
    if (!hasFinalizer) {
      const next = structuredClone(svc);
      next.metadata.finalizers = [...(svc.metadata.finalizers ?? []), LB_FINALIZER];
      kube.update(R.services, next);
      return; // the update brings us back
    }
    if (ingress.length) return;
    const readyAt = this.#provisioning.get(key);
    if (readyAt === undefined) {
      events.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', COMPONENT);
      this.#provisioning.set(key, clock.now() + PROVISION_MS);
      this.#queue.add(key, PROVISION_MS);
      return;
    }
    if (clock.now() < readyAt) return this.#queue.add(key, readyAt - clock.now());
    const ip = this.#pickIP(svc);
    this.#provisioning.delete(key);
    if (!ip) {
      events.event(svc, 'Warning', 'SyncLoadBalancerFailed', 'Error syncing load balancer: failed to ensure load balancer: no available IPs in the pool', COMPONENT);
      return this.#queue.add(key, 60_000);
    }
    kube.updateStatus(R.services, { ...structuredClone(svc), status: { ...svc.status, loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } });
    events.event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', COMPONENT);
  }

  #pickIP(svc: KObject): string | undefined {
    const used = new Set<string>();
    for (const s of this.#services.list()) for (const i of s.status?.loadBalancer?.ingress ?? []) if (i.ip) used.add(i.ip);
    const pool = this.#env.config.loadBalancerPool;
    const asked = svc.spec?.loadBalancerIP;
    if (asked) return pool.includes(asked) && !used.has(asked) ? asked : undefined;
    return pool.find((ip) => !used.has(ip));
  }
}
