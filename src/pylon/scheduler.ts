import PQueue from 'p-queue';
import type { EndpointName } from '../pylon-api/index.js';
import { FinishSignal } from './finish-signal.js';
import type { RateLimitInfo } from './headers.js';
import { applyLimitChange, createLane, type Lane } from './lane.js';
import type { LearnedLimit } from './limit-learning.js';
import type { SchedulerOptions } from './scheduler-options.js';
import { SlidingWindow } from './sliding-window.js';
import { type SharedWindow, waitForSlot } from './slot-wait.js';

export type { SchedulerOptions } from './scheduler-options.js';

/**
 * Paces requests so each endpoint stays under its limit while different endpoints proceed in parallel
 * (and, with `shared`, all endpoints together under the transport's own limit).
 * A request first waits for a slot in its endpoint's window (slot-wait.ts), then for a global concurrency
 * slot (without holding one while it waits for its window). Each lane takes slots one request at a time,
 * so the window log is always up to date when the next request asks.
 */
export class RateLimitScheduler {
  private readonly lanes = new Map<EndpointName, Lane>();
  private readonly global: PQueue;
  private readonly shared: SharedWindow;
  private waited = 0;

  constructor(private readonly options: SchedulerOptions) {
    this.global = new PQueue({ concurrency: Math.max(1, options.concurrency) });
    const shared = options.shared;
    this.shared = shared
      ? {
          window: new SlidingWindow(shared.limit, shared.windowMs, shared.marginMs),
          finished: new FinishSignal(options.signal, options.sleep),
        }
      : null;
  }

  /** Runs `task` when the endpoint's limit and the concurrency bound allow. Higher priority goes first. */
  async run<T>(endpoint: EndpointName, task: () => Promise<T>, priority = 0): Promise<T> {
    const lane = this.lane(endpoint);
    const { signal } = this.options;
    const started = await lane.queue.add(
      async () => {
        for (;;) {
          await waitForSlot(lane, this.shared, this.options, (ms) => {
            this.waited += ms;
          });
          const box = await this.startWhenFree(lane, task);
          if (box) return box;
        }
      },
      { priority, signal },
    );
    return started.result;
  }

  /**
   * The server said 429: wait `waitMs` before the next request, and ask for less from now on: what the
   * server admitted in the window before the refused request (see limit-learning.ts). 429s that arrive
   * while the endpoint is already paused were sent in the same burst, so they lower the limit once.
   */
  rateLimited(endpoint: EndpointName, waitMs: number): void {
    const lane = this.lane(endpoint);
    const now = this.options.now();
    const sameBurst = lane.window.blockedAt(now);
    this.pause(lane.window, waitMs);
    if (sameBurst) return;
    const refused = lane.lastRefused ?? { start: now, end: now, refused: true };
    const admitted = lane.window.admittedBefore(refused, this.options.windowMs);
    const change = lane.limit.refused(now, admitted, this.options.fallback?.[endpoint] ?? null);
    applyLimitChange(lane, change, '429', this.options.emit);
  }

  /**
   * The transport's own limit answered 429 (Truto's per-account window): every endpoint waits `waitMs`.
   * The endpoint that got it is paused too, so the `rateLimited` call that follows counts it as the same
   * burst and leaves that endpoint's own limit alone: it was not the one exceeded.
   */
  sharedRateLimited(endpoint: EndpointName, waitMs: number): void {
    if (!this.shared) return;
    this.pause(this.shared.window, waitMs);
    this.pause(this.lane(endpoint).window, waitMs);
  }

  /**
   * Learns from `X-Rate-Limit-*` headers: the limit the server states (higher or lower; an override is
   * only ever lowered), or an exhausted quota until the reset.
   */
  observe(endpoint: EndpointName, info: RateLimitInfo | undefined): void {
    if (!info) return;
    const lane = this.lane(endpoint);
    if (info.limit !== undefined && info.limit !== lane.window.limit) {
      const change = lane.limit.stated(this.options.now(), info.limit);
      applyLimitChange(lane, change, 'header', this.options.emit);
    }
    if (info.remaining === 0 && info.resetMs !== undefined) {
      this.pause(lane.window, info.resetMs);
    }
  }

  /** Limits in force now (after anything learned). */
  limits(): Record<EndpointName, number | null> {
    const out = { ...this.options.limits };
    for (const [name, limit] of Object.entries(this.options.learned ?? {})) {
      if (limit && !this.options.fixed?.has(name as EndpointName)) out[name as EndpointName] = limit.limit;
    }
    for (const [name, lane] of this.lanes) out[name] = lane.window.limit;
    return out;
  }

  /** What is worth remembering for the next run: endpoints whose limit was learned, or that met a 429. */
  learned(): Partial<Record<EndpointName, LearnedLimit>> {
    const out: Partial<Record<EndpointName, LearnedLimit>> = {};
    for (const [name, learned] of Object.entries(this.options.learned ?? {})) {
      if (learned && !this.options.fixed?.has(name as EndpointName)) out[name as EndpointName] = learned;
    }
    for (const [name, lane] of this.lanes) {
      const learned = lane.limit.learned();
      if (learned) out[name] = learned;
      else delete out[name];
    }
    return out;
  }

  /** Total time requests spent waiting for the rate limit, in ms. */
  get waitedMs(): number {
    return this.waited;
  }

  /** Resolves when every started request has settled. */
  async idle(): Promise<void> {
    await Promise.all([...[...this.lanes.values()].map((l) => l.queue.onIdle()), this.global.onIdle()]);
  }

  /**
   * A server-requested wait starts after the server measured it, so only a small margin is added (for a
   * Retry-After rounded down); the window margin (2% of a minute) would be needlessly long here.
   */
  private pause(window: SlidingWindow, ms: number): void {
    const { now, maxBlockMs, marginMs } = this.options;
    window.block(now() + Math.min(ms, maxBlockMs) + Math.min(marginMs, 50));
  }

  private lane(endpoint: EndpointName): Lane {
    let lane = this.lanes.get(endpoint);
    if (!lane) {
      lane = createLane(endpoint, this.options);
      this.lanes.set(endpoint, lane);
    }
    return lane;
  }

  /**
   * Resolves (boxed, so the task's own promise is not awaited here) as soon as the task has started, or
   * with null if, by the time a concurrency slot was free, the endpoint must wait again (a 429 meanwhile).
   */
  private startWhenFree<T>(lane: Lane, task: () => Promise<T>): Promise<{ result: Promise<T> } | null> {
    const { window } = lane;
    return new Promise((resolve, reject) => {
      this.global
        .add(
          async () => {
            const shared = this.shared?.window ?? null;
            const now = this.options.now();
            if (window.delay(now).ms > 0 || (shared !== null && shared.delay(now).ms > 0)) {
              resolve(null);
              return;
            }
            const entry = window.start(now);
            const sharedEntry = shared?.start(now);
            const result = (async () => {
              try {
                return await task();
              } catch (error) {
                // Marked before the caller sees the error, so `rateLimited` finds it.
                if (this.options.isRateLimited?.(error)) {
                  entry.refused = true;
                  lane.lastRefused = entry;
                }
                throw error;
              }
            })();
            resolve({ result });
            await result.catch(() => undefined);
            window.finish(entry, this.options.now());
            if (sharedEntry) shared?.finish(sharedEntry, this.options.now());
            lane.finished.wake();
            this.shared?.finished.wake();
          },
          { signal: this.options.signal },
        )
        .catch(reject);
    });
  }
}
