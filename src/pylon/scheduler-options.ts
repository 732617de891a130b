import type { EndpointName } from '../pylon-api/index.js';
import type { ClientEvent } from './api.js';
import type { LearnedLimit } from './limit-learning.js';

export interface SchedulerOptions {
  /** Requests per window per endpoint to start from; null = no pacing until a 429 says otherwise. */
  limits: Record<EndpointName, number | null>;
  /** Endpoints whose limit was configured explicitly (an override): a cap that is never raised. */
  fixed?: ReadonlySet<EndpointName> | undefined;
  /** What earlier runs learned, per endpoint (used instead of the preset). */
  learned?: Partial<Record<EndpointName, LearnedLimit>> | undefined;
  /** Raise limits after clean windows. Default true. */
  learn?: boolean | undefined;
  /** The limit to assume after a 429 on an endpoint with none and no count to go by. */
  fallback?: Partial<Record<EndpointName, number>> | undefined;
  /** Whether a failed request was refused for its rate (a 429): such requests do not count in the window. */
  isRateLimited?: ((error: unknown) => boolean) | undefined;
  windowMs: number;
  marginMs: number;
  /** Max requests in flight over all endpoints. */
  concurrency: number;
  /** Longest a server may make us pause (Retry-After, reset headers). */
  maxBlockMs: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  emit: (event: ClientEvent) => void;
  /** Aborted when the client closes: waiting and queued requests are dropped. */
  signal: AbortSignal;
  /** A window over every endpoint (the transport's own limit, e.g. Truto's), besides the per-endpoint ones. */
  shared?: { limit: number; windowMs: number; marginMs: number } | undefined;
}
