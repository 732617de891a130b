import PQueue from 'p-queue';
import type { EndpointName } from '../pylon-api/index.js';
import type { ClientEvent } from './api.js';
import type { RateLimitInfo } from './headers.js';
import { EndpointLimit, type LearnedLimit, type LimitChange } from './limit-learning.js';
import { SlidingWindow, type WindowEntry } from './sliding-window.js';

type LimitSource = '429' | 'header' | 'learned';

export interface SchedulerOptions {
  /** Requests per window per endpoint to start from; null = no pacing until a 429 says otherwise. */
  limits: Record<EndpointName, number | null>;
  /** Endpoints whose limit was configured explicitly (an override): a cap that is never raised. */
  fixed?: ReadonlySet<EndpointName> | undefined;
  /** What earlier runs learned, per endpoint (used instead of the preset). */
  learned?: Partial<Record<EndpointName, LearnedLimit>> | undefined;
  /** Raise limits after clean windows. Default true. */
  learn?: boolean | undefined;
  /** The limit to assume after a 429 on an endpoint with none and no count to go by. */
  fallback?: Partial<Record<EndpointName, number>> | undefined;
  /** Whether a failed request was refused for its rate (a 429): such requests do not count in the window. */
  isRateLimited?: ((error: unknown) => boolean) | undefined;
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
  limit: EndpointLimit;
  /** The request most recently refused with a 429. */
  lastRefused: WindowEntry | null;
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
    this.apply(endpoint, lane, change, '429');
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

  /**
   * Learns from `X-Rate-Limit-*` headers: the limit the server states (higher or lower; an override is
   * only ever lowered), or an exhausted quota until the reset.
   */
  observe(endpoint: EndpointName, info: RateLimitInfo | undefined): void {
    if (!info) return;
    const lane = this.lane(endpoint);
    if (info.limit !== undefined && info.limit !== lane.window.limit) {
      this.apply(endpoint, lane, lane.limit.stated(this.options.now(), info.limit), 'header');
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
      const { windowMs, marginMs } = this.options;
      const limit = new EndpointLimit({
        configured: this.options.limits[endpoint],
        learned: this.options.learned?.[endpoint],
        fixed: this.options.fixed?.has(endpoint) === true,
        learn: this.options.learn !== false,
        windowMs,
        now: this.options.now(),
      });
      lane = {
        queue: new PQueue({ concurrency: 1 }),
        window: new SlidingWindow(limit.limit, windowMs, marginMs),
        limit,
        lastRefused: null,
        onFinish: [],
      };
      this.lanes.set(endpoint, lane);
    }
    return lane;
  }

  private apply(endpoint: EndpointName, lane: Lane, change: LimitChange | null, source: LimitSource): void {
    if (!change) return;
    lane.window.setLimit(change.to);
    const { from, to } = change;
    if (from !== null && to > from) {
      this.options.emit({
        type: 'rate-limit-raised',
        endpoint,
        from,
        to,
        source: source === 'header' ? 'header' : 'learned',
      });
    } else {
      this.options.emit({
        type: 'rate-limit-lowered',
        endpoint,
        from,
        to,
        source: source === 'header' ? 'header' : '429',
      });
    }
  }

  private async waitForSlot(endpoint: EndpointName, lane: Lane): Promise<void> {
    const { now, sleep, emit, signal } = this.options;
    for (;;) {
      signal.throwIfAborted();
      const own = lane.window.delay(now());
      const shared = this.shared?.delay(now());
      const delay = shared && shared.ms > own.ms ? shared : own;
      if (delay.ms <= 0) return;
      if (delay === own && own.reason === 'scheduler') {
        // Demand exceeds the limit: ask for more if the server took what we sent (limit-learning.ts).
        const change = lane.limit.saturated(now(), lane.window.answered(now()));
        if (change) {
          this.apply(endpoint, lane, change, 'learned');
          continue;
        }
      }
      const before = now();
      if (delay.ms === Number.POSITIVE_INFINITY) {
        await this.nextFinish(delay === own ? lane.onFinish : this.sharedFinish);
      } else if (delay === own && lane.limit.probing && lane.window.inFlight() > 0) {
        // Slow start: an answer still on its way may show the server took a whole limit; look again then.
        emit({ type: 'rate-limit-wait', endpoint, ms: delay.ms, reason: delay.reason });
        await this.sleepOrNextFinish(delay.ms, lane.onFinish);
      } else {
        emit({ type: 'rate-limit-wait', endpoint, ms: delay.ms, reason: delay.reason });
        await sleep(delay.ms, signal);
      }
      this.waited += Math.max(0, now() - before);
    }
  }

  /** Sleeps `ms`, or less if a request of the lane finishes first. */
  private async sleepOrNextFinish(ms: number, waiters: Array<() => void>): Promise<void> {
    const { sleep, signal } = this.options;
    const timer = new AbortController();
    const onAbort = () => timer.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.race([sleep(ms, timer.signal).catch(() => undefined), this.nextFinish(waiters)]);
    } finally {
      signal.removeEventListener('abort', onAbort);
      timer.abort();
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
            for (const wake of lane.onFinish.splice(0)) wake();
            for (const wake of this.sharedFinish.splice(0)) wake();
          },
          { signal: this.options.signal },
        )
        .catch(reject);
    });
  }
}
