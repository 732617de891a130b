import { type EndpointName, rateLimitsFor } from '../pylon-api/index.js';
import type { RateLimitOption } from './types.js';

/** `limit`, `remaining` and `resetMs` (until the oldest admission leaves the window) when the endpoint has a limit. */
export type RateDecision =
  | { ok: true; limit?: number; remaining?: number; resetMs?: number }
  | { ok: false; retryAfterMs: number; limit: number };

export function resolveLimits(option: RateLimitOption): Record<EndpointName, number | null> {
  return typeof option === 'string'
    ? rateLimitsFor(option)
    : rateLimitsFor(option.preset, option.overrides ?? {});
}

/**
 * Sliding-window limits per token and endpoint: a request is admitted while fewer than `limit` requests
 * of that token and endpoint were admitted in the last `60000 * timeScale` ms. Rejected requests do not count.
 */
export class RateLimiter {
  private limits: Record<EndpointName, number | null>;
  private windowMs: number;
  private readonly admitted = new Map<string, number[]>();

  constructor(option: RateLimitOption, timeScale: number) {
    this.limits = resolveLimits(option);
    this.windowMs = 60_000 * timeScale;
  }

  configure(option: RateLimitOption, timeScale: number): void {
    this.limits = resolveLimits(option);
    this.windowMs = 60_000 * timeScale;
  }

  reset(): void {
    this.admitted.clear();
  }

  check(token: string, endpoint: EndpointName, nowMs: number): RateDecision {
    const limit = this.limits[endpoint];
    if (limit === null || limit === undefined) return { ok: true };
    const key = `${token}\u0000${endpoint}`;
    const times = (this.admitted.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (times.length >= limit) {
      this.admitted.set(key, times);
      const oldest = times[times.length - limit] ?? nowMs;
      return { ok: false, retryAfterMs: Math.max(1, oldest + this.windowMs - nowMs), limit };
    }
    times.push(nowMs);
    this.admitted.set(key, times);
    const resetMs = Math.max(0, (times[0] ?? nowMs) + this.windowMs - nowMs);
    return { ok: true, limit, remaining: limit - times.length, resetMs };
  }
}

/**
 * `X-Rate-Limit-Limit`, `-Remaining` and `-Reset` (seconds until a slot frees, scaled like Retry-After),
 * sent when the emulator's `rateLimitHeaders` option is on. Pylon does not document such headers.
 */
export function rateLimitHeaders(
  info: { limit: number; remaining: number; resetMs: number },
  timeScale: number,
): Record<string, string> {
  return {
    'x-rate-limit-limit': String(info.limit),
    'x-rate-limit-remaining': String(Math.max(0, info.remaining)),
    'x-rate-limit-reset': formatRetryAfter(info.resetMs, timeScale),
  };
}

/** `Retry-After` value: whole seconds at real time, else fractional scaled seconds (at least the wait). */
export function formatRetryAfter(ms: number, timeScale: number): string {
  if (timeScale >= 1) return String(Math.max(1, Math.ceil(ms / 1000)));
  return String(Math.max(0.001, Math.ceil(ms) / 1000));
}
