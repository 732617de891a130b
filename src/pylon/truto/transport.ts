import { createRedactor, scrubError } from '../../diagnostics/redact.js';
import { DEFAULT_TRUTO_API_URL, TRUTO_ACCOUNT_LIMIT, TRUTO_WINDOW_MS } from '../../pylon-api/index.js';
import type { RequestTarget } from '../errors.js';
import { requestInit, sendHttp } from '../http.js';
import type { GlobalLimit, Transport, TransportRequest, TransportResponse } from '../transport.js';
import { TRUTO_RATE_LIMITED, trutoApiError, trutoNetworkError } from './errors.js';
import { readTrutoSuccess } from './response.js';
import { trutoUrl } from './url.js';

export interface TrutoTransportOptions {
  /** Default `https://api.truto.one`; the emulator's URL for its Truto façade. */
  apiUrl?: string | undefined;
  /** Truto API token (of the environment that holds the integrated account). Never printed. */
  token: string;
  /** The customer's Pylon connection in Truto. */
  integratedAccountId: string;
  fetch?: typeof fetch | undefined;
  /** Per attempt, including reading the body. Default 30000. */
  timeoutMs?: number | undefined;
  /** Truto's limit per integrated account. Default 50 requests per 10 s. */
  accountLimit?: { limit: number; windowMs: number } | undefined;
}

/**
 * Reaches Pylon through Truto: Truto's bearer token, `integrated_account_id` on every call, knowledge-base
 * paths through the custom API and users/teams through the proxy API (see pylon-api/truto.ts), Truto's list
 * envelope and error shape translated back to what the client expects, `Idempotency-Key` on creates, and
 * Truto's per-account limit announced to the scheduler as a global limit.
 */
export function createTrutoTransport(options: TrutoTransportOptions): Transport {
  const base = (options.apiUrl ?? DEFAULT_TRUTO_API_URL).replace(/\/+$/, '');
  if (!URL.canParse(base)) throw new TypeError(`Invalid Truto API URL: ${JSON.stringify(base)}`);
  if (options.token.trim() === '') throw new TypeError('The Truto API token is empty: set TRUTO_API_TOKEN.');
  const account = options.integratedAccountId.trim();
  if (account === '') {
    throw new TypeError(
      'The Truto integrated account id is empty: set --truto-account or TRUTO_INTEGRATED_ACCOUNT_ID.',
    );
  }
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const redact = createRedactor([options.token]);
  const limit = options.accountLimit ?? { limit: TRUTO_ACCOUNT_LIMIT, windowMs: TRUTO_WINDOW_MS };

  async function send(req: TransportRequest): Promise<TransportResponse> {
    const target: RequestTarget = { endpoint: req.endpoint, method: req.method, path: redact(req.path) };
    const { response, text, body } = await sendHttp({
      fetch: fetchFn,
      url: trutoUrl(base, req, account),
      init: requestInit(req, options.token, req.json),
      signal: req.signal,
      timeoutMs,
      target,
      redact,
      reword: (classified, error) =>
        trutoNetworkError(classified, error, target, { baseUrl: base, timeoutMs }),
    });
    const notJson = body === undefined && text.trim() !== '';
    if (!response.ok) {
      const ctx = { ...target, status: response.status, baseUrl: base, integratedAccountId: account };
      throw scrubError(trutoApiError(ctx, body, text, response.headers), redact);
    }
    try {
      const read = notJson ? text : body;
      return readTrutoSuccess({ ...target, baseUrl: base }, response.status, response.headers, read);
    } catch (error) {
      throw scrubError(error, redact);
    }
  }

  const globalLimit: GlobalLimit = {
    limit: limit.limit,
    windowMs: limit.windowMs,
    isLimitError: (error) => (error as { code?: unknown } | null)?.code === TRUTO_RATE_LIMITED,
  };
  return { name: 'truto', supportsIdempotencyKeys: true, globalLimit, send };
}
