import { describe, expect, it } from 'vitest';
import { SlidingWindow } from '../../src/pylon/index.js';
import { maxInWindow } from './scripted-server.js';

/** A request that started and got its answer at `at` (latency 0). */
function instant(w: SlidingWindow, at: number): void {
  w.finish(w.start(at), at);
}

describe('SlidingWindow', () => {
  it('lets `limit` start at once, then waits for the oldest to leave the window plus the margin', () => {
    const w = new SlidingWindow(2, 100, 10);
    expect(w.delay(0)).toEqual({ ms: 0, reason: 'scheduler' });
    instant(w, 0);
    instant(w, 5);
    expect(w.delay(50)).toEqual({ ms: 60, reason: 'scheduler' });
    expect(w.delay(110).ms).toBe(0);
    instant(w, 110);
    expect(w.delay(110).ms).toBe(5);
  });

  it('counts a slot from the response, and waits for a request still in flight', () => {
    const w = new SlidingWindow(1, 100, 0);
    const entry = w.start(0);
    expect(w.delay(500).ms).toBe(Number.POSITIVE_INFINITY);
    w.finish(entry, 40);
    expect(w.delay(60).ms).toBe(80);
  });

  it('does not pace without a limit, but still honours a block', () => {
    const w = new SlidingWindow(null, 100, 10);
    for (let i = 0; i < 50; i++) w.start(0);
    expect(w.delay(0).ms).toBe(0);
    w.block(300);
    expect(w.delay(100)).toEqual({ ms: 200, reason: '429' });
  });

  it('reports the longer of a block and the window', () => {
    const w = new SlidingWindow(1, 1000, 0);
    instant(w, 0);
    w.block(200);
    expect(w.delay(100)).toEqual({ ms: 900, reason: 'scheduler' });
    w.block(1500);
    expect(w.delay(100)).toEqual({ ms: 1400, reason: '429' });
  });

  it('sets the limit up or down, to a whole number never below 1', () => {
    const w = new SlidingWindow(10, 100, 0);
    w.setLimit(12.9);
    expect(w.limit).toBe(12);
    w.setLimit(0);
    expect(w.limit).toBe(1);
  });

  it('does not count refused requests, and counts what the server admitted before one', () => {
    const w = new SlidingWindow(2, 100, 0);
    const a = w.start(0);
    w.finish(a, 1);
    const b = w.start(5);
    w.finish(b, 6);
    expect(w.delay(10).ms).toBeGreaterThan(0);
    const c = w.start(10);
    c.refused = true;
    w.finish(c, 11);
    expect(w.admittedBefore(c, 100)).toBe(2);
    expect(w.admittedBefore(c, 7)).toBe(1);
    b.refused = true;
    expect(w.delay(12)).toEqual({ ms: 0, reason: 'scheduler' });
  });

  it('keeps any server-side window under the limit whatever the latency of each request', () => {
    // Deterministic pseudo-random latencies between 0 and 60 ms; the server sees start + latency.
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const [limit, windowMs] of [
      [1, 50],
      [5, 200],
      [10, 60_000],
    ] as const) {
      const w = new SlidingWindow(limit, windowMs, 0);
      let now = 0;
      const arrivals: number[] = [];
      const inFlight: Array<{ done: number; finish: () => void }> = [];
      for (let i = 0; i < 97; i++) {
        for (;;) {
          inFlight.sort((a, b) => a.done - b.done);
          for (const f of inFlight.filter((x) => x.done <= now)) f.finish();
          inFlight.splice(0, inFlight.filter((x) => x.done <= now).length);
          const ms = w.delay(now).ms;
          if (ms === 0) break;
          now = ms === Number.POSITIVE_INFINITY ? (inFlight[0]?.done ?? now) : now + ms;
        }
        const latency = rand() * 60;
        const entry = w.start(now);
        arrivals.push(now + latency * rand());
        const done = now + latency;
        inFlight.push({ done, finish: () => w.finish(entry, done) });
        now += i % 3;
      }
      expect(maxInWindow(arrivals, windowMs)).toBeLessThanOrEqual(limit);
    }
  });
});
