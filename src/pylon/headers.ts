/** What a response says about the endpoint's rate limit. */
export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Time until the window resets, in ms. */
  resetMs?: number;
}

function header(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function nonNegative(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * `Retry-After` (most clients) or `X-Retry-After` (seen by w6w), in ms. Seconds may be fractional
 * (`0.35`); an HTTP date is also accepted.
 */
export function parseRetryAfterMs(headers: Headers, nowEpochMs: number = Date.now()): number | undefined {
  const value = header(headers, ['retry-after', 'x-retry-after']);
  if (value === undefined) return undefined;
  const seconds = nonNegative(value);
  if (seconds !== undefined) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowEpochMs);
}

/** `X-Rate-Limit-*` (or `X-RateLimit-*`, `RateLimit-*`) headers, if the server sends any. */
export function parseRateLimitHeaders(headers: Headers, nowEpochMs: number = Date.now()): RateLimitInfo {
  const names = (suffix: string) => [
    `x-rate-limit-${suffix}`,
    `x-ratelimit-${suffix}`,
    `ratelimit-${suffix}`,
  ];
  const info: RateLimitInfo = {};
  const limit = nonNegative(header(headers, names('limit')));
  if (limit !== undefined && limit >= 1) info.limit = Math.floor(limit);
  const remaining = nonNegative(header(headers, names('remaining')));
  if (remaining !== undefined) info.remaining = Math.floor(remaining);
  const reset = nonNegative(header(headers, names('reset')));
  if (reset !== undefined) {
    // Large values are epoch timestamps (seconds or ms); small ones are seconds from now.
    if (reset > 1e12) info.resetMs = Math.max(0, reset - nowEpochMs);
    else if (reset > 1e9) info.resetMs = Math.max(0, reset * 1000 - nowEpochMs);
    else info.resetMs = Math.round(reset * 1000);
  }
  return info;
}
