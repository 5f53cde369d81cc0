// The kubelets of every node, as one controller. Each pod bound to a node walks the stages of
// pkg/kubelet (sandbox → image pull → create → start → probes → exit/restart → stop), each
// stage a delay from the KubeletProfile and a status change, with the Events and texts of
// pkg/kubelet/images/image_manager.go and kuberuntime_container.go. Pod IPs come from the node's
// Pod CIDR. On graceful deletion the containers are stopped and the pod is removed
// (gracePeriodSeconds=0), as the kubelet's status manager does.

import type { Cancel } from '../clock.ts';
import { R } from '../apiserver/resources.ts';
import { timestamp } from '../apiserver/meta.ts';
import type { KObject } from '../apiserver/types.ts';
import type { Controller, ControllerEnv } from '../controllers/controller.ts';
import type { FieldEventRecorder } from '../controllers/events.ts';
import { informer, keyOf, splitKey, type Informer } from '../controllers/util/informer.ts';
import { WorkQueue } from '../controllers/util/queue.ts';
import { goDuration } from './duration.ts';
import { imageDigest, lookupImage, mainProcess, parseImage, pullError, type ImageInfo, type ImageRef } from './images.ts';
import { PodIPAllocator } from './podips.ts';
import { defaultProfile, type KubeletProfile } from './profile.ts';
import { buildPodStatus, type ContainerRun, type PodRun } from './status.ts';
import { portProber, type Probe, type Prober } from './probes.ts';
import { ProbeWorker, type ProbeType, type ProbeValue } from './probe-worker.ts';

const COMPONENT = 'kubelet';
/** The status sync after a container starts triggers a readiness probe (prober_manager.go UpdatePodStatus). */
const READINESS_KICK_MS = 500;
/**
 * Steady probes (results repeating, nothing to change) run in batches on a cluster-wide grid
 * coarser than VirtualClock.settle's horizon (10s), so healthy pods do not keep the cluster
 * "busy"; each probe of a batch still runs as of its own tick (log lines, Event counts), at
 * most this late.
 */
const STEADY_GRID_MS = 15_000;

interface NodeRuntime {
  name: string;
  ip: string;
  ips: PodIPAllocator;
  /** Images on the node, `repo:tag`. */
  images: Set<string>;
  /** The node's bridge on the pod network (.1 of its Pod CIDR): where its probes come from. */
  bridgeIP: string;
  /** Pulls are serialized per node (serializeImagePulls: true). */
  pullBusyUntil: number;
  /** When an image being pulled will be on the node, so queued pulls of it are quick. */
  imageReadyAt: Map<string, number>;
}

export class Kubelet implements Controller {
  readonly name = 'kubelet';
  /** Stage delays; change them to slow pulls down or speed everything up. */
  profile: KubeletProfile = defaultProfile();
  /** Runs one probe; createCluster injects one that asks the simulated apps (networkProber). */
  prober: Prober = portProber;
  #env!: ControllerEnv;
  #events!: FieldEventRecorder;
  #queue!: WorkQueue;
  #pods!: Informer;
  #nodes = new Map<string, NodeRuntime>();
  #runs = new Map<string, PodRun>();
  #unsub?: () => void;

