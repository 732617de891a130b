import { setMaxListeners } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { createRedactor, scrubError } from '../diagnostics/redact.js';
import { type EndpointName, type RateLimitPreset, rateLimitsFor } from '../pylon-api/index.js';
import type { ClientEvent, PylonApi } from './api.js';
import { Calls } from './calls.js';
import { createDirectTransport } from './direct-transport.js';
import { PylonApiError } from './errors.js';
import { RequestExecutor } from './executor.js';
import type { LearnedLimit } from './limit-learning.js';
import { buildMethods, type ExtraMethods } from './methods.js';
import { RateLimitScheduler } from './scheduler.js';
import type { GlobalLimit, Transport } from './transport.js';

export interface RateLimitOptions {
  preset: RateLimitPreset;
  overrides?: Partial<Record<EndpointName, number>> | undefined;
  /** 1 = real minutes; 0.01 makes a minute 600 ms, to match the emulator's --time-scale. */
  timeScale?: number | undefined;
  /** Extra spacing per window against latency jitter. Default max(25 ms, 2% of the window). */
  marginMs?: number | undefined;
  /**
   * Raise a limit after a window spent at it without a 429 (overrides are caps and never raised).
   * Default true. Limits are lowered on 429 bursts either way.
   */
  learn?: boolean | undefined;
  /** What an earlier run learned against the same target (see `PylonClient.learnedLimits`). */
  learned?: Partial<Record<EndpointName, LearnedLimit>> | undefined;
}

export interface PylonClientOptions {
  baseUrl: string;
  token: string;
  /** Default: the `documented` preset, real time. */
  rateLimits?: RateLimitOptions | undefined;
  /** Max requests in flight over all endpoints. Default 4. */
  concurrency?: number | undefined;
  /** Retries after the first attempt. Default 4. */
  retries?: number | undefined;
  /** Per attempt. Default 30000. */
  timeoutMs?: number | undefined;
  onEvent?: ((event: ClientEvent) => void) | undefined;
  fetch?: typeof fetch | undefined;
  /** Replaces the direct transport (e.g. Truto). `baseUrl`, `fetch` and `timeoutMs` are then unused. */
  transport?: Transport | undefined;
  /** Jitter source. Default Math.random. */
  random?: (() => number) | undefined;
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Monotonic clock in ms. Default performance.now. */
  now?: (() => number) | undefined;
  /** Backoff for 5xx and network retries. Default base 500 ms × timeScale, max 20 s × timeScale. */
  backoff?: { baseMs?: number | undefined; maxMs?: number | undefined } | undefined;
  /** Safety cap on pages per list. Default 1000. */
  maxPages?: number | undefined;
}

export interface ClientStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  requestsByEndpoint: Partial<Record<EndpointName, number>>;
  retries: number;
  /** 429 responses received. */
  rateLimited: number;
  /** Time spent waiting for rate limits (own pacing and 429 pauses). */
  rateLimitWaitMs: number;
  /** Limits in force now, after anything learned from 429s and headers. */
  limits: Record<EndpointName, number | null>;
}

export interface PylonClient extends PylonApi, ExtraMethods {
  readonly transport: Transport;
  stats(): ClientStats;
  /** What this client learned about the target's limits, to pass as `rateLimits.learned` next time. */
  learnedLimits(): Partial<Record<EndpointName, LearnedLimit>>;
  /** Rejects requests not yet sent, lets the ones in flight finish, and waits for them. */
  close(): Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, signal ? { signal } : {});

