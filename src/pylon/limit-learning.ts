/**
 * What one endpoint's limit has learned, in a form that can be kept between runs (the run layer stores it
 * in `.pylon-kb/`, per target and endpoint).
 */
export interface LearnedLimit {
  /** Requests per window to start from. */
  limit: number;
  /** The smallest number of requests per window the server is known to refuse (a 429, or a header's limit + 1). */
  ceiling?: number | undefined;
  /** The server stated the limit itself (`X-Rate-Limit-Limit`): it is not probed. */
  fromHeader?: boolean | undefined;
}

export interface EndpointLimitOptions {
  /** The configured (or preset) limit; null = none known. */
  configured: number | null;
  /** What an earlier run learned; used instead of the preset (never instead of an override). */
  learned?: LearnedLimit | undefined;
  /** A configured override: it is a cap, never raised. */
  fixed: boolean;
  /** Raise after clean windows (config `rateLimits.learn`). Lowering on 429 always happens. */
  learn: boolean;
  windowMs: number;
  now: number;
}

/** After a 429 at some count, counts at or above it are not tried again for this many windows. */
export const CEILING_HOLD_WINDOWS = 60;
/** No limit is learned above this (requests per window). */
const MAX_LIMIT = 10_000;

export type LimitChange = { from: number | null; to: number };

/**
 * The learning policy of one endpoint's limit, in the style of TCP congestion control, with the clock
 * passed in (pure):
 * - until the first 429 (slow start), the limit doubles as soon as a whole limit's worth of requests was
 *   accepted within one window while more were waiting: a server with higher limits is found within the
 *   first minute, at the price of one burst of 429s per endpoint when the limits were right (the burst's
 *   requests are sent again when the window frees, as they would have waited anyway);
 * - a 429 burst sets the limit to what the server admitted in the window before the refused request (it
 *   tells the server's limit when we were the ones filling it), else lowers it by a fifth, and records a
 *   ceiling: the refused count is not tried again for CEILING_HOLD_WINDOWS windows;
 * - after a 429, a whole window at the limit without one adds a tenth (at least 1), below any ceiling;
 * - a limit the server states in a header is taken as it is, and not probed.
 */
export class EndpointLimit {
  private current: number | null;
  private ceiling: number | null;
  private fromHeader: boolean;
  private changedAt: number;
  private refusedAt = Number.NEGATIVE_INFINITY;
  private ceilingAt: number;
  private refusedOnce = false;

  constructor(private readonly options: EndpointLimitOptions) {
    const learned = options.fixed ? undefined : options.learned;
    this.current = learned ? learned.limit : options.configured;
    this.ceiling = learned?.ceiling ?? null;
    this.fromHeader = learned?.fromHeader === true;
    this.refusedOnce = this.ceiling !== null;
    this.changedAt = options.now;
    this.ceilingAt = options.now;
  }

  get limit(): number | null {
    return this.current;
  }

  /** In slow start: the limit may still double within the current window. */
  get probing(): boolean {
    const { learn, fixed } = this.options;
    return learn && !fixed && !this.fromHeader && !this.refusedOnce && this.current !== null;
  }

  /** Whether the limit differs from the configured one, or a ceiling is known: worth remembering. */
  learned(): LearnedLimit | undefined {
    if (this.options.fixed || this.current === null) return undefined;
    if (this.current === this.options.configured && this.ceiling === null) return undefined;
    return {
      limit: this.current,
      ...(this.ceiling !== null && { ceiling: this.ceiling }),
      ...(this.fromHeader && { fromHeader: true }),
    };
  }

  /**
   * A request had to wait for the window at `now` (demand exceeds the limit); `answered` = requests of
   * this endpoint the server accepted in the last window. Returns the raised limit, if any: before the
   * first 429, as soon as a whole limit's worth was accepted in one window; after it, once a whole window
   * has passed at the current limit without a 429.
   */
  saturated(now: number, answered: number): LimitChange | null {
    const { learn, fixed, windowMs } = this.options;
    if (!learn || fixed || this.fromHeader || this.current === null) return null;
    if (now - this.refusedAt < windowMs) return null;
    const from = this.current;
    if (!this.refusedOnce) return answered >= from ? this.set(Math.min(from * 2, MAX_LIMIT), now) : null;
    if (now - this.changedAt < windowMs) return null;
    if (this.ceiling !== null && now - this.ceilingAt >= CEILING_HOLD_WINDOWS * windowMs) this.ceiling = null;
    let to = from + Math.max(1, Math.ceil(from / 10));
    if (this.ceiling !== null) to = Math.min(to, this.ceiling - 1);
    to = Math.min(to, MAX_LIMIT);
    return to > from ? this.set(to, now) : null;
  }

  /**
   * The first 429 of a burst, at `now`; `admitted` = requests of this endpoint the server accepted in the
   * window before the refused one; `fallback` = the limit to assume when none was known (none by default:
   * `off` stays without a client-side limit, paced only by what the server says).
   */
  refused(now: number, admitted: number, fallback: number | null): LimitChange | null {
    this.refusedAt = now;
    this.refusedOnce = true;
    const from = this.current;
    let to: number | null;
    // No limit known (preset `off`): no client-side limit follows from a 429 unless one is given; the pause
    // the server asked for (Retry-After, the reset header) is what paces the lane.
    if (from === null) to = fallback;
    else to = admitted >= 1 ? Math.min(admitted, from - 1) : Math.floor(from * 0.8);
    if (to === null) return null;
    to = Math.max(1, to);
    const ceiling = admitted >= 1 ? admitted + 1 : (from ?? to + 1);
    this.ceiling = this.ceiling === null ? ceiling : Math.min(this.ceiling, ceiling);
    this.ceilingAt = now;
    this.fromHeader = false;
    if (to === from) return null;
    return this.set(to, now);
  }

  /** The server stated its limit (`X-Rate-Limit-Limit`). An override is never raised by it. */
  stated(now: number, limit: number): LimitChange | null {
    const to = Math.max(1, Math.floor(limit));
    if (this.options.fixed && this.current !== null && to >= this.current) return null;
    this.fromHeader = true;
    this.ceiling = to + 1;
    this.ceilingAt = now;
    if (to === this.current) return null;
    return this.set(to, now);
  }

  private set(to: number, now: number): LimitChange {
    const from = this.current;
    this.current = to;
    this.changedAt = now;
    return { from, to };
  }
}
