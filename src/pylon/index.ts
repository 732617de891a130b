export { createRedactor, REDACTED, type Redactor, scrubError } from '../diagnostics/redact.js';
export type { ClientEvent, PylonApi } from './api.js';
export {
  type ClientStats,
  createPylonClient,
  type PylonClient,
  type PylonClientOptions,
  type RateLimitOptions,
} from './client.js';
export { createDirectTransport, type DirectTransportOptions } from './direct-transport.js';
export {
  apiErrorHint,
  codeForStatus,
  type NetworkPhase,
  OutcomeUnknownError,
  PylonApiError,
  PylonError,
  PylonNetworkError,
  type RequestTarget,
} from './errors.js';
export { parseRateLimitHeaders, parseRetryAfterMs, type RateLimitInfo } from './headers.js';
export { CEILING_HOLD_WINDOWS, EndpointLimit, type LearnedLimit } from './limit-learning.js';
export { type ExtraMethods, MAX_PAGE_SIZE } from './methods.js';
export { backoffMs, decideRetry, type RequestKind, type RetryDecision, type RetryPolicy } from './retry.js';
export { RateLimitScheduler, type SchedulerOptions } from './scheduler.js';
export { SlidingWindow, type WindowDelay } from './sliding-window.js';
export type {
  GlobalLimit,
  PageRequest,
  Transport,
  TransportRequest,
  TransportResponse,
} from './transport.js';
export { TRUTO_RATE_LIMITED, trutoApiError } from './truto/errors.js';
export { readTrutoSuccess } from './truto/response.js';
export { createTrutoTransport, type TrutoTransportOptions } from './truto/transport.js';
