import type { EndpointName, HttpMethod } from '../pylon-api/index.js';
import type { RateLimitInfo } from './headers.js';

/** Where a failed request was going. Paths are redacted before they reach an error. */
export interface RequestTarget {
  endpoint: EndpointName;
  method: HttpMethod;
  path: string;
}

/** Base of every error the client throws: a stable `code` and a JSON form without secrets. */
export abstract class PylonError extends Error {
  abstract readonly code: string;
  readonly endpoint: EndpointName;
  readonly method: HttpMethod;
  readonly path: string;

  constructor(message: string, target: RequestTarget) {
    super(message);
    this.endpoint = target.endpoint;
    this.method = target.method;
    this.path = target.path;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [k, v] of Object.entries(this)) out[k] = v;
    return out;
  }
}

export interface PylonApiErrorInit extends RequestTarget {
  status: number;
  /** Pylon's `code` when it sent one; otherwise derived from the status. */
  code?: string | undefined;
  requestId?: string | null | undefined;
  errors?: string[] | undefined;
  existsId?: string | undefined;
  /** From `Retry-After` / `X-Retry-After`, in ms. */
  retryAfterMs?: number | undefined;
  /** Rate-limit headers of the response, for the scheduler. */
  rateLimit?: RateLimitInfo | undefined;
  /** Used to pick the right region hint. */
  baseUrl?: string | undefined;
  /** Replaces the default summary built from `errors` (used for `invalid_response`). */
  detail?: string | undefined;
  /** The error body was not JSON: likely not Pylon at all (a wrong host or port), so the hint says that. */
  foreign?: boolean | undefined;
}

/** Pylon answered with an error status, or with a body pylon-kb cannot use (`invalid_response`). */
export class PylonApiError extends PylonError {
  override readonly name = 'PylonApiError';
  readonly status: number;
  readonly code: string;
  /** Pylon's request id, to quote to Pylon support; absent when the response had none. */
  declare readonly requestId?: string;
  readonly errors: string[];
  declare readonly existsId?: string;
  declare readonly retryAfterMs?: number;
  declare readonly rateLimit?: RateLimitInfo;

  constructor(init: PylonApiErrorInit) {
    const code = init.code ?? codeForStatus(init.status, init.existsId);
    const errors = init.errors ?? [];
    super(apiErrorMessage(init, code, errors), init);
    this.status = init.status;
    this.code = code;
    if (init.requestId) this.requestId = init.requestId;
    this.errors = errors;
    if (init.existsId !== undefined) this.existsId = init.existsId;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.rateLimit && Object.keys(init.rateLimit).length > 0) this.rateLimit = init.rateLimit;
  }
}

export type NetworkPhase = 'connect' | 'sent';

export interface PylonNetworkErrorInit extends RequestTarget {
  /**
   * System or undici code (`ECONNREFUSED`, `UND_ERR_SOCKET`, `HPE_…` for a non-HTTP answer), `timeout`,
   * `client_closed`, `invalid_request` (fetch refused the request: a bad header value), `blocked_port`.
   */
  code: string;
  /** `connect`: nothing reached the server. `sent`: the request may have been received. */
  phase: NetworkPhase;
  /** Worth trying again (a refused connection is; a malformed header is not). */
  transient: boolean;
  detail: string;
}

/** No HTTP response: DNS, connection, timeout, reset, or the client was closed. */
export class PylonNetworkError extends PylonError {
  override readonly name = 'PylonNetworkError';
  readonly code: string;
  readonly phase: NetworkPhase;
  readonly transient: boolean;

  constructor(init: PylonNetworkErrorInit) {
    const hint = networkHint(init.code);
    super(
      `Pylon ${init.endpoint} (${init.method} ${init.path}) got no response: ${init.detail}${hint ? `. ${hint}` : ''}`,
      init,
    );
    this.code = init.code;
    this.phase = init.phase;
    this.transient = init.transient;
  }
}

