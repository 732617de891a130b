import { TRUTO_WINDOW_MS } from './options.js';

export type AccountDecision = { ok: true } | { ok: false };

/**
 * Truto's limit per integrated account: a request is admitted while fewer than `limit` requests of that
 * account were admitted in the last `10 s × timeScale`. Rejected requests do not count.
 */
export class AccountLimiter {
  private readonly admitted = new Map<string, number[]>();

  check(account: string, limit: number, timeScale: number, nowMs: number): AccountDecision {
    const windowMs = TRUTO_WINDOW_MS * timeScale;
    const times = (this.admitted.get(account) ?? []).filter((t) => t > nowMs - windowMs);
    if (times.length >= limit) {
      this.admitted.set(account, times);
      return { ok: false };
    }
    times.push(nowMs);
    this.admitted.set(account, times);
    return { ok: true };
  }

  reset(): void {
    this.admitted.clear();
  }
}
