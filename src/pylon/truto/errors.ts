import { codeForStatus, PylonApiError, type PylonNetworkError, type RequestTarget } from '../errors.js';
import { parseRateLimitHeaders, parseRetryAfterMs } from '../headers.js';
import { foreignBodySummary, isRecord } from '../json.js';
import { networkDetail } from '../network-error.js';

/** Code of a 429 from Truto's own per-account limit (not Pylon's per-endpoint one). */
export const TRUTO_RATE_LIMITED = 'truto_rate_limited';

export interface TrutoErrorContext extends RequestTarget {
  status: number;
  baseUrl: string;
  integratedAccountId: string;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((e): e is string => typeof e === 'string') : [];
const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * A Truto error body as a `PylonApiError`. When Pylon produced it (`truto_is_remote_error`), Pylon's own
 * body in `raw_response` gives the code, messages, request id and `exists_id`, so callers handle it exactly
 * like a direct error. Truto's own errors get a code starting with `truto_` and a message that says so.
 */
export function trutoApiError(ctx: TrutoErrorContext, body: unknown, text: string, headers: Headers) {
  const obj = isRecord(body) ? body : undefined;
  const raw = isRecord(obj?.raw_response) ? obj.raw_response : undefined;
  const common = {
    endpoint: ctx.endpoint,
    method: ctx.method,
    path: ctx.path,
    status: ctx.status,
    baseUrl: ctx.baseUrl,
    retryAfterMs: parseRetryAfterMs(headers),
    rateLimit: parseRateLimitHeaders(headers),
  };
  if (obj?.truto_is_remote_error === true) {
    const errors = raw ? strings(raw.errors) : [];
    if (errors.length === 0 && nonEmpty(obj.message)) errors.push(obj.message as string);
    const error = new PylonApiError({
      ...common,
      code: nonEmpty(raw?.code),
      requestId: nonEmpty(raw?.request_id),
      errors,
      existsId: nonEmpty(raw?.exists_id),
    });
    error.message = remoteMessage(ctx, error);
    return error;
  }
  const message =
    nonEmpty(obj?.message) ??
    (text.trim() !== '' ? `${foreignBodySummary(text, headers)}, not Truto's JSON` : 'no error message');
  const unknownAccount =
    (ctx.status === 404 && /integrated.account/i.test(message)) ||
    (ctx.status === 400 && /integrated_account_id/.test(message));
  const code = unknownAccount
    ? 'truto_unknown_account'
    : ctx.status === 429
      ? TRUTO_RATE_LIMITED
      : `truto_${codeForStatus(ctx.status)}`;
  const error = new PylonApiError({ ...common, code, errors: [message] });
  error.message = unknownAccount
    ? `Truto does not know integrated account ${ctx.integratedAccountId}: check --truto-account ` +
      `(TRUTO_INTEGRATED_ACCOUNT_ID, target.integratedAccountId). Truto said: ${ctx.status} ${message}`
    : `Truto refused ${ctx.endpoint} (${ctx.method} ${ctx.path}) with ${ctx.status} ${code}: ${message}.` +
      hintFor(ctx);
  return error;
}

function hintFor(ctx: TrutoErrorContext): string {
  const account = ctx.integratedAccountId;
  if (ctx.status === 401) {
    return (
      ' Check TRUTO_API_TOKEN: it must be an API token of the Truto environment that holds integrated ' +
      `account ${account}, set without quotes or a "Bearer " prefix.`
    );
  }
  if (ctx.status === 403) return ` The Truto API token may not use integrated account ${account}.`;
  if (ctx.status === 405) return ' Truto refuses writes on sandbox integrated accounts.';
  if (ctx.status === 429) {
    return ` Truto's limit for integrated account ${account} (50 requests per 10 s) kept being exceeded; retry later.`;
  }
  if (ctx.status === 503) return ` Truto may have blocked integrated account ${account}: check it in Truto.`;
  return '';
}

function remoteMessage(ctx: TrutoErrorContext, error: PylonApiError): string {
  const summary = error.errors.length > 0 ? error.errors.join('; ') : 'no error message';
  const parts = [
    `Pylon ${ctx.endpoint} (${ctx.method} ${ctx.path}) failed with ${error.status} ${error.code} through Truto: ${summary}`,
  ];
  if (error.existsId) parts.push(`(existing id ${error.existsId})`);
  if (error.requestId) parts.push(`(request id ${error.requestId})`);
  let hint = '';
  if (error.status === 401 || error.status === 403 || error.code === 'wrong_region_token') {
    hint =
      `. Pylon refused the credentials Truto holds for integrated account ${ctx.integratedAccountId}: ` +
      'reconnect Pylon for that account in Truto.';
  } else if (error.status === 429) {
    hint = '. Pylon kept rate-limiting: lower rateLimits in the config or retry later.';
  }
  return parts.join(' ') + hint;
}

/**
 * No response from Truto: classified like any transport's (see network-error.ts, so retries behave the
 * same), with a message that names Truto and its URL setting.
 */
export function trutoNetworkError(
  out: PylonNetworkError,
  error: unknown,
  target: RequestTarget,
  ctx: { baseUrl: string; timeoutMs: number },
): PylonNetworkError {
  const detail =
    out.code === 'timeout' ? `no complete response within ${ctx.timeoutMs} ms` : networkDetail(error);
  const hint =
    out.code === 'ENOTFOUND'
      ? ' Check TRUTO_API_URL (host not found).'
      : out.code === 'ECONNREFUSED'
        ? ' Is Truto (or the emulator) running at TRUTO_API_URL?'
        : out.code === 'invalid_request'
          ? ' Check TRUTO_API_TOKEN for stray characters such as a newline.'
          : out.code === 'blocked_port'
            ? ' fetch never connects to this port (browsers block it): check the port of TRUTO_API_URL.'
            : out.code.startsWith('HPE_')
              ? ' The server at TRUTO_API_URL does not speak HTTP: check the port.'
              : '';
  out.message = `Truto ${target.endpoint} (${target.method} ${target.path}) got no response from ${ctx.baseUrl}: ${detail}.${hint}`;
  return out;
}
