import { setTimeout as sleep } from 'node:timers/promises';
import type { EndpointName } from '../pylon-api/index.js';
import type { Emulator } from './emulator.js';
import { ApiError } from './errors.js';
import { formatRetryAfter, rateLimitHeaders } from './rate-limit.js';

/** The error body of a fault that answers with a status instead of running the handler. */
const FAULT_ERRORS: Record<number, [string, string]> = {
  500: ['Internal server error', 'internal_error'],
  502: ['Bad gateway', 'bad_gateway'],
  503: ['Service unavailable', 'service_unavailable'],
  429: ['Rate limit exceeded', 'rate_limited'],
};

export type Rejection = Pick<ApiError, 'status' | 'message' | 'code'> & { headers: Record<string, string> };

export interface Admission {
  /** Set when the request is answered without running its handler: a 429 or an injected fault. */
  rejection?: Rejection;
  /** A commit-then-drop fault fired: run the handler, then reset the connection. */
  drop: boolean;
  /** A commit-then-status fault fired: run the handler, then answer this status (a 504 after the commit). */
  statusAfterCommit?: 502 | 503 | 504;
  /** With `drop` or `statusAfterCommit`: the handler runs this many ms after the answer (a late commit). */
  commitDelayMs?: number;
  /** Headers for the answer of an admitted request (`X-Rate-Limit-*` with the `rateLimitHeaders` option). */
  headers: Record<string, string>;
}

function retryHeaders(seconds: string): Record<string, string> {
  return { 'retry-after': seconds, 'x-retry-after': seconds };
}

/**
 * What happens to a Pylon API request before its handler runs, whichever façade it came through (direct
 * or Truto): the per-token, per-endpoint rate limit, then the fault rules (latency, a status, a drop).
 */
export async function admit(
  emulator: Emulator,
  token: string,
  methodAndRoute: string,
  endpoint: EndpointName | null,
): Promise<Admission> {
  const { timeScale } = emulator.behaviour;
  const stated = emulator.behaviour.rateLimitHeaders;
  let headers: Record<string, string> = {};
  if (endpoint) {
    const decision = emulator.limiter.check(token, endpoint, performance.now());
    if (!decision.ok) {
      const rejected = {
        ...retryHeaders(formatRetryAfter(decision.retryAfterMs, timeScale)),
        ...(stated &&
          rateLimitHeaders(
            { limit: decision.limit, remaining: 0, resetMs: decision.retryAfterMs },
            timeScale,
          )),
      };
      return {
        rejection: { status: 429, message: 'Rate limit exceeded', code: 'rate_limited', headers: rejected },
        drop: false,
        headers: {},
      };
    }
    const { limit, remaining, resetMs } = decision;
    if (stated && limit !== undefined && remaining !== undefined && resetMs !== undefined) {
      headers = rateLimitHeaders({ limit, remaining, resetMs }, timeScale);
    }
  }
  const fault = emulator.faults.evaluate(methodAndRoute, endpoint);
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.action?.kind === 'status') {
    const { status } = fault.action;
    const [message, code] = FAULT_ERRORS[status] ?? ['Internal server error', 'internal_error'];
    const seconds = fault.action.retryAfterSeconds ?? Number(formatRetryAfter(1000 * timeScale, timeScale));
    return {
      rejection: { status, message, code, headers: status === 429 ? retryHeaders(String(seconds)) : {} },
      drop: false,
      headers: {},
    };
  }
  const action = fault.action;
  if (action?.kind === 'drop' || action?.kind === 'after-commit') {
    return {
      drop: action.kind === 'drop',
      ...(action.kind === 'after-commit' ? { statusAfterCommit: action.status } : {}),
      ...(action.commitDelayMs !== undefined ? { commitDelayMs: action.commitDelayMs } : {}),
      headers,
    };
  }
  return { drop: false, headers };
}

/** A handler's exception as the error Pylon would answer with. */
export function asApiError(error: unknown): Pick<ApiError, 'status' | 'message' | 'code' | 'existsId'> {
  if (error instanceof ApiError) return error;
  return {
    status: 500,
    message: `Internal server error: ${(error as Error).message}`,
    code: 'internal_error',
  };
}
