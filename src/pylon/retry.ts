import { OutcomeUnknownError, PylonApiError, PylonNetworkError } from './errors.js';

/**
 * `read`: GET and POST /users/search. `update`: PATCH (same fields again = same result). `delete`: DELETE
 * (a 404 on a retry means the first attempt worked). `create`: POST that makes an object; not safe to repeat
 * unless the transport honours idempotency keys.
 */
export type RequestKind = 'read' | 'update' | 'delete' | 'create';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseMs: number;
  maxMs: number;
  /** Cap on a server-requested wait (Retry-After). */
  maxRetryAfterMs: number;
  random: () => number;
}

export type RetryDecision =
  | { action: 'retry'; delayMs: number; reason: string; rateLimited: boolean }
  | { action: 'succeed' }
  | { action: 'fail'; error: unknown };

const RETRYABLE_STATUS = new Set([502, 503, 504]);

/** A 500 on a read is as passing as a 502 (nothing changed on the server); on a write it may mean a bug. */
function retryableStatus(status: number, kind: RequestKind): boolean {
  return RETRYABLE_STATUS.has(status) || (status === 500 && kind === 'read');
}

/** Exponential backoff with "equal jitter": half fixed, half random, so parallel retries spread out. */
export function backoffMs(failures: number, policy: RetryPolicy): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + policy.random() * (exp / 2));
}

/**
 * What to do after attempt number `attempt` (1-based) failed with `error`. `repeatable` is false for a
 * create without an idempotency key: it is re-sent only when the server certainly did not process it
 * (429, or the connection was never made); a 5xx or a lost connection makes its outcome unknown.
 */
export function decideRetry(
  error: unknown,
  kind: RequestKind,
  attempt: number,
  repeatable: boolean,
  policy: RetryPolicy,
): RetryDecision {
  const exhausted = attempt > policy.retries;
  if (error instanceof PylonApiError) {
    if (error.status === 404 && kind === 'delete' && attempt > 1) return { action: 'succeed' };
    if (error.status === 429) {
      if (exhausted) return { action: 'fail', error };
      const delayMs = Math.min(error.retryAfterMs ?? backoffMs(attempt, policy), policy.maxRetryAfterMs);
      return { action: 'retry', delayMs, reason: 'rate_limited (429)', rateLimited: true };
    }
    if (error.status >= 500 && !repeatable) return { action: 'fail', error: new OutcomeUnknownError(error) };
    if (retryableStatus(error.status, kind) && !exhausted) {
      const delayMs = Math.min(error.retryAfterMs ?? backoffMs(attempt, policy), policy.maxRetryAfterMs);
      return { action: 'retry', delayMs, reason: `${error.status} ${error.code}`, rateLimited: false };
    }
    return { action: 'fail', error };
  }
  if (error instanceof PylonNetworkError) {
    if (!error.transient) return { action: 'fail', error };
    if (!repeatable && error.phase === 'sent')
      return { action: 'fail', error: new OutcomeUnknownError(error) };
    if (exhausted) return { action: 'fail', error };
    return { action: 'retry', delayMs: backoffMs(attempt, policy), reason: error.code, rateLimited: false };
  }
  return { action: 'fail', error };
}
