import type { FinishSignal } from './finish-signal.js';
import { applyLimitChange, type Lane } from './lane.js';
import type { SchedulerOptions } from './scheduler-options.js';
import type { SlidingWindow } from './sliding-window.js';

/** The transport's own window over every endpoint, with its finish signal; null without one. */
export type SharedWindow = { window: SlidingWindow; finished: FinishSignal } | null;

/**
 * Waits until the lane's window (and the shared one) has a slot for one more request. A request that
 * waits for its own window means demand exceeds the limit: the lane's limit may then be raised
 * (limit-learning.ts) and the wait looked at again. Each wait's length is told to `onWaited`, in ms.
 */
export async function waitForSlot(
  lane: Lane,
  shared: SharedWindow,
  options: SchedulerOptions,
  onWaited: (ms: number) => void,
): Promise<void> {
  const { now, sleep, emit, signal } = options;
  for (;;) {
    signal.throwIfAborted();
    const own = lane.window.delay(now());
    const common = shared?.window.delay(now());
    const delay = common && common.ms > own.ms ? common : own;
    if (delay.ms <= 0) return;
    if (delay === own && own.reason === 'scheduler') {
      const change = lane.limit.saturated(now(), lane.window.answered(now()));
      if (change) {
        applyLimitChange(lane, change, 'learned', emit);
        continue;
      }
    }
    const before = now();
    if (delay.ms === Number.POSITIVE_INFINITY) {
      await (delay === own || !shared ? lane.finished : shared.finished).next();
    } else if (delay === own && lane.limit.probing && lane.window.inFlight() > 0) {
      // Slow start: an answer still on its way may show the server took a whole limit; look again then.
      // Not announced: this usually ends with that answer (the limit is raised), not after `delay.ms`; a
      // wait that remains once no answer is on its way is announced below.
      await lane.finished.nextWithin(delay.ms);
    } else {
      emit({ type: 'rate-limit-wait', endpoint: lane.endpoint, ms: delay.ms, reason: delay.reason });
      await sleep(delay.ms, signal);
    }
    onWaited(Math.max(0, now() - before));
  }
}
