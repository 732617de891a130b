import { createRedactor, scrubError } from '../diagnostics/redact.js';
import { PylonApiError, type RequestTarget } from './errors.js';
import { parseRateLimitHeaders, parseRetryAfterMs } from './headers.js';
import { requestInit, sendHttp } from './http.js';
import { foreignBodySummary, isRecord } from './json.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

export interface DirectTransportOptions {
  /** `https://api.usepylon.com`, `https://api.eu.usepylon.com`, or the emulator's URL. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch | undefined;
  /** Per attempt, including reading the body. Default 30000. */
  timeoutMs?: number | undefined;
}

/** Talks to Pylon's REST API (or the emulator) with a bearer token, and removes Pylon's envelopes. */
export function createDirectTransport(options: DirectTransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  if (!URL.canParse(base)) throw new TypeError(`Invalid Pylon base URL: ${JSON.stringify(base)}`);
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const redact = createRedactor([options.token]);

  async function send(req: TransportRequest): Promise<TransportResponse> {
    const target: RequestTarget = { endpoint: req.endpoint, method: req.method, path: redact(req.path) };
    const { response, text, body } = await sendHttp({
      fetch: fetchFn,
      url: buildUrl(base, req),
      init: requestInit(req, options.token, jsonBody(req)),
      signal: req.signal,
      timeoutMs,
      target,
      redact,
    });
    const init = { ...target, status: response.status, baseUrl: base };
    if (!response.ok) throw scrubError(errorFromBody(init, body, text, response.headers), redact);
    if (!isRecord(body)) {
      throw new PylonApiError({ ...init, code: 'invalid_response', detail: 'the body is not a JSON object' });
    }
    const result: TransportResponse = {
      status: response.status,
      headers: response.headers,
      data: body.data,
      requestId: requestIdOf(body, response.headers),
    };
    if (isRecord(body.pagination)) {
      const { cursor, has_next_page } = body.pagination;
      result.pagination = {
        cursor: typeof cursor === 'string' && cursor !== '' ? cursor : null,
        hasNextPage: has_next_page === true,
      };
    }
    return result;
  }

  return { name: 'direct', supportsIdempotencyKeys: false, send };
}

function buildUrl(base: string, req: TransportRequest): string {
  const params = new URLSearchParams(req.query);
  // Pylon takes `cursor`/`limit` as query parameters on GET lists and in the JSON body on POST searches.
  if (req.page && req.method === 'GET') {
    if (req.page.cursor !== undefined) params.set('cursor', req.page.cursor);
    if (req.page.limit !== undefined) params.set('limit', String(req.page.limit));
  }
  const qs = params.toString();
  return `${base}${req.path}${qs ? `?${qs}` : ''}`;
}

/** The JSON body: the request's, with the page merged in for a POST list (Pylon reads it there). */
function jsonBody(req: TransportRequest): unknown {
  return req.page && req.method !== 'GET' ? { ...(req.json as object), ...req.page } : req.json;
}

function requestIdOf(body: Record<string, unknown> | undefined, headers: Headers): string | null {
  if (typeof body?.request_id === 'string' && body.request_id !== '') return body.request_id;
  return headers.get('x-pylon-request-id');
}

function errorFromBody(
  init: RequestTarget & { status: number; baseUrl: string },
  body: unknown,
  text: string,
  headers: Headers,
): PylonApiError {
  const obj = isRecord(body) ? body : undefined;
  let errors: string[] = [];
  if (Array.isArray(obj?.errors)) errors = obj.errors.filter((e): e is string => typeof e === 'string');
  else if (typeof obj?.message === 'string') errors = [obj.message];
  else if (obj === undefined && text.trim() !== '') errors = [foreignBodySummary(text, headers)];
  return new PylonApiError({
    ...init,
    foreign: obj === undefined && text.trim() !== '',
    code: typeof obj?.code === 'string' && obj.code !== '' ? obj.code : undefined,
    requestId: requestIdOf(obj, headers),
    errors,
    existsId: typeof obj?.exists_id === 'string' && obj.exists_id !== '' ? obj.exists_id : undefined,
    retryAfterMs: parseRetryAfterMs(headers),
    rateLimit: parseRateLimitHeaders(headers),
  });
}