/**
 * A create (POST) whose outcome is unknown: the server may have committed it but the response was lost
 * (5xx, reset or timeout after sending). It was deliberately not re-sent, so nothing is created twice;
 * the caller re-reads the remote state to find out.
 */
export class OutcomeUnknownError extends PylonError {
  override readonly name = 'OutcomeUnknownError';
  readonly code = 'outcome_unknown';
  /** The HTTP status when Pylon answered (5xx); absent when the connection was lost. */
  declare readonly status?: number;
  declare readonly requestId?: string;
  /** Code of the underlying failure (`server_error`, `UND_ERR_SOCKET`, `timeout`, ...). */
  readonly reason: string;

  constructor(from: PylonApiError | PylonNetworkError) {
    const what = from instanceof PylonApiError ? `Pylon answered ${from.status}` : 'the connection was lost';
    super(
      `Pylon ${from.endpoint} (${from.method} ${from.path}): ${what} after the request was sent, so it may ` +
        `or may not have been created. It was not re-sent; re-read the remote state to find out. (${from.message})`,
      from,
    );
    if (from instanceof PylonApiError) {
      this.status = from.status;
      if (from.requestId !== undefined) this.requestId = from.requestId;
    }
    this.reason = from.code;
  }
}

export function codeForStatus(status: number, existsId?: string): string {
  if (existsId) return 'already_exists';
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'permission_denied';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return `http_${status}`;
}

const US_BASE = 'https://api.usepylon.com';
const EU_BASE = 'https://api.eu.usepylon.com';

/** How to fix it, for the errors a user can fix. */
export function apiErrorHint(status: number, code: string, baseUrl?: string): string | undefined {
  if (code === 'wrong_region_token') {
    return baseUrl?.includes('api.eu.')
      ? `This token belongs to the US region: use the US base URL ${US_BASE}.`
      : `This token belongs to the EU region: use the EU base URL ${EU_BASE}.`;
  }
  if (status === 401 || code === 'invalid_api_token' || code === 'invalid_authorization_header') {
    return (
      'Check PYLON_API_TOKEN: it must be an API token from https://app.usepylon.com/settings/api-tokens ' +
      '(only admins can create one), set without quotes or a "Bearer " prefix.'
    );
  }
  if (status === 403) return 'The API token lacks permission for this action; ask a Pylon admin.';
  if (status === 429) return 'Pylon kept rate-limiting: lower rateLimits in the config or retry later.';
  return undefined;
}

function apiErrorMessage(init: PylonApiErrorInit, code: string, errors: string[]): string {
  const summary = init.detail ?? (errors.length > 0 ? errors.join('; ') : 'no error message');
  const parts = [
    `Pylon ${init.endpoint} (${init.method} ${init.path}) failed with ${init.status} ${code}: ${summary}`,
  ];
  if (init.existsId) parts.push(`(existing id ${init.existsId})`);
  if (init.requestId) parts.push(`(request id ${init.requestId})`);
  const hint = init.foreign
    ? `The answer is not Pylon's JSON, so this is not a Pylon API: check the host and port of the base URL${init.baseUrl ? ` (${init.baseUrl})` : ''}.`
    : apiErrorHint(init.status, code, init.baseUrl);
  return hint ? `${parts.join(' ')}. ${hint}` : parts.join(' ');
}

function networkHint(code: string): string | undefined {
  if (code === 'ENOTFOUND') return 'Check the Pylon base URL (host not found).';
  if (code === 'ECONNREFUSED') return 'Is the server (or the emulator) running at the base URL?';
  if (code === 'invalid_request') return 'Check PYLON_API_TOKEN for stray characters such as a newline.';
  if (code === 'blocked_port') {
    return 'fetch never connects to this port (it is on the list of ports browsers block): check the port of the base URL, or run the emulator on another one.';
  }
  if (code.startsWith('HPE_')) return 'The server at the base URL does not speak HTTP: check the port.';
  return undefined;
}
