import { PylonApiError, type RequestTarget } from '../errors.js';
import { isRecord } from '../json.js';
import type { TransportResponse } from '../transport.js';

/**
 * Reads a 2xx body from Truto. Lists come in Truto's envelope `{result, next_cursor, …}`; `next_cursor`
 * (null or missing: no more pages) becomes the cursor the client sends back. Single resources may come as
 * Pylon's body verbatim (`{data, request_id}`), as a bare object, or wrapped in `{result: …}`; all three are
 * accepted. A delete may answer `{request_id}`, `{}` or nothing.
 */
export function readTrutoSuccess(
  target: RequestTarget & { baseUrl: string },
  status: number,
  headers: Headers,
  body: unknown,
): TransportResponse {
  const response = (data: unknown, requestId: string | null): TransportResponse => ({
    status,
    headers,
    data,
    requestId: requestId ?? headers.get('x-pylon-request-id'),
  });
  if (body === undefined) return response(undefined, null);
  if (!isRecord(body)) {
    throw new PylonApiError({
      ...target,
      status,
      code: 'invalid_response',
      detail: 'Truto answered with a body that is not a JSON object',
    });
  }
  const requestId = typeof body.request_id === 'string' && body.request_id !== '' ? body.request_id : null;
  if (Array.isArray(body.result)) {
    const next = typeof body.next_cursor === 'string' && body.next_cursor !== '' ? body.next_cursor : null;
    return { ...response(body.result, requestId), pagination: { cursor: next, hasNextPage: next !== null } };
  }
  if (isRecord(body.result)) return readTrutoSuccess(target, status, headers, body.result);
  if (Array.isArray(body.data)) {
    // A Pylon list passed through without Truto's envelope.
    const page = isRecord(body.pagination) ? body.pagination : {};
    const cursor = typeof page.cursor === 'string' && page.cursor !== '' ? page.cursor : null;
    return {
      ...response(body.data, requestId),
      pagination: { cursor, hasNextPage: page.has_next_page === true },
    };
  }
  if ('data' in body) return response(body.data, requestId);
  const keys = Object.keys(body).filter((k) => k !== 'request_id');
  return response(keys.length === 0 ? undefined : body, requestId);
}
