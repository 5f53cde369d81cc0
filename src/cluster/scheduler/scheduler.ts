// The scheduler: binds pending pods to nodes through pods/binding, like kube-scheduler.
// Filters (Models pkg/scheduler/framework/plugins: NodeUnschedulable, TaintToleration,
// NodeAffinity for nodeSelector) then a score that spreads: fewest pods of the same owner on the
// node, then fewest pods, ties broken by the seeded random source. When nothing fits it records
// the FitError text (schedule_one.go / framework/types.go) and retries when nodes change.

import { R, resourcePath } from '../apiserver/resources.ts';
import { StatusError } from '../apiserver/errors.ts';
import { timestamp } from '../apiserver/meta.ts';
import type { KObject } from '../apiserver/types.ts';
import type { Controller, ControllerEnv } from '../controllers/controller.ts';
import { controllerUid, informer, keyOf, splitKey, type Informer } from '../controllers/util/informer.ts';
import { WorkQueue } from '../controllers/util/queue.ts';
import { isPodTerminal } from '../controllers/util/pods.ts';
import { filterNode } from './filters.ts';

const COMPONENT = 'default-scheduler';
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is retried at least this often. */
const UNSCHEDULABLE_RETRY_MS = 5 * 60_000;

export class Scheduler implements Controller {
  readonly name = 'scheduler';
  #env!: ControllerEnv;
  #queue!: WorkQueue;
  #pods!: Informer;
  #nodes!: Informer;
  #unsub: (() => void)[] = [];

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#queue = new WorkQueue(this.name, env.clock, (k) => this.#schedule(k));
    this.#pods = informer(env.kube, R.pods);
    this.#nodes = informer(env.kube, R.nodes);
    this.#pods.addIndex('node', (p) => (p.spec?.nodeName ? [p.spec.nodeName] : ['']));
    this.#unsub.push(
      this.#pods.on((t, p) => {
        if (t !== 'DELETED' && needsScheduling(p)) this.#queue.add(keyOf(p));
        // A pod leaving frees room: give waiting pods another chance.
        else if (t === 'DELETED' && p.spec?.nodeName) this.#retryUnscheduled();
      }),
      this.#nodes.on(() => this.#retryUnscheduled()),
    );
  }

  stop(): void {
    this.#unsub.forEach((u) => u());
    this.#queue.stop();
  }

  #retryUnscheduled(): void {
    for (const p of this.#pods.byIndex('node', '')) if (needsScheduling(p)) this.#queue.add(keyOf(p));
  }

  #schedule(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.#pods.get(ns, name);
    if (!pod || !needsScheduling(pod)) return;
    const nodes = this.#nodes.list().sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    const feasible: KObject[] = [];
    const reasons = new Map<string, number>();
    for (const n of nodes) {
      const why = filterNode(pod, n);
      if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
      else feasible.push(n);
    }
    const { kube, events, rng } = this.#env;
    if (!feasible.length) return this.#unschedulable(pod, nodes.length, reasons);

    const owner = controllerUid(pod);
    let best: KObject[] = [];
    let bestScore: [number, number] = [Infinity, Infinity];
    for (const n of feasible) {
      const onNode = this.#pods.byIndex('node', n.metadata.name!).filter((p) => !isPodTerminal(p));
      const score: [number, number] = [owner ? onNode.filter((p) => controllerUid(p) === owner).length : 0, onNode.length];
      const c = score[0] - bestScore[0] || score[1] - bestScore[1];
      if (c < 0) {
        best = [n];
        bestScore = score;
      } else if (c === 0) best.push(n);
    }
    const node = best.length === 1 ? best[0] : best[rng.int(best.length)];
    const nodeName = node.metadata.name!;
    try {
      const res = kube.api.request({
        method: 'POST',
        path: resourcePath(R.pods, ns, name, 'binding'),
        body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: ns }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } },
      });
      if (res.status >= 400) throw new StatusError(res.body as never);
    } catch (e) {
      if (e instanceof StatusError && e.status.code === 409) return; // bound or deleted meanwhile
      throw e;
    }
    events.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${nodeName}`, COMPONENT);
  }

  #unschedulable(pod: KObject, total: number, reasons: Map<string, number>): void {
    const hist = [...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort();
    const message =
      `0/${total} nodes are available: ${hist.join(', ')}. ` +
      `preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
    const { kube, events, clock } = this.#env;
    events.event(pod, 'Warning', 'FailedScheduling', message, COMPONENT);
    const cond = { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: timestamp(clock.now()), reason: 'Unschedulable', message };
    const current = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'PodScheduled');
    if (!current || current.status !== 'False' || current.message !== message) {
      if (current?.status === 'False') cond.lastTransitionTime = current.lastTransitionTime;
      const conditions = [...(pod.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'PodScheduled'), cond];
      kube.updateStatus(R.pods, { ...structuredClone(pod), status: { ...pod.status, phase: 'Pending', conditions } });
    }
    this.#queue.add(keyOf(pod), UNSCHEDULABLE_RETRY_MS);
  }
}

function needsScheduling(p: KObject): boolean {
  return !p.spec?.nodeName && !p.metadata.deletionTimestamp && !isPodTerminal(p) && (p.spec?.schedulerName ?? 'default-scheduler') === COMPONENT;
}
