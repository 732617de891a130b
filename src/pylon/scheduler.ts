import PQueue from 'p-queue';
import type { EndpointName } from '../pylon-api/index.js';
import type { ClientEvent } from './api.js';
import type { RateLimitInfo } from './headers.js';
import { SlidingWindow } from './sliding-window.js';

export interface SchedulerOptions {
  /** Requests per window per endpoint; null = no pacing. */
  limits: Record<EndpointName, number | null>;
  windowMs: number;
  marginMs: number;
  /** Max requests in flight over all endpoints. */
  concurrency: number;
  /** Longest a server may make us pause (Retry-After, reset headers). */
  maxBlockMs: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  emit: (event: ClientEvent) => void;
  /** Aborted when the client closes: waiting and queued requests are dropped. */
  signal: AbortSignal;
  /** A window over every endpoint (the transport's own limit, e.g. Truto's), besides the per-endpoint ones. */
  shared?: { limit: number; windowMs: number; marginMs: number } | undefined;
}

interface Lane {
  /** Concurrency 1: one request at a time takes its slot, in priority then arrival order. */
  queue: PQueue;
  window: SlidingWindow;
  /** Called when a request of this lane finishes (its slot's expiry becomes known). */
  onFinish: Array<() => void>;
}

/**
 * Paces requests so each endpoint stays under its limit while different endpoints proceed in parallel
 * (and, with `shared`, all endpoints together under the transport's own limit).
 * A request first waits for a slot in its endpoint's window, then for a global concurrency slot (without
 * holding one while it waits for its window). Each lane takes slots one request at a time, so the window
 * log is always up to date when the next request asks.
 */
export class RateLimitScheduler {
  private readonly lanes = new Map<EndpointName, Lane>();
  private readonly global: PQueue;
  /** The shared window (null without one) and the requests waiting for any of its slots to free up. */
  private readonly shared: SlidingWindow | null;
  private readonly sharedFinish: Array<() => void> = [];
  private waited = 0;

  constructor(private readonly options: SchedulerOptions) {
    this.global = new PQueue({ concurrency: Math.max(1, options.concurrency) });
    const shared = options.shared;
    this.shared = shared ? new SlidingWindow(shared.limit, shared.windowMs, shared.marginMs) : null;
  }

  /** Runs `task` when the endpoint's limit and the concurrency bound allow. Higher priority goes first. */
  async run<T>(endpoint: EndpointName, task: () => Promise<T>, priority = 0): Promise<T> {
    const lane = this.lane(endpoint);
    const { signal } = this.options;
    const started = await lane.queue.add(
      async () => {
        for (;;) {
          await this.waitForSlot(endpoint, lane);
          const box = await this.startWhenFree(lane, task);
          if (box) return box;
        }
      },
      { priority, signal },
    );
    return started.result;
  }

  /**
   * The server said 429: wait `waitMs` before the next request, and ask for less from now on. 429s that
   * arrive while the endpoint is already paused were sent in the same burst, so they lower the limit once.
   */
  rateLimited(endpoint: EndpointName, waitMs: number): void {
    const { window } = this.lane(endpoint);
    const sameBurst = window.blockedAt(this.options.now());
    this.pause(window, waitMs);
    const from = window.limit;
    if (from !== null && !sameBurst) this.lower(endpoint, window, Math.floor(from * 0.8), '429');
  }

  /**
   * The transport's own limit answered 429 (Truto's per-account window): every endpoint waits `waitMs`.
   * The endpoint that got it is paused too, so the `rateLimited` call that follows counts it as the same
   * burst and leaves that endpoint's own limit alone: it was not the one exceeded.
   */
  sharedRateLimited(endpoint: EndpointName, waitMs: number): void {
    if (!this.shared) return;
    this.pause(this.shared, waitMs);
    this.pause(this.lane(endpoint).window, waitMs);
  }

  /** Learns from `X-Rate-Limit-*` headers: a lower limit, or an exhausted quota until the reset. */
  observe(endpoint: EndpointName, info: RateLimitInfo | undefined): void {
    if (!info) return;
    const { window } = this.lane(endpoint);
    if (info.limit !== undefined && window.limit !== null && info.limit < window.limit) {
      this.lower(endpoint, window, info.limit, 'header');
    }
    if (info.remaining === 0 && info.resetMs !== undefined) {
      this.pause(window, info.resetMs);
    }
  }

  /** Limits in force now (after any lowering). */
  limits(): Record<EndpointName, number | null> {
    const out = { ...this.options.limits };
    for (const [name, lane] of this.lanes) out[name] = lane.window.limit;
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
      const limit = this.options.limits[endpoint];
      lane = {
        queue: new PQueue({ concurrency: 1 }),
        window: new SlidingWindow(limit, this.options.windowMs, this.options.marginMs),
        onFinish: [],
      };
      this.lanes.set(endpoint, lane);
    }
    return lane;
  }

  private lower(endpoint: EndpointName, window: SlidingWindow, to: number, source: '429' | 'header'): void {
    const from = window.limit;
    const next = window.lower(to);
    if (from !== null && next !== null)
      this.options.emit({ type: 'rate-limit-lowered', endpoint, from, to: next, source });
  }

  private async waitForSlot(endpoint: EndpointName, lane: Lane): Promise<void> {
    const { now, sleep, emit, signal } = this.options;
    for (;;) {
      signal.throwIfAborted();
      const own = lane.window.delay(now());
      const shared = this.shared?.delay(now());
      const delay = shared && shared.ms > own.ms ? shared : own;
      if (delay.ms <= 0) return;
      const before = now();
      if (delay.ms === Number.POSITIVE_INFINITY) {
        await this.nextFinish(delay === own ? lane.onFinish : this.sharedFinish);
      } else {
        emit({ type: 'rate-limit-wait', endpoint, ms: delay.ms, reason: delay.reason });
        await sleep(delay.ms, signal);
      }
      this.waited += Math.max(0, now() - before);
    }
  }

  /** Every slot is held by a request still in flight: wait for one to finish. */
  private nextFinish(waiters: Array<() => void>): Promise<void> {
    const { signal } = this.options;
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      waiters.push(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
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
            const { shared } = this;
            const now = this.options.now();
            if (window.delay(now).ms > 0 || (shared !== null && shared.delay(now).ms > 0)) {
              resolve(null);
              return;
            }
            const entry = window.start(now);
            const sharedEntry = shared?.start(now);
            const result = (async () => task())();
            resolve({ result });
            await result.catch(() => undefined);
            window.finish(entry, this.options.now());
            if (sharedEntry) shared?.finish(sharedEntry, this.options.now());
            for (const wake of lane.onFinish.splice(0)) wake();
            for (const wake of this.sharedFinish.splice(0)) wake();
          },
          { signal: this.options.signal },
        )
        .catch(reject);
    });
  }
}
