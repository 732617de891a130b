import { PylonApiError, type Transport, type TransportRequest } from '../../src/pylon/index.js';
import { rawArticle } from './fixtures.js';

/**
 * Virtual time for the scheduler: `sleep` registers a timer, and the clock jumps to the next timer only
 * when nothing else can run (every promise chain has settled), so concurrent sleepers see one clock.
 */
export function virtualClock() {
  let now = 0;
  let scheduled = false;
  const timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
  let seq = 0;
  const tick = () => {
    scheduled = false;
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.resolve();
    schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(tick);
  };
  return {
    now: () => now,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        signal?.throwIfAborted();
        const timer = { at: now + Math.max(0, ms), seq: seq++, resolve };
        timers.push(timer);
        // A cancelled sleep must not move the clock.
        signal?.addEventListener(
          'abort',
          () => {
            timers.splice(timers.indexOf(timer), 1);
            reject(signal.reason);
          },
          { once: true },
        );
        schedule();
      }),
  };
}

export interface VirtualServerOptions {
  /** Requests per window the server admits, per endpoint; missing = no limit. */
  limits: Partial<Record<string, number>>;
  windowMs: number;
  now: () => number;
  /** Send `X-RateLimit-Limit` / `-Remaining` / `-Reset` on every answer. */
  headers?: boolean;
}

/** A transport that answers at once, enforcing a sliding-window limit per endpoint as Pylon does. */
export function virtualServer(options: VirtualServerOptions) {
  const admitted = new Map<string, number[]>();
  const log: Array<{ endpoint: string; at: number; status: number }> = [];
  const transport: Transport = {
    name: 'virtual',
    supportsIdempotencyKeys: false,
    async send(request: TransportRequest) {
      const now = options.now();
      const limit = options.limits[request.endpoint];
      const times = (admitted.get(request.endpoint) ?? []).filter((t) => t > now - options.windowMs);
      admitted.set(request.endpoint, times);
      const stated = (remaining: number, resetMs: number) =>
        options.headers && limit !== undefined
          ? { limit, remaining, resetMs: Math.max(0, Math.ceil(resetMs)) }
          : undefined;
      if (limit !== undefined && times.length >= limit) {
        const retryAfterMs = (times[times.length - limit] ?? now) + options.windowMs - now;
        log.push({ endpoint: request.endpoint, at: now, status: 429 });
        throw new PylonApiError({
          endpoint: request.endpoint,
          method: request.method,
          path: request.path,
          status: 429,
          retryAfterMs,
          rateLimit: stated(0, retryAfterMs),
        });
      }
      times.push(now);
      log.push({ endpoint: request.endpoint, at: now, status: 200 });
      const info =
        limit === undefined
          ? undefined
          : stated(limit - times.length, (times[0] ?? now) + options.windowMs - now);
      const headers = new Headers();
      if (info) {
        headers.set('X-RateLimit-Limit', String(info.limit));
        headers.set('X-RateLimit-Remaining', String(info.remaining));
        headers.set('X-RateLimit-Reset', String(info.resetMs / 1000));
      }
      return { status: 200, headers, data: rawArticle(log.length), requestId: null };
    },
  };
  return { transport, log };
}
