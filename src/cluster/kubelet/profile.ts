// How long each step of a pod's life takes on the emulated nodes: the data that drives the
// kubelet's stages (as KWOK's stage delays do). Lessons and tests tune it through
// Kubelet.profile, e.g. slow pulls to watch ContainerCreating.

export interface KubeletProfile {
  /** Pod sandbox and network set up (PodReadyToStartContainers, pod IP). */
  sandboxMs: number;
  /** Image pull: fixed latency plus size / bandwidth. */
  pullBaseMs: number;
  pullBytesPerMs: number;
  /** Re-pull of an image already on the node (pull policy Always): only the manifest check. */
  repullMs: number;
  /** A pull that fails (registry says no). */
  failedPullMs: number;
  createMs: number;
  startMs: number;
  /** How long a process that handles SIGTERM takes to stop. */
  stopMs: number;
  /** Image pull and crash back-off: initial and cap (kubelet: 10s doubling to 5m). */
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** Kubelet resync after an error state (when ErrImagePull turns into ImagePullBackOff). */
  resyncMs: number;
}

export function defaultProfile(): KubeletProfile {
  return {
    sandboxMs: 700,
    pullBaseMs: 600,
    pullBytesPerMs: 40_000, // 40 MB/s
    repullMs: 450,
    failedPullMs: 1200,
    createMs: 120,
    startMs: 150,
    stopMs: 400,
    backoffInitialMs: 10_000,
    backoffMaxMs: 300_000,
    resyncMs: 1500,
  };
}
