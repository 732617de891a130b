import { createRedactor, scrubError } from '../diagnostics/redact.js';
import { attemptSignal } from './attempt-signal.js';
import { PylonApiError, PylonNetworkError, type RequestTarget } from './errors.js';
import { parseRateLimitHeaders, parseRetryAfterMs } from './headers.js';
import { isRecord, parseJsonText } from './json.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

export interface DirectTransportOptions {
  /** `https://api.usepylon.com`, `https://api.eu.usepylon.com`, or the emulator's URL. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch | undefined;
  /** Per attempt, including reading the body. Default 30000. */
  timeoutMs?: number | undefined;
}

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Talks to Pylon's REST API (or the emulator) with a bearer token, and removes Pylon's envelopes. */
export function createDirectTransport(options: DirectTransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  if (!URL.canParse(base)) throw new TypeError(`Invalid Pylon base URL: ${JSON.stringify(base)}`);
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const redact = createRedactor([options.token]);

  async function send(req: TransportRequest): Promise<TransportResponse> {
    const target: RequestTarget = { endpoint: req.endpoint, method: req.method, path: redact(req.path) };
    const attempt = attemptSignal(req.signal, timeoutMs);
    try {
      return await sendWith(req, target, attempt.signal);
    } finally {
      attempt.done();
    }
  }

  async function sendWith(
    req: TransportRequest,
    target: RequestTarget,
    signal: AbortSignal,
  ): Promise<TransportResponse> {
    let response: Response;
    let text: string;
    try {
      response = await fetchFn(buildUrl(base, req), { ...buildInit(req, options.token), signal });
    } catch (error) {
      throw scrubError(toNetworkError(error, target, timeoutMs, false), redact);
    }
    try {
      text = await response.text();
    } catch (error) {
      throw scrubError(toNetworkError(error, target, timeoutMs, true), redact);
    }
    const body = parseJsonText(text);
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

function buildInit(req: TransportRequest, token: string): RequestInit {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  let body: string | FormData | undefined;
  if (req.form) {
    body = req.form; // fetch sets the multipart boundary itself
  } else if (req.json !== undefined || (req.page && req.method !== 'GET')) {
    const json = req.page && req.method !== 'GET' ? { ...(req.json as object), ...req.page } : req.json;
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const init: RequestInit = { method: req.method, headers };
  if (body !== undefined) init.body = body;
  return init;
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
  else if (obj === undefined && text.trim() !== '') errors = [text.trim().slice(0, 200)];
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

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } }).cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

function toNetworkError(
  error: unknown,
  target: RequestTarget,
  timeoutMs: number,
  afterHeaders: boolean,
): PylonNetworkError {
  const name = (error as { name?: unknown }).name;
  const message = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { message?: unknown } }).cause;
  const causeMessage = typeof cause?.message === 'string' ? cause.message : undefined;
  const base = { ...target, detail: causeMessage ?? message };
  if (name === 'TimeoutError') {
    return new PylonNetworkError({
      ...base,
      code: 'timeout',
      phase: 'sent',
      transient: true,
      detail: `no complete response within ${timeoutMs} ms`,
    });
  }
  if (name === 'AbortError')
    return new PylonNetworkError({ ...base, code: 'aborted', phase: 'sent', transient: false });
  const code = causeCode(error);
  if (!afterHeaders && code !== undefined && CONNECT_CODES.has(code)) {
    return new PylonNetworkError({ ...base, code, phase: 'connect', transient: code !== 'ENOTFOUND' });
  }
  // fetch refusing the request before sending it: a bad header value (no cause) or a blocked port.
  if (!afterHeaders && error instanceof TypeError && causeMessage === 'bad port') {
    return new PylonNetworkError({ ...base, code: 'blocked_port', phase: 'connect', transient: false });
  }
  if (!afterHeaders && error instanceof TypeError && cause === undefined) {
    return new PylonNetworkError({ ...base, code: 'invalid_request', phase: 'connect', transient: false });
  }
  // An answer that is not HTTP (`HPE_…`) will not become HTTP on a retry: a wrong port.
  const transient = !code?.startsWith('HPE_');
  return new PylonNetworkError({ ...base, code: code ?? 'network_error', phase: 'sent', transient });
}
