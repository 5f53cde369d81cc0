import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../cluster/clock.ts';
import { driveClock } from './clock-driver.ts';

afterEach(() => void vi.useRealTimers());

describe('driveClock', () => {
  it('advances the virtual clock by the real time elapsed, running timers on the way', () => {
    vi.useFakeTimers();
    let real = 1000;
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.schedule(120, () => fired.push(clock.now()));
    let ticks = 0;
    const driver = driveClock(clock, { intervalMs: 50, now: () => real, onTick: () => ticks++ });
    real += 100;
    vi.advanceTimersByTime(50);
    expect(clock.now()).toBe(100);
    expect(fired).toEqual([]);
    real += 100;
    vi.advanceTimersByTime(50);
    expect(clock.now()).toBe(200);
    expect(fired).toEqual([120]);
    expect(ticks).toBe(2);
    driver.stop();
    real += 100;
    vi.advanceTimersByTime(100);
    expect(clock.now()).toBe(200);
  });

  it('keeps going when a timer throws', () => {
    vi.useFakeTimers();
    let real = 0;
    const clock = new VirtualClock(0);
    clock.schedule(10, () => {
      throw new Error('bad controller');
    });
    const errors: unknown[] = [];
    const driver = driveClock(clock, { intervalMs: 50, now: () => real, onError: (e) => errors.push(e) });
    real = 50;
    vi.advanceTimersByTime(50);
    real = 100;
    vi.advanceTimersByTime(50);
    expect(errors).toHaveLength(1);
    expect(clock.now()).toBe(100);
    driver.stop();
  });
});
