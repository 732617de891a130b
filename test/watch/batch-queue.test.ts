import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchQueue } from '../../src/watch/batch-queue.js';

describe('BatchQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 10_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const queue = () => {
    const ready: number[] = [];
    const q = new BatchQueue(Date.now, () => ready.push(Date.now()));
    return { q, ready };
  };

  it('runs a batch the debounce time after the save, counting the time the write took to settle', () => {
    const { q, ready } = queue();
    // Reported 60 ms after the file was written (write-finish detection): 90 ms of quiet are left.
    q.addChange({ path: 'a.md', kind: 'write', savedAt: Date.now() - 60 }, 150);
    vi.advanceTimersByTime(89);
    expect(ready).toEqual([]);
    expect(q.hasWork()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(ready).toEqual([10_090]);
    expect(q.take()?.changes.map((c) => c.path)).toEqual(['a.md']);
  });

  it('waits the whole debounce after a delete, and after the latest save of the batch', () => {
    const { q, ready } = queue();
    q.addChange({ path: 'a.md', kind: 'delete', savedAt: Date.now() }, 150);
    vi.advanceTimersByTime(100);
    q.addChange({ path: 'a.md', kind: 'write', savedAt: Date.now() - 40 }, 150);
    q.addChange({ path: 'b.md', kind: 'write', savedAt: Date.now() - 120 }, 150);
    vi.advanceTimersByTime(109);
    expect(ready).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ready).toEqual([10_210]);
    expect(q.take()?.changes).toHaveLength(3);
  });

  it('never waits past its maximum for a steady stream of saves', () => {
    const { q, ready } = queue();
    for (let i = 0; i < 30; i++) {
      q.addChange({ path: 'a.md', kind: 'write', savedAt: Date.now() }, 150);
      vi.advanceTimersByTime(100);
      if (ready.length > 0) break;
    }
    expect(ready).toEqual([11_000]);
  });

  it('waits at least the rename window after any event, so a late delete joins its rename', () => {
    const ready: number[] = [];
    const q = new BatchQueue(Date.now, () => ready.push(Date.now()), 50);
    // A renamed file keeps its old modification time: long quiet already, but its delete is still to come.
    q.addChange({ path: 'new.md', kind: 'write', savedAt: Date.now() - 5_000 }, 150);
    vi.advanceTimersByTime(20);
    q.addChange({ path: 'old.md', kind: 'delete', savedAt: Date.now() }, 150);
    vi.advanceTimersByTime(149);
    expect(ready).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ready).toEqual([10_170]);
    expect(q.take()?.changes.map((c) => c.path)).toEqual(['new.md', 'old.md']);
  });

  it('a save stamped in the future (clock skew) waits the debounce from now', () => {
    const { q, ready } = queue();
    q.addChange({ path: 'a.md', kind: 'write', savedAt: Date.now() + 5_000 }, 150);
    vi.advanceTimersByTime(150);
    expect(ready).toEqual([10_150]);
  });
});
