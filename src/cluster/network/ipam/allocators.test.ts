import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random.ts';
import { ClusterIPAllocator, NodePortAllocator } from './allocators.ts';
import { rangeOffset } from './band.ts';

describe('range offsets (calculateRangeOffset, KEP-3070)', () => {
  it('keeps 256 static addresses in a /12 and 86 static NodePorts in 30000-32767', () => {
    expect(rangeOffset(2 ** 20, 16, 256, 16)).toBe(256);
    expect(rangeOffset(2768, 16, 128, 32)).toBe(86);
    expect(rangeOffset(16, 16, 256, 16)).toBe(0);
  });
});

describe('ClusterIPAllocator', () => {
  it('never hands out the network, broadcast or static-band addresses dynamically', () => {
    const a = new ClusterIPAllocator('10.96.0.0/12', [], new SeededRandom(7));
    for (let i = 0; i < 200; i++) {
      const ip = a.allocateNext().split('.').map(Number);
      const n = ((ip[0]! * 256 + ip[1]!) * 256 + ip[2]!) * 256 + ip[3]!;
      const base = (10 * 256 + 96) * 65536;
      expect(n).toBeGreaterThan(base + 256);
      expect(n).toBeLessThan(base + 2 ** 20 - 1);
    }
  });

  it('falls back to the static band when the dynamic one is full', () => {
    const a = new ClusterIPAllocator('10.0.0.0/27', [], new SeededRandom(1)); // 32 addresses: offset 16
    const got = new Set<string>();
    for (let i = 0; i < 30; i++) got.add(a.allocateNext());
    expect(got.size).toBe(30);
    expect(() => a.allocateNext()).toThrow('range is full');
    expect(() => a.allocate('10.0.0.0')).toThrow('the provided IP (10.0.0.0) is not in the valid range. The range of valid IPs is 10.0.0.0/27');
  });
});

describe('NodePortAllocator', () => {
  it('honours explicit ports and refuses taken or out-of-range ones', () => {
    const a = new NodePortAllocator([30000, 32767], [30080], new SeededRandom(1));
    expect(() => a.allocate(30080)).toThrow('provided port is already allocated');
    expect(() => a.allocate(8080)).toThrow('provided port is not in the valid range. The range of valid ports is 30000-32767');
    a.allocate(30081);
    expect(a.has(30081)).toBe(true);
  });
});
