import { type Redactor, scrubError } from '../diagnostics/redact.js';
import { attemptSignal } from './attempt-signal.js';
import type { PylonNetworkError, RequestTarget } from './errors.js';
import { parseJsonText } from './json.js';
import { classifyNetworkError } from './network-error.js';
import type { TransportRequest } from './transport.js';

/**
 * The HTTP skeleton both transports (direct, Truto) share: the request's headers and body, one fetch
 * with a per-attempt timeout, the body read as text and as JSON, and a lost connection turned into a
 * classified `PylonNetworkError` with the token removed. What a status means is the transport's business.
 */

export interface HttpAttempt {
  fetch: typeof fetch;
  url: string;
  init: RequestInit;
  /** The caller's signal (client closing); the attempt adds its timeout. */
  signal: AbortSignal | undefined;
  timeoutMs: number;
  target: RequestTarget;
  redact: Redactor;
  /** Rewords a classified network error for the transport (Truto names its URL setting). */
  reword?: ((classified: PylonNetworkError, error: unknown) => Error) | undefined;
}

export interface HttpAnswer {
  response: Response;
  text: string;
  /** The body parsed as JSON; undefined when empty or not JSON. */
  body: unknown;
}

export async function sendHttp(attempt: HttpAttempt): Promise<HttpAnswer> {
  const { signal, done } = attemptSignal(attempt.signal, attempt.timeoutMs);
  const fail = (error: unknown, afterHeaders: boolean): Error => {
    const classified = classifyNetworkError(error, attempt.target, attempt.timeoutMs, afterHeaders);
    return scrubError(attempt.reword ? attempt.reword(classified, error) : classified, attempt.redact);
  };
  try {
    let response: Response;
    try {
      response = await attempt.fetch(attempt.url, { ...attempt.init, signal });
    } catch (error) {
      throw fail(error, false);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw fail(error, true);
    }
    return { response, text, body: parseJsonText(text) };
  } finally {
    done();
  }
}

/**
 * Method, bearer token, `Accept: application/json`, an `Idempotency-Key` when the request has one, and
 * the body: the multipart form as is (fetch sets its boundary), else `json` as JSON.
 */
export function requestInit(req: TransportRequest, token: string, json: unknown): RequestInit {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (req.idempotencyKey !== undefined) headers['Idempotency-Key'] = req.idempotencyKey;
  const init: RequestInit = { method: req.method, headers };
  if (req.form) {
    init.body = req.form;
  } else if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  return init;
}
