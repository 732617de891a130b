import { PylonNetworkError, type RequestTarget } from './errors.js';

/** Error codes of a connection that was never made: nothing reached the server. */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function causeOf(
  error: unknown,
): { code?: unknown; message?: unknown; errors?: Array<{ code?: unknown }> } | undefined {
  return (error as { cause?: { code?: unknown; message?: unknown; errors?: Array<{ code?: unknown }> } })
    .cause;
}

/** The system error code behind a failed fetch (`ECONNREFUSED`, `UND_ERR_SOCKET`, `HPE_…`), if any. */
export function causeCode(error: unknown): string | undefined {
  const cause = causeOf(error);
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What went wrong, in the words of the error's cause when it has one (`connect ECONNREFUSED …`). */
export function networkDetail(error: unknown): string {
  const causeMessage = causeOf(error)?.message;
  if (typeof causeMessage === 'string') return causeMessage;
  return error instanceof Error ? error.message : String(error);
}

/**
 * A fetch that ended without a complete response, classified the same way for every transport: whether
 * anything may have reached the server (`phase`) and whether a retry can help (`transient`). The
 * transport may then reword the message for its own settings (Truto names TRUTO_API_URL).
 */
export function classifyNetworkError(
  error: unknown,
  target: RequestTarget,
  timeoutMs: number,
  afterHeaders: boolean,
): PylonNetworkError {
  const name = (error as { name?: unknown }).name;
  const cause = causeOf(error);
  const causeMessage = typeof cause?.message === 'string' ? cause.message : undefined;
  const base = { ...target, detail: networkDetail(error) };
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
  // fetch refusing the request before sending it: a blocked port, or a bad header value (no cause).
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
