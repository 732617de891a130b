import type { EndpointName } from '../pylon-api/index.js';
import type { RequestLogEntry } from './types.js';

/** The counter key of a request that matched no route: a scan of random paths must not grow the counts. */
export const UNMATCHED_ROUTE = '/{unmatched}';

/** Counts per `METHOD /templated/route` (all time) and the most recent entries (capped). */
export class RequestLog {
  private readonly counts = new Map<string, number>();
  private entries: RequestLogEntry[] = [];

  constructor(private readonly cap = 10_000) {}

  /** Called when a request reaches routing, before any 4xx, 429 or fault. `route` is a template, never a raw path. */
  count(method: string, route: string): void {
    const key = `${method} ${route}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  record(
    at: number,
    method: string,
    route: string,
    endpoint: EndpointName | null,
    status: number,
    dropped = false,
  ): void {
    const entry: RequestLogEntry = { at, method, route, endpoint, status };
    if (dropped) entry.dropped = true;
    this.entries.push(entry);
    if (this.entries.length > this.cap) this.entries = this.entries.slice(-this.cap);
  }

  reset(): void {
    this.counts.clear();
    this.entries = [];
  }

  view(): { counts: Record<string, number>; log: RequestLogEntry[] } {
    return { counts: Object.fromEntries(this.counts), log: this.entries.map((e) => ({ ...e })) };
  }
}
