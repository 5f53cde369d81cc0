// Pod IPs from each node's Pod CIDR, as the host-local IPAM of the CNI plugin hands them out:
// .1 is the node's bridge, addresses go round-robin from the last one given (so a freed IP is not
// reused at once) and are released when the pod is gone.

export class PodIPAllocator {
  #base: number;
  #size: number;
  #used = new Set<number>();
  #last = 1;

  constructor(readonly cidr: string) {
    const [ip, bits] = cidr.split('/');
    this.#base = ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    this.#size = 2 ** (32 - Number(bits));
  }

  allocate(): string | undefined {
    for (let i = 1; i < this.#size - 1; i++) {
      const off = ((this.#last - 2 + i) % (this.#size - 3)) + 2; // .2 … .254 in a /24, after the last one
      if (this.#used.has(off)) continue;
      this.#used.add(off);
      this.#last = off;
      return toIP(this.#base + off);
    }
    return undefined;
  }

  /** Mark an address as taken (pods that already had it, e.g. after a restart of the emulator). */
  reserve(ip: string): void {
    const off = ip.split('.').reduce((n, o) => n * 256 + Number(o), 0) - this.#base;
    if (off > 0 && off < this.#size) this.#used.add(off);
  }

  release(ip: string): void {
    this.#used.delete(ip.split('.').reduce((n, o) => n * 256 + Number(o), 0) - this.#base);
  }
}

function toIP(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