  start(env: ControllerEnv): void {
    this.#env = env;
    this.#events = env.events as FieldEventRecorder;
    for (const n of env.config.nodes) {
      const images = new Set<string>();
      this.#nodes.set(n.name, { name: n.name, ip: n.internalIP, bridgeIP: bridgeIP(n.podCIDR), ips: new PodIPAllocator(n.podCIDR), images, pullBusyUntil: 0, imageReadyAt: new Map() });
    }
    this.#queue = new WorkQueue(this.name, env.clock, (k) => this.#sync(k));
    this.#pods = informer(env.kube, R.pods);
    this.#unsub = this.#pods.on((t, p) => {
      if (t === 'DELETED') this.#forget(p);
      else if (p.spec?.nodeName && this.#nodes.has(p.spec.nodeName)) this.#queue.add(keyOf(p));
    });
  }

  stop(): void {
    this.#unsub?.();
    this.#queue.stop();
    for (const r of this.#runs.values()) r.timers.forEach((c) => c());
  }

  /** Is this image on the node (tests and lessons)? */
  hasImage(node: string, image: string): boolean {
    const ref = parseImage(image);
    return !!ref && !!this.#nodes.get(node)?.images.has(`${ref.repo}:${ref.tag}`);
  }

  #sync(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.#pods.get(ns, name);
    if (!pod) return;
    const node = this.#nodes.get(pod.spec?.nodeName);
    if (!node) return;
    let run = this.#runs.get(pod.metadata.uid!);
    if (!run) {
      if (pod.metadata.deletionTimestamp) return this.#remove(pod, 0);
      run = this.#adoptOrStart(pod, node);
    }
    if (pod.metadata.deletionTimestamp && !run.terminating) this.#terminate(run, pod);
  }

  // ---- stages ----

  #adoptOrStart(pod: KObject, node: NodeRuntime): PodRun {
    const { clock } = this.#env;
    const run: PodRun = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name!,
      node: node.name,
      hostIP: node.ip,
      startTime: timestamp(clock.now()),
      admittedAt: clock.now(),
      sandboxReady: false,
      terminating: false,
      containers: [],
      timers: new Set(),
      conditionTimes: new Map(),
      flushPending: false,
    };
    this.#runs.set(run.uid, run);
    for (const spec of pod.spec?.containers ?? []) {
      const ref = parseImage(spec.image ?? '');
      run.containers.push({
        name: spec.name,
        spec,
        ref,
        info: ref && lookupImage(ref),
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
        restartCount: 0,
        ready: false,
        started: false,
        pullFailures: 0,
        crashes: 0,
      });
    }
    // A pod that was already running (a restored snapshot): take it over as it is.
    if (pod.status?.phase === 'Running' && pod.status.podIP) {
      run.startTime = pod.status.startTime ?? run.startTime;
      run.sandboxReady = true;
      run.podIP = pod.status.podIP;
      if (!pod.spec?.hostNetwork) node.ips.reserve(run.podIP!);
      for (const c of run.containers) {
        const s = (pod.status.containerStatuses ?? []).find((x: { name: string }) => x.name === c.name);
        if (!s) continue;
        Object.assign(c, { state: s.state, lastState: s.lastState ?? {}, restartCount: s.restartCount ?? 0, ready: !!s.ready, started: !!s.started, containerID: s.containerID, imageID: s.imageID, image: s.image });
        if (s.state?.running) {
          c.startedAt = Date.parse(s.state.running.startedAt);
          if (c.info) c.ignoresSigterm = mainProcess(c.info, c.spec).ignoresSigterm;
          this.#startProbes(run, c, true);
        }
      }
      for (const c of run.containers) if (c.ref) node.images.add(`${c.ref.repo}:${c.ref.tag}`);
      return run;
    }
    for (const c of run.containers) if (c.info?.preloaded && c.ref) node.images.add(`${c.ref.repo}:${c.ref.tag}`);
    this.#flush(run);
    this.#after(run, this.profile.sandboxMs, () => {
      run.sandboxReady = true;
      if (pod.spec?.hostNetwork) run.podIP = node.ip;
      else run.podIP = node.ips.allocate();
      this.#flush(run);
      this.#startContainers(run, 0);
    });
    return run;
  }

  #startContainers(run: PodRun, i: number): void {
    const c = run.containers[i];
    if (!c) return;
    let nextStarted = false;
    const next = () => {
      if (nextStarted) return;
      nextStarted = true;
      this.#startContainers(run, i + 1);
    };
    this.#ensureImage(run, c, () => this.#createAndStart(run, c, next), next);
  }

  #ensureImage(run: PodRun, c: ContainerRun, done: () => void, failed: () => void): void {
    const node = this.#nodes.get(run.node)!;
    const pod = this.#pod(run);
    if (!pod) return;
    const now = this.#env.clock.now();
    const fieldPath = `spec.containers{${c.name}}`;
    const ev = (type: 'Normal' | 'Warning', reason: string, msg: string) => this.#events.event(pod, type, reason, msg, COMPONENT, run.node, fieldPath);
    const image = c.spec.image ?? '';
    if (!c.ref) {
      ev('Warning', 'InspectFailed', `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": invalid reference format`);
      ev('Warning', 'Failed', 'Error: InvalidImageName');
      c.state = { waiting: { reason: 'InvalidImageName', message: `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": invalid reference format` } };
      this.#flush(run);
      return failed();
    }
    const ref = c.ref;
    const present = node.images.has(`${ref.repo}:${ref.tag}`);
    const policy = c.spec.imagePullPolicy ?? (ref.tag === 'latest' && !ref.digest ? 'Always' : 'IfNotPresent');
    if (policy === 'Never' && !present) {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      ev('Warning', 'ErrImageNeverPull', msg);
      ev('Warning', 'Failed', 'Error: ErrImageNeverPull');
      c.state = { waiting: { reason: 'ErrImageNeverPull', message: msg } };
      this.#flush(run);
      return failed();
    }
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      ev('Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`);
      return done();
    }
    if (c.pullBackoffUntil !== undefined && now < c.pullBackoffUntil) {
      const msg = `Back-off pulling image "${image}"`;
      ev('Normal', 'BackOff', msg);
      ev('Warning', 'Failed', 'Error: ImagePullBackOff');
      c.state = { waiting: { reason: 'ImagePullBackOff', message: c.prevPullErr ? `${msg}: ${c.prevPullErr}` : msg } };
      this.#flush(run);
      this.#after(run, c.pullBackoffUntil - now, () => this.#ensureImage(run, c, done, failed));
      return failed();
    }
    ev('Normal', 'Pulling', `Pulling image "${image}"`);
    const info = c.info;
    const p = this.profile;
    const begin = Math.max(now, node.pullBusyUntil);
    const imageKey = `${ref.repo}:${ref.tag}`;
    const readyAt = node.imageReadyAt.get(imageKey);
    const presentAtBegin = present || (readyAt !== undefined && readyAt <= begin);
    const pullMs = !info ? p.failedPullMs : presentAtBegin ? p.repullMs : Math.round(p.pullBaseMs + info.sizeBytes / p.pullBytesPerMs);
    const end = begin + pullMs;
    node.pullBusyUntil = end;
    if (info && readyAt === undefined) node.imageReadyAt.set(imageKey, end);
    this.#after(run, end - now, () => {
      if (!info) {
        const err = pullError(ref);
        ev('Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
        ev('Warning', 'Failed', 'Error: ErrImagePull');
        c.state = { waiting: { reason: 'ErrImagePull', message: err } };
        c.prevPullErr = `ErrImagePull: ${err}`;
        const backoff = Math.min(p.backoffMaxMs, p.backoffInitialMs * 2 ** c.pullFailures);
        c.pullFailures++;
        c.pullBackoffUntil = this.#env.clock.now() + backoff;
        this.#flush(run);
        // The next pod sync finds the image in back-off: ErrImagePull becomes ImagePullBackOff.
        this.#after(run, p.resyncMs, () => this.#ensureImage(run, c, done, failed));
        return failed();
      }
      node.images.add(`${ref.repo}:${ref.tag}`);
      c.pullFailures = 0;
      c.pullBackoffUntil = undefined;
      c.prevPullErr = undefined;
      ev('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(end - now)} including waiting). Image size: ${info.sizeBytes} bytes.`);
      done();
    });
  }

  #createAndStart(run: PodRun, c: ContainerRun, next: () => void): void {
    const p = this.profile;
    const fieldPath = `spec.containers{${c.name}}`;
    this.#after(run, p.createMs, () => {
      const pod = this.#pod(run);
      if (!pod) return;
      c.containerID = `docker://${this.#hex(64)}`;
      c.image = dockerImageName(c.ref!);
      c.imageID = `docker-pullable://${c.ref!.repo}@sha256:${imageDigest(c.ref!)}`;
      this.#events.event(pod, 'Normal', 'Created', 'Container created', COMPONENT, run.node, fieldPath);
      this.#after(run, p.startMs, () => {
        const pod2 = this.#pod(run);
        if (!pod2) return;
        this.#events.event(pod2, 'Normal', 'Started', 'Container started', COMPONENT, run.node, fieldPath);
        const now = this.#env.clock.now();
        if (c.state.terminated || c.state.waiting?.reason === 'CrashLoopBackOff') c.restartCount++;
        c.state = { running: { startedAt: timestamp(now) } };
        // Without a startupProbe a running container has started; readiness waits for that.
        c.started = !c.spec.startupProbe;
        c.startedAt = now;
        const proc = mainProcess(c.info!, c.spec);
        c.ignoresSigterm = proc.ignoresSigterm;
        c.ready = c.started && !c.spec.readinessProbe;
        this.#startProbes(run, c, false);
        if (proc.exitsAfterMs !== undefined) {
          const id = c.containerID;
          this.#after(run, proc.exitsAfterMs, () => c.containerID === id && this.#exited(run, c, proc.exitCode));
        }
        this.#flush(run);
        next();
      });
    });
  }

  // ---- probes (pkg/kubelet/prober: one worker per container and probe type) ----

  /** New workers for a container that just started, or (adopted) one found running. */
  #startProbes(run: PodRun, c: ContainerRun, adopted: boolean): void {
    c.probes = [];
    const specs: [ProbeType, Probe | undefined][] = [
      ['Startup', c.spec.startupProbe],
      ['Readiness', c.spec.readinessProbe],
      ['Liveness', c.spec.livenessProbe],
    ];
    for (const [type, spec] of specs) {
      if (!spec || (adopted && type === 'Startup' && c.started)) continue;
      const w = new ProbeWorker(type, spec, c.containerID!);
      if (adopted && type !== 'Startup') w.assume(type === 'Readiness' && !c.ready ? 'failure' : 'success');
      c.probes.push(w);
      this.#scheduleProbe(run, c, w);
      if (type === 'Readiness' && !adopted) this.#after(run, READINESS_KICK_MS, () => this.#probeAt(run, c, w, [this.#env.clock.now()], false));
    }
  }

  /**
   * The next tick of a worker. Ticks keep the period from when the pod was admitted (the worker's
   * ticker starts then, not when the container starts); steady workers batch theirs.
   */
  #scheduleProbe(run: PodRun, c: ContainerRun, w: ProbeWorker): void {
    const now = this.#env.clock.now();
    const p = w.periodMs;
    let next = run.admittedAt + Math.floor((now - run.admittedAt) / p + 1) * p;
    const times = [next];
    let at = next;
    if (w.steady) {
      at = Math.ceil(next / STEADY_GRID_MS) * STEADY_GRID_MS;
      while (next + p <= at) times.push((next += p));
    }
    this.#after(run, at - now, () => this.#probeAt(run, c, w, times, true));
  }

  #probeAt(run: PodRun, c: ContainerRun, w: ProbeWorker, times: number[], ticker: boolean): void {
    const live = () => c.containerID === w.containerID && !!c.state.running && !c.killing && !w.onHold;
    for (const t of times) {
      if (!live()) return;
      this.#doProbe(run, c, w, t);
    }
    // A startup probe stops once the container has started (worker.go keeps a no-op ticker).
    if (ticker && live() && !w.parked && !(w.type === 'Startup' && c.started)) this.#scheduleProbe(run, c, w);
  }

  /** worker.go doProbe: skip during initialDelaySeconds and while the startup probe gates. */
  #doProbe(run: PodRun, c: ContainerRun, w: ProbeWorker, t: number): void {
    if (Math.floor((t - (c.startedAt ?? t)) / 1000) < (w.spec.initialDelaySeconds ?? 0)) return;
    if (w.type === 'Startup' ? c.started : !c.started) return;
    const pod = this.#pod(run);
    if (!pod) return;
    const node = this.#nodes.get(run.node)!;
    const out = this.prober(w.spec, {
      pod: this.#podView(run, pod),
      container: c,
      podIP: run.podIP ?? '',
      sourceIP: pod.spec?.hostNetwork ? node.ip : node.bridgeIP,
      now: t,
    });
    const fieldPath = `spec.containers{${c.name}}`;
    // prober.go probe(): every failed run is an Event; the recorder aggregates the repeats.
    if (out.result === 'failure') this.#events.event(pod, 'Warning', 'Unhealthy', `${w.type} probe failed: ${out.output}`, COMPONENT, run.node, fieldPath);
    if (out.result === 'error') this.#events.event(pod, 'Warning', 'Unhealthy', `${w.type} probe errored and resulted in unknown state: ${out.error}`, COMPONENT, run.node, fieldPath);
    w.quiet = out.result === 'success' && !!out.quiet;
    const changed = w.record(out.result === 'success' ? 'success' : 'failure');
    if (changed) this.#probeChanged(run, c, w, changed);
  }

  #probeChanged(run: PodRun, c: ContainerRun, w: ProbeWorker, v: ProbeValue): void {
    if (w.type === 'Readiness') {
      c.ready = v === 'success';
      return this.#flush(run);
    }
    if (v === 'failure') return this.#killForProbe(run, c, w);
    if (w.type === 'Startup') {
      c.started = true;
      c.ready = !c.spec.readinessProbe;
      this.#flush(run);
      // The pod sync that follows triggers the readiness probe at once.
      const r = c.probes?.find((x) => x.type === 'Readiness');
      if (r) this.#after(run, 0, () => this.#probeAt(run, c, r, [this.#env.clock.now()], false));
    }
  }

  /**
   * kuberuntime_manager.go computePodActions: a container that failed its liveness (or startup)
   * probe is killed (SIGTERM, SIGKILL after the grace period) and started again in the same
   * sync, without crash back-off.
   */
  #killForProbe(run: PodRun, c: ContainerRun, w: ProbeWorker): void {
    const pod = this.#pod(run);
    if (!pod) return;
    const restart = (pod.spec?.restartPolicy ?? 'Always') !== 'Never';
    const msg = `Container ${c.name} failed ${w.type.toLowerCase()} probe${restart ? ', will be restarted' : ''}`;
    this.#events.event(pod, 'Normal', 'Killing', msg, COMPONENT, run.node, `spec.containers{${c.name}}`);
    c.killing = true;
    const grace = (w.spec.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    const id = c.containerID;
    this.#after(run, c.ignoresSigterm ? grace : Math.min(grace, this.profile.stopMs), () => {
      c.killing = false;
      if (c.containerID !== id || !c.state.running) return;
      const now = this.#env.clock.now();
      const exitCode = c.ignoresSigterm ? 137 : 0;
      c.state = {
        terminated: { exitCode, reason: exitCode ? 'Error' : 'Completed', startedAt: c.state.running.startedAt, finishedAt: timestamp(now), containerID: c.containerID },
      };
      c.ready = false;
      c.started = false;
      if (!restart) return this.#flush(run);
      c.lastState = { terminated: c.state.terminated };
      this.#ensureImage(run, c, () => this.#createAndStart(run, c, () => {}), () => {});
    });
  }

  /** The pod with the kubelet's own view of its containers (the stored status may lag). */
  #podView(run: PodRun, pod: KObject): KObject {
    const containerStatuses = run.containers.map((x) => ({ name: x.name, state: x.state, restartCount: x.restartCount }));
    return { ...pod, status: { ...pod.status, podIP: run.podIP, containerStatuses } };
  }

  #exited(run: PodRun, c: ContainerRun, exitCode: number): void {
    const now = this.#env.clock.now();
    c.state = {
      terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: timestamp(c.startedAt ?? now), finishedAt: timestamp(now), containerID: c.containerID },
    };
    c.ready = false;
    c.started = false;
    const pod = this.#pod(run);
    const policy = pod?.spec?.restartPolicy ?? 'Always';
    this.#flush(run);
    if (!pod || policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) return;
    // The first restart is immediate; after that the kubelet backs off 10s, 20s, 40s … 5m.
    const p = this.profile;
    const backoff = c.crashes === 0 ? 0 : Math.min(p.backoffMaxMs, p.backoffInitialMs * 2 ** (c.crashes - 1));
    c.crashes++;
    const restart = () => {
      c.lastState = { terminated: c.state.terminated ?? c.lastState.terminated };
      this.#ensureImage(run, c, () => this.#createAndStart(run, c, () => {}), () => {});
    };
    if (!backoff) return void this.#after(run, p.resyncMs, restart);
    this.#after(run, p.resyncMs, () => {
      const pod2 = this.#pod(run);
      if (!pod2) return;
      const who = `${run.name}_${run.namespace}(${run.uid})`;
      c.lastState = { terminated: c.state.terminated };
      c.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(backoff)} restarting failed container=${c.name} pod=${who}` } };
      this.#events.event(pod2, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${who}`, COMPONENT, run.node, `spec.containers{${c.name}}`);
      this.#flush(run);
      this.#after(run, Math.max(0, backoff - p.resyncMs), restart);
    });
  }

  #terminate(run: PodRun, pod: KObject): void {
    run.terminating = true;
    run.timers.forEach((cancel) => cancel());
    run.timers.clear();
    const grace = (pod.metadata.deletionGracePeriodSeconds as number | undefined) ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    let wait = 0;
    for (const c of run.containers) {
      if (!c.state.running) continue;
      this.#events.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, COMPONENT, run.node, `spec.containers{${c.name}}`);
      wait = Math.max(wait, c.ignoresSigterm ? grace * 1000 : Math.min(grace * 1000, this.profile.stopMs));
    }
    if (!wait) wait = 200;
    const at = this.#env.clock.now() + wait;
    const cancel = this.#env.clock.schedule(wait, () => {
      for (const c of run.containers) {
        if (!c.state.running) continue;
        const killed = !!c.ignoresSigterm;
        c.state = {
          terminated: { exitCode: killed ? 137 : 0, reason: killed ? 'Error' : 'Completed', startedAt: c.state.running.startedAt, finishedAt: timestamp(at), containerID: c.containerID },
        };
        c.ready = false;
        c.started = false;
      }
      this.#writeStatus(run);
      this.#remove(this.#pod(run) ?? pod, 0);
    });
    run.timers.add(cancel);
  }

  #remove(pod: KObject, grace: number): void {
    try {
      this.#env.kube.delete(R.pods, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: String(grace) });
    } catch {
      // Gone already, or held by finalizers: the DELETED event (or the GC) finishes it.
    }
  }

  #forget(pod: KObject): void {
    const run = this.#runs.get(pod.metadata.uid!);
    if (!run) return;
    run.timers.forEach((c) => c());
    this.#runs.delete(run.uid);
    const node = this.#nodes.get(run.node);
    if (node && run.podIP && run.podIP !== node.ip) node.ips.release(run.podIP);
  }

  // ---- plumbing ----

  #pod(run: PodRun): KObject | undefined {
    const p = this.#pods.get(run.namespace, run.name);
    return p && p.metadata.uid === run.uid ? p : undefined;
  }

  #after(run: PodRun, ms: number, fn: () => void): void {
    const cancel = this.#env.clock.schedule(ms, () => {
      run.timers.delete(cancel);
      if (this.#runs.get(run.uid) !== run || run.terminating) return;
      fn();
    });
    run.timers.add(cancel);
  }

  /** Write the pod's status once per instant, however many stages changed it. */
  #flush(run: PodRun): void {
    if (run.flushPending) return;
    run.flushPending = true;
    this.#after(run, 0, () => {
      run.flushPending = false;
      this.#writeStatus(run);
    });
  }

  #writeStatus(run: PodRun): void {
    const pod = this.#pod(run);
    if (!pod) return;
    const status = buildPodStatus(pod, run, this.#env.clock.now());
    if (JSON.stringify(status) === JSON.stringify(pod.status)) return;
    const next = structuredClone(pod);
    delete next.metadata.resourceVersion;
    next.status = status;
    try {
      this.#env.kube.updateStatus(R.pods, next);
    } catch {
      // The pod went away meanwhile.
    }
  }

  #hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += this.#env.rng.int(16).toString(16);
    return s;
  }
}

/** The node's bridge address, .1 of its Pod CIDR (10.244.1.0/24 → 10.244.1.1). */
function bridgeIP(cidr: string): string {
  const o = cidr.split('/')[0].split('.').map(Number);
  o[3] += 1;
  return o.join('.');
}

/** The image name docker reports for a pulled image: `nginx:latest`, `registry.k8s.io/pause:3.10`. */
function dockerImageName(ref: ImageRef): string {
  return ref.digest && ref.tag === 'latest' ? `${ref.repo}@${ref.digest}` : `${ref.repo}:${ref.tag}`;
}

export type { ImageInfo };
