export interface WindowDelay {
  ms: number;
  /** `429`: the server asked us to wait (Retry-After or a reset header); `scheduler`: our own window. */
  reason: 'scheduler' | '429';
}

/**
 * Sliding-window log for one endpoint: never more than `limit` starts in any `windowMs + marginMs` span,
 * which is what a server that keeps a sliding log of arrivals enforces, plus a margin for latency jitter.
 * Times are from a monotonic clock supplied by the caller, so the class is pure and testable.
 */
export class SlidingWindow {
  private readonly starts: number[] = [];
  private blockedUntil = Number.NEGATIVE_INFINITY;
  private current: number | null;

  constructor(
    limit: number | null,
    readonly windowMs: number,
    readonly marginMs: number,
  ) {
    this.current = limit === null ? null : Math.max(1, Math.floor(limit));
  }

  /** Requests per window now in force, or null for no pacing. */
  get limit(): number | null {
    return this.current;
  }

  /** How long a request arriving at `now` must wait before it may start. */
  delay(now: number): WindowDelay {
    this.prune(now);
    const blocked = this.blockedUntil - now;
    let windowWait = 0;
    if (this.current !== null && this.starts.length >= this.current) {
      const oldestThatCounts = this.starts[this.starts.length - this.current] ?? now;
      windowWait = oldestThatCounts + this.windowMs + this.marginMs - now;
    }
    if (blocked > 0 && blocked >= windowWait) return { ms: Math.ceil(blocked), reason: '429' };
    return { ms: Math.max(0, Math.ceil(windowWait)), reason: 'scheduler' };
  }

  /** Records a start. Starts arrive in time order because acquisition per endpoint is sequential. */
  record(now: number): void {
    this.starts.push(now);
  }

  /** Lowers the limit (never raises it, never below 1). Returns the new limit if it changed. */
  lower(to: number): number | null {
    const next = Math.max(1, Math.floor(to));
    if (this.current !== null && next >= this.current) return null;
    this.current = next;
    return next;
  }

  /** Starts no request before `until` (after a 429 or an exhausted quota). */
  block(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  /** Starts within the last window, as seen at `now`. */
  recentStarts(now: number): number {
    this.prune(now);
    return this.starts.filter((t) => t > now - this.windowMs).length;
  }

  private prune(now: number): void {
    const horizon = now - this.windowMs - this.marginMs;
    let drop = 0;
    while (drop < this.starts.length && (this.starts[drop] ?? 0) <= horizon) drop++;
    if (drop > 0) this.starts.splice(0, drop);
  }
}
