// The control side of ingress-nginx: its store's "Sync / Scheduled for sync" Events
// (internal/ingress/controller/store/store.go) and its status sync (internal/ingress/status):
// every UpdateInterval (60 s) from the controller's start, the Ingresses of its class get the
// addresses of the published Service (--publish-service=ingress-nginx/ingress-nginx-controller)
// in status.loadBalancer.ingress — which `kubectl get ingress` shows as ADDRESS.
// Nothing happens while no controller Pod is running, as when the Deployment is scaled to zero.

import { R } from '../../apiserver/resources.ts';
import { parseTimestamp } from '../../apiserver/meta.ts';
import type { KObject } from '../../apiserver/types.ts';
import { isOurs } from '../../network/ingress/config.ts';
import '../../network/ingress/app.ts'; // registers the controller image and its app
import type { Controller, ControllerEnv } from '../controller.ts';
import { informer, type Informer } from '../util/informer.ts';
import { WorkQueue } from '../util/queue.ts';

export const INGRESS_NAMESPACE = 'ingress-nginx';
export const CONTROLLER_NAME = 'ingress-nginx-controller';
const COMPONENT = 'nginx-ingress-controller';
/** status.UpdateInterval. */
export const STATUS_INTERVAL_MS = 60_000;
const STATUS_KEY = 'status';

export class IngressNginxController implements Controller {
  readonly name = 'ingress-nginx';
  #env!: ControllerEnv;
  #queue!: WorkQueue;
  #ingresses!: Informer;
  #classes!: Informer;
  #services!: Informer;
  #pods!: Informer;
  #unsubs: (() => void)[] = [];
  /** The controller Pod whose store has seen the Ingresses (uid). */
  #running?: string;

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#queue = new WorkQueue(this.name, env.clock, () => this.#syncStatus());
    this.#ingresses = informer(env.kube, R.ingresses);
    this.#classes = informer(env.kube, R.ingressclasses);
    this.#services = informer(env.kube, R.services);
    this.#pods = informer(env.kube, R.pods);
    this.#unsubs.push(
      this.#ingresses.on((type, ing, old) => this.#onIngress(type, ing, old)),
      this.#services.on((_t, s) => {
        if (s.metadata.namespace === INGRESS_NAMESPACE && s.metadata.name === CONTROLLER_NAME) this.#queue.add(STATUS_KEY);
      }),
      this.#pods.on((_t, p) => {
        if (isControllerPod(p)) this.#onControllerPod();
      }),
    );
  }

  stop(): void {
    for (const u of this.#unsubs) u();
    this.#queue.stop();
  }

  #ours(ing: KObject): boolean {
    return isOurs(ing, this.#classes.list());
  }

  /** The running, ready controller Pod, if any. */
  #controllerPod(): KObject | undefined {
    return this.#pods.list(INGRESS_NAMESPACE).find((p) => isControllerPod(p) && !p.metadata.deletionTimestamp && p.status?.phase === 'Running' && (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'));
  }

  #onControllerPod(): void {
    const pod = this.#controllerPod();
    const uid = pod?.metadata.uid;
    if (uid === this.#running) return;
    this.#running = uid;
    if (!pod) return;
    // A new controller lists every Ingress: each of its class is scheduled for sync.
    for (const ing of this.#ingresses.list()) if (this.#ours(ing)) this.#env.events.event(ing, 'Normal', 'Sync', 'Scheduled for sync', COMPONENT);
    this.#queue.add(STATUS_KEY);
  }

  #onIngress(type: string, ing: KObject, old: KObject | undefined): void {
    if (!this.#running || type === 'DELETED') return;
    const ours = this.#ours(ing);
    if (!ours) return;
    // store.go: an add, a class that became ours, or any change (resourceVersion included).
    if (type === 'ADDED' || !old || !this.#ours(old) || old.metadata.resourceVersion !== ing.metadata.resourceVersion)
      this.#env.events.event(ing, 'Normal', 'Sync', 'Scheduled for sync', COMPONENT);
    this.#queue.add(STATUS_KEY);
  }

  /** The addresses to publish: the controller Service's load-balancer ingress. */
  #addresses(): { ip?: string; hostname?: string }[] {
    const svc = this.#services.get(INGRESS_NAMESPACE, CONTROLLER_NAME);
    const lb: { ip?: string; hostname?: string }[] = svc?.status?.loadBalancer?.ingress ?? [];
    return lb.map((i) => (i.ip ? { ip: i.ip } : { hostname: i.hostname })).sort((a, b) => (a.ip ?? a.hostname ?? '').localeCompare(b.ip ?? b.hostname ?? ''));
  }

  #syncStatus(): void {
    const pod = this.#controllerPod();
    if (!pod) return;
    const { kube, clock } = this.#env;
    const want = this.#addresses();
    const stale = this.#ingresses.list().filter((i) => this.#ours(i) && !i.metadata.deletionTimestamp && JSON.stringify(i.status?.loadBalancer?.ingress ?? []) !== JSON.stringify(want));
    if (!stale.length) return;
    // The poll runs every 60 s from the controller's start; changes wait for the next round.
    const started = parseTimestamp(pod.status?.startTime) ?? clock.now();
    const since = clock.now() - started;
    const wait = since % STATUS_INTERVAL_MS === 0 ? 0 : STATUS_INTERVAL_MS - (since % STATUS_INTERVAL_MS);
    if (wait > 0) return this.#queue.add(STATUS_KEY, wait);
    for (const i of stale) {
      const ing = kube.get(R.ingresses, i.metadata.namespace, i.metadata.name!);
      if (!ing) continue;
      const next = structuredClone(ing);
      next.status = { ...(ing.status ?? {}), loadBalancer: want.length ? { ingress: want } : {} };
      kube.updateStatus(R.ingresses, next);
    }
  }
}

function isControllerPod(p: KObject): boolean {
  const l = p.metadata.labels ?? {};
  return p.metadata.namespace === INGRESS_NAMESPACE && l['app.kubernetes.io/name'] === 'ingress-nginx' && l['app.kubernetes.io/component'] === 'controller';
}
