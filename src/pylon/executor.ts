import { randomUUID } from 'node:crypto';
import { type Redactor, scrubError } from '../diagnostics/redact.js';
import type { EndpointName } from '../pylon-api/index.js';
import type { ClientEvent } from './api.js';
import { PylonApiError, PylonError, PylonNetworkError } from './errors.js';
import { parseRateLimitHeaders } from './headers.js';
import { decideRetry, type RequestKind, type RetryPolicy } from './retry.js';
import type { RateLimitScheduler } from './scheduler.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

export interface ExecutorStats {
  requestsByEndpoint: Partial<Record<EndpointName, number>>;
  retries: number;
  rateLimited: number;
}

export interface ExecutorDeps {
  transport: Transport;
  scheduler: RateLimitScheduler;
  policy: RetryPolicy;
  redact: Redactor;
  emit: (event: ClientEvent) => void;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal: AbortSignal;
}

/** The request with its body built on first use (a `LazyBody`), the same for every retry. */
function bodyAtSlot(req: TransportRequest): { request(): TransportRequest; failed(error: unknown): boolean } {
  const build = req.json;
  if (typeof build !== 'function') return { request: () => req, failed: () => false };
  let built: TransportRequest | undefined;
  let failure: { error: unknown } | undefined;
  return {
    request() {
      if (built) return built;
      try {
        built = { ...req, json: (build as () => unknown)() };
      } catch (error) {
        failure = { error };
        throw error;
      }
      return built;
    },
    failed: (error) => failure !== undefined && failure.error === error,
  };
}

/**
 * The query a request carries, for the request log: its parameters, and a page's cursor and limit on a
 * GET (where Pylon takes them; a POST search carries them in its body, which is never logged).
 */
function queryOf(req: TransportRequest): string {
  const params = new URLSearchParams(req.query);
  if (req.page && req.method === 'GET') {
    if (req.page.cursor !== undefined) params.set('cursor', req.page.cursor);
    if (req.page.limit !== undefined) params.set('limit', String(req.page.limit));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** One logical request: scheduled per endpoint, retried by the rules in retry.ts, secrets scrubbed. */
export class RequestExecutor {
  readonly stats: ExecutorStats = { requestsByEndpoint: {}, retries: 0, rateLimited: 0 };

  constructor(private readonly deps: ExecutorDeps) {}

  async send(request: TransportRequest, kind: RequestKind): Promise<TransportResponse> {
    const { transport, scheduler, policy, redact, emit, sleep, signal } = this.deps;
    const keyed = kind === 'create' && transport.supportsIdempotencyKeys;
    const req = keyed ? { ...request, idempotencyKey: request.idempotencyKey ?? randomUUID() } : request;
    const repeatable = kind !== 'create' || keyed;
    const path = redact(req.path);
    const body = bodyAtSlot(req);
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await scheduler.run(
          req.endpoint,
          () => this.attempt(body.request(), path, attempt),
          attempt - 1,
        );
        scheduler.observe(req.endpoint, parseRateLimitHeaders(response.headers));
        return response;
      } catch (error) {
        // The caller's body builder failed: nothing was sent, and it is the caller's error to see.
        if (body.failed(error)) throw error;
        if (signal.aborted && !(error instanceof PylonError)) throw this.closed(req, path);
        if (error instanceof PylonApiError) {
          scheduler.observe(req.endpoint, error.rateLimit);
          if (error.status === 429) this.stats.rateLimited++;
        }
        const decision = decideRetry(error, kind, attempt, repeatable, policy);
        if (decision.action === 'succeed') {
          return { status: 200, headers: new Headers(), data: undefined, requestId: null };
        }
        if (decision.action === 'fail') throw scrubError(decision.error, redact);
        this.stats.retries++;
        emit({
          type: 'retry',
          endpoint: req.endpoint,
          attempt,
          delayMs: decision.delayMs,
          reason: decision.reason,
        });
        // A 429 pauses the whole endpoint in the scheduler, which then does the waiting (and reports it).
        if (decision.rateLimited) scheduler.rateLimited(req.endpoint, decision.delayMs);
        else {
          try {
            await sleep(decision.delayMs, signal);
          } catch {
            throw this.closed(req, path);
          }
        }
      }
    }
  }

  private async attempt(req: TransportRequest, path: string, attempt: number): Promise<TransportResponse> {
    const { transport, emit, now } = this.deps;
    const counts = this.stats.requestsByEndpoint;
    counts[req.endpoint] = (counts[req.endpoint] ?? 0) + 1;
    emit({ type: 'request', endpoint: req.endpoint, method: req.method, path });
    const started = now();
    const sent = (status: number | null, failure?: string) => {
      const ms = Math.round(now() - started);
      if (status !== null) emit({ type: 'response', endpoint: req.endpoint, status, ms });
      emit({
        type: 'http',
        endpoint: req.endpoint,
        method: req.method,
        path: this.deps.redact(`${path}${queryOf(req)}`),
        status,
        ...(failure !== undefined && { failure }),
        ms,
        attempt,
        via: transport.name,
      });
    };
    try {
      const response = await transport.send(req);
      sent(response.status);
      return response;
    } catch (error) {
      if (error instanceof PylonApiError) sent(error.status);
      else {
        const code = (error as { code?: unknown } | null)?.code;
        sent(null, typeof code === 'string' ? code : 'error');
      }
      throw error;
    }
  }

  private closed(req: TransportRequest, path: string): PylonNetworkError {
    return new PylonNetworkError({
      endpoint: req.endpoint,
      method: req.method,
      path,
      code: 'client_closed',
      phase: 'connect',
      transient: false,
      detail: 'the client was closed before the request was sent',
    });
  }
}
