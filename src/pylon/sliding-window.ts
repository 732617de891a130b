export interface WindowDelay {
  /** Infinity: wait until a request in flight finishes, then ask again. */
  ms: number;
  /** `429`: the server asked us to wait (Retry-After or a reset header); `scheduler`: our own window. */
  reason: 'scheduler' | '429';
}

/** One request counted in the window: started, and finished once its response (or failure) is in. */
export interface WindowEntry {
  start: number;
  end: number | null;
  /** The server answered 429: it did not count the request, so neither does the window. */
  refused?: boolean;
}

/**
 * Sliding-window log for one endpoint, as a server that logs arrivals in a sliding window enforces it.
 * The server sees a request somewhere between our start and our response, so a slot is freed only
 * `windowMs + marginMs` after the response: whatever the latency, the server never counts more than
 * `limit` arrivals in any window. (Counting from the start failed in practice: a cold first connection
 * arrived 40 ms late, a warm one 1 ms late, and the server saw six in a window of five.)
 * Times come from the caller's monotonic clock, so the class is pure.
 */
export class SlidingWindow {
  private entries: WindowEntry[] = [];
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

  /** Sets the limit (at least 1), up or down. */
  setLimit(to: number): void {
    this.current = Math.max(1, Math.floor(to));
  }

  /** How long a request arriving at `now` must wait before it may start. */
  delay(now: number): WindowDelay {
    this.prune(now);
    const blocked = this.blockedUntil - now;
    let windowWait = 0;
    const counted = this.entries.filter((e) => e.refused !== true);
    if (this.current !== null && counted.length >= this.current) {
      const ends = counted.map((e) => e.end ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
      const freesAt = (ends[ends.length - this.current] ?? now) + this.windowMs + this.marginMs;
      windowWait = freesAt - now;
    }
    if (blocked > 0 && blocked >= windowWait) return { ms: Math.ceil(blocked), reason: '429' };
    return { ms: Math.max(0, Math.ceil(windowWait)), reason: 'scheduler' };
  }

  start(now: number): WindowEntry {
    const entry: WindowEntry = { start: now, end: null };
    this.entries.push(entry);
    return entry;
  }

  finish(entry: WindowEntry, now: number): void {
    entry.end = Math.max(entry.start, now);
  }

  /** Requests answered, and not refused, within the window before `now`. */
  answered(now: number): number {
    return this.entries.filter((e) => e.end !== null && e.refused !== true && e.end > now - this.windowMs)
      .length;
  }

  /** Requests started and not yet answered. */
  inFlight(): number {
    return this.entries.filter((e) => e.end === null).length;
  }

  /**
   * Requests the server did not refuse (answered, or still in flight) sent before `refused` and within the
   * window before it: what the server admitted in the window that ended with that refused request. The
   * server saw each request between its start and its answer; the middle of the two is taken.
   */
  admittedBefore(refused: WindowEntry, windowMs: number): number {
    const at = this.entries.indexOf(refused);
    const earlier = at >= 0 ? this.entries.slice(0, at) : this.entries.filter((e) => e.start < refused.start);
    const seen = (e: WindowEntry) => (e.start + (e.end ?? e.start)) / 2;
    const from = seen(refused) - windowMs;
    return earlier.filter((e) => e.refused !== true && (e.end === null || seen(e) > from)).length;
  }

  /** Starts no request before `until` (after a 429 or an exhausted quota). */
  block(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  /** Whether a block is in force at `now`. */
  blockedAt(now: number): boolean {
    return this.blockedUntil > now;
  }

  private prune(now: number): void {
    const horizon = now - this.windowMs - this.marginMs;
    this.entries = this.entries.filter((e) => e.end === null || e.end > horizon);
  }
}
