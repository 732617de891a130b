import type { EndpointName, HttpMethod } from '../pylon-api/index.js';

/** Which page of a list to fetch. Where the cursor and limit go is the transport's business. */
export interface PageRequest {
  cursor?: string;
  limit?: number;
}

/** One request, in Pylon's terms, independent of how it travels (direct API, Truto proxy). */
export interface TransportRequest {
  endpoint: EndpointName;
  method: HttpMethod;
  /** Pylon path with encoded segments, e.g. `/knowledge-bases/abc/articles`. */
  path: string;
  query?: Record<string, string>;
  /** A function here is called once, when the request gets its slot (`LazyBody`); transports see the value. */
  json?: unknown;
  form?: FormData;
  page?: PageRequest;
  /** Only set when the transport `supportsIdempotencyKeys`. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** A successful answer with the envelope already removed. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  /** The unwrapped `data` (undefined for deletes). */
  data: unknown;
  /** Present when the endpoint paginates; `cursor` is null when there is none. */
  pagination?: { cursor: string | null; hasNextPage: boolean };
  requestId: string | null;
}

/** A limit over every request of a transport, besides Pylon's per-endpoint ones (Truto: 50 per 10 s per account). */
export interface GlobalLimit {
  limit: number;
  /** At real time; the client multiplies it by its rate-limit time scale. */
  windowMs: number;
  /** Whether a 429 came from this limit (it then pauses every endpoint, not only the one that got it). */
  isLimitError?(error: unknown): boolean;
}

/**
 * How requests reach Pylon. `send` resolves only for 2xx; an error status throws `PylonApiError`, a lost
 * connection `PylonNetworkError` (with `phase` telling whether anything may have reached the server).
 * The client adds scheduling, retries, pagination loops and validation on top.
 */
export interface Transport {
  readonly name: string;
  /** True when a repeated create with the same `idempotencyKey` is applied once (Truto); Pylon has none. */
  readonly supportsIdempotencyKeys: boolean;
  /** Paced by the client's scheduler together with the per-endpoint limits. */
  readonly globalLimit?: GlobalLimit;
  send(request: TransportRequest): Promise<TransportResponse>;
  close?(): Promise<void>;
}
