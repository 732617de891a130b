import PQueue from 'p-queue';
import type { EndpointName } from '../pylon-api/index.js';
import { FinishSignal } from './finish-signal.js';
import { EndpointLimit, type LimitChange } from './limit-learning.js';
import type { SchedulerOptions } from './scheduler-options.js';
import { SlidingWindow, type WindowEntry } from './sliding-window.js';

/** What a limit change was learned from. */
export type LimitSource = '429' | 'header' | 'learned';

/** One endpoint's share of the scheduler: its queue, its window, and what its limit has learned. */
export interface Lane {
  endpoint: EndpointName;
  /** Concurrency 1: one request at a time takes its slot, in priority then arrival order. */
  queue: PQueue;
  window: SlidingWindow;
  limit: EndpointLimit;
  /** The request most recently refused with a 429. */
  lastRefused: WindowEntry | null;
  /** Wakes the lane's waiters when one of its requests finishes (its slot's expiry becomes known). */
  finished: FinishSignal;
}

export function createLane(endpoint: EndpointName, options: SchedulerOptions): Lane {
  const { windowMs, marginMs } = options;
  const limit = new EndpointLimit({
    configured: options.limits[endpoint],
    learned: options.learned?.[endpoint],
    fixed: options.fixed?.has(endpoint) === true,
    learn: options.learn !== false,
    windowMs,
    now: options.now(),
  });
  return {
    endpoint,
    queue: new PQueue({ concurrency: 1 }),
    window: new SlidingWindow(limit.limit, windowMs, marginMs),
    limit,
    lastRefused: null,
    finished: new FinishSignal(options.signal, options.sleep),
  };
}

/** Puts a limit change in force in the lane's window, and reports it (raised or lowered, and why). */
export function applyLimitChange(
  lane: Lane,
  change: LimitChange | null,
  source: LimitSource,
  emit: SchedulerOptions['emit'],
): void {
  if (!change) return;
  lane.window.setLimit(change.to);
  const { from, to } = change;
  const { endpoint } = lane;
  if (from !== null && to > from) {
    emit({
      type: 'rate-limit-raised',
      endpoint,
      from,
      to,
      source: source === 'header' ? 'header' : 'learned',
    });
  } else {
    emit({ type: 'rate-limit-lowered', endpoint, from, to, source: source === 'header' ? 'header' : '429' });
  }
}
