// Container logs: what the container runtime keeps of each container's stdout, per Pod and
// container, with timestamps (for --since and --timestamps). The kubelet writes start-up lines,
// apps write access lines; `kubectl logs` reads them through the pods/log subresource.

export interface LogLine {
  at: number;
  text: string;
}

type Listener = (line: LogLine) => void;

const MAX_LINES = 5000;

export class LogStore {
  #lines = new Map<string, LogLine[]>();
  #listeners = new Map<string, Set<Listener>>();

  static key(namespace: string, pod: string, container: string, restart = 0): string {
    return `${namespace}/${pod}/${container}#${restart}`;
  }

  append(key: string, text: string, at: number): void {
    const list = this.#lines.get(key) ?? [];
    if (!this.#lines.has(key)) this.#lines.set(key, list);
    const line = { at, text };
    list.push(line);
    if (list.length > MAX_LINES) list.splice(0, list.length - MAX_LINES);
    for (const l of this.#listeners.get(key) ?? []) l(line);
  }

  read(key: string): LogLine[] {
    return this.#lines.get(key) ?? [];
  }

  has(key: string): boolean {
    return this.#lines.has(key);
  }

  follow(key: string, listener: Listener): () => void {
    const set = this.#listeners.get(key) ?? new Set();
    this.#listeners.set(key, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Forget a Pod's logs (the Pod was deleted). */
  dropPod(namespace: string, pod: string): void {
    const prefix = `${namespace}/${pod}/`;
    for (const k of [...this.#lines.keys()]) if (k.startsWith(prefix)) this.#lines.delete(k);
  }
}
