// Models pkg/registry/core/service/ipallocator and portallocator: ClusterIPs from the Service
// CIDR and NodePorts from the node-port range, with the upstream error texts. An allocator is a
// view over a set of values in use; the set is rebuilt from the store on every write (see
// service-alloc.ts), so a restored snapshot or a replay needs no allocator state of its own.

import type { Random } from '../../random.ts';
import { pickFree, rangeOffset } from './band.ts';
import { cidrContains, ipToNumber, numberToIp, parseCidr, type Cidr } from './cidr.ts';

/** An allocation refused for a reason the client caused (422) or a full range (500). */
export class AllocationError extends Error {
  constructor(
    message: string,
    readonly kind: 'NotInRange' | 'Allocated' | 'Full',
  ) {
    super(message);
  }
}

export const ERR_IP_ALLOCATED = 'provided IP is already allocated';
export const ERR_PORT_ALLOCATED = 'provided port is already allocated';
export const ERR_FULL = 'range is full';

export class ClusterIPAllocator {
  readonly cidr: Cidr;
  /** Usable addresses: the block without its network and broadcast addresses. */
  readonly #max: number;
  /** Size of the low band kept for static (explicit) addresses: min(max(16, size/16), 256). */
  readonly offset: number;
  #used: Set<number>;

  constructor(
    cidr: string,
    used: Iterable<string>,
    private readonly rng: Random,
  ) {
    this.cidr = parseCidr(cidr);
    this.#max = Math.max(0, this.cidr.size - 2);
    this.offset = rangeOffset(this.cidr.size, 16, 256, 16);
    this.#used = new Set();
    for (const ip of used) {
      const n = ipToNumber(ip);
      if (n !== undefined) this.#used.add(n);
    }
  }

  #inRange(n: number): boolean {
    return cidrContains(this.cidr, n) && n !== this.cidr.base && n !== this.cidr.base + this.cidr.size - 1;
  }

  has(ip: string): boolean {
    const n = ipToNumber(ip);
    return n !== undefined && this.#used.has(n);
  }

  /** Reserve an explicit address. */
  allocate(ip: string): void {
    const n = ipToNumber(ip);
    if (n === undefined || !this.#inRange(n))
      throw new AllocationError(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr.text}`, 'NotInRange');
    if (this.#used.has(n)) throw new AllocationError(ERR_IP_ALLOCATED, 'Allocated');
    this.#used.add(n);
  }

  /** A random free address, preferring the dynamic (upper) band. */
  allocateNext(): string {
    const first = this.cidr.base + 1;
    const i = pickFree(this.#max, this.offset, (k) => this.#used.has(first + k), this.rng);
    if (i === undefined) throw new AllocationError(ERR_FULL, 'Full');
    this.#used.add(first + i);
    return numberToIp(first + i);
  }
}

export class NodePortAllocator {
  readonly base: number;
  readonly size: number;
  /** Low band kept for explicit ports: min(max(16, size/32), 128). */
  readonly offset: number;
  #used: Set<number>;

  constructor(
    readonly range: [number, number],
    used: Iterable<number>,
    private readonly rng: Random,
  ) {
    this.base = range[0];
    this.size = range[1] - range[0] + 1;
    this.offset = rangeOffset(this.size, 16, 128, 32);
    this.#used = new Set(used);
  }

  has(port: number): boolean {
    return this.#used.has(port);
  }

  allocate(port: number): void {
    if (port < this.range[0] || port > this.range[1])
      throw new AllocationError(
        `provided port is not in the valid range. The range of valid ports is ${this.range[0]}-${this.range[1]}`,
        'NotInRange',
      );
    if (this.#used.has(port)) throw new AllocationError(ERR_PORT_ALLOCATED, 'Allocated');
    this.#used.add(port);
  }

  allocateNext(): number {
    const i = pickFree(this.size, this.offset, (k) => this.#used.has(this.base + k), this.rng);
    if (i === undefined) throw new AllocationError(ERR_FULL, 'Full');
    this.#used.add(this.base + i);
    return this.base + i;
  }
}