export function createPylonClient(options: PylonClientOptions): PylonClient {
  if (!options.transport && options.token.trim() === '') {
    throw new TypeError('The Pylon API token is empty: set PYLON_API_TOKEN.');
  }
  const rl = options.rateLimits ?? { preset: 'documented' };
  const timeScale = rl.timeScale ?? 1;
  if (!(timeScale > 0)) throw new RangeError(`rateLimits.timeScale must be > 0, got ${timeScale}`);
  const windowMs = 60_000 * timeScale;
  const redact = createRedactor([options.token]);
  const emit = (event: ClientEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // a failing progress display must not break requests
    }
  };
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? defaultSleep;
  const closing = new AbortController();
  // Every queued request listens for close; that is expected, not a leak.
  setMaxListeners(0, closing.signal);
  let transport: Transport;
  try {
    transport =
      options.transport ??
      createDirectTransport({
        baseUrl: options.baseUrl,
        token: options.token,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      });
  } catch (error) {
    throw scrubError(error, redact);
  }
  // The transport's own limit (Truto's) is paced whatever the preset: `off` is about Pylon's limits.
  const globalLimit = transport.globalLimit;
  const sharedMs = globalLimit ? globalLimit.windowMs * timeScale : 0;
  const scheduler = new RateLimitScheduler({
    limits: rateLimitsFor(rl.preset, rl.overrides),
    fixed: new Set(Object.keys(rl.overrides ?? {}) as EndpointName[]),
    learned: rl.learned,
    learn: rl.learn,
    // `off` means no client-side limit: a 429 pauses the lane for what the server says, nothing more.
    isRateLimited: (error) => error instanceof PylonApiError && error.status === 429,
    windowMs,
    marginMs: rl.marginMs ?? Math.max(25, windowMs * 0.02),
    concurrency: options.concurrency ?? 4,
    maxBlockMs: Math.max(1000, 2 * windowMs),
    now,
    sleep,
    emit,
    signal: closing.signal,
    shared: globalLimit
      ? {
          limit: globalLimit.limit,
          windowMs: sharedMs,
          marginMs: rl.marginMs ?? Math.max(25, sharedMs * 0.02),
        }
      : undefined,
  });
  const executor = new RequestExecutor({
    transport: globalLimit ? pauseAllOnOwn429(transport, globalLimit, sharedMs, scheduler) : transport,
    scheduler,
    policy: {
      retries: options.retries ?? 4,
      baseMs: options.backoff?.baseMs ?? 500 * timeScale,
      maxMs: options.backoff?.maxMs ?? 20_000 * timeScale,
      maxRetryAfterMs: Math.max(1000, 2 * windowMs),
      random: options.random ?? Math.random,
    },
    redact,
    emit: (event) => emit(event.type === 'request' ? { ...event, path: redact(event.path) } : event),
    now,
    sleep,
    signal: closing.signal,
  });
  const calls = new Calls(executor, redact, options.maxPages ?? 1000);

  return {
    ...buildMethods(calls),
    transport,
    stats(): ClientStats {
      const byEndpoint = { ...executor.stats.requestsByEndpoint };
      return {
        requests: Object.values(byEndpoint).reduce((a, b) => a + b, 0),
        requestsByEndpoint: byEndpoint,
        retries: executor.stats.retries,
        rateLimited: executor.stats.rateLimited,
        rateLimitWaitMs: Math.round(scheduler.waitedMs),
        limits: scheduler.limits(),
      };
    },
    learnedLimits: () => scheduler.learned(),
    async close(): Promise<void> {
      closing.abort();
      await scheduler.idle();
      await transport.close?.();
    },
  };
}

/**
 * Sends through `transport`; a 429 from the transport's own limit pauses every endpoint in the scheduler
 * before the executor handles the error (and retries after `Retry-After`).
 */
function pauseAllOnOwn429(
  transport: Transport,
  limit: GlobalLimit,
  windowMs: number,
  scheduler: RateLimitScheduler,
): Transport {
  return {
    name: transport.name,
    supportsIdempotencyKeys: transport.supportsIdempotencyKeys,
    async send(request) {
      try {
        return await transport.send(request);
      } catch (error) {
        if (limit.isLimitError?.(error)) {
          const waitMs = error instanceof PylonApiError ? error.retryAfterMs : undefined;
          scheduler.sharedRateLimited(request.endpoint, waitMs ?? windowMs);
        }
        throw error;
      }
    },
  };
}
