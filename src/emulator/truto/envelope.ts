import { STATUS_CODES } from 'node:http';
import type { HandlerResult } from '../handler-types.js';

/**
 * Truto's bodies. Lists: `{result, next_cursor, prev_cursor, result_count, is_partial_response}`.
 * Single resources and deletes: Pylon's body verbatim (`{data, request_id}` / `{request_id}`), as Truto's
 * proxy and custom APIs document for single-resource responses. Errors: `{statusCode, error, message}`,
 * plus `truto_is_remote_error` and `raw_response` (Pylon's own body) when Pylon produced the error.
 */

export interface TrutoErrorBody {
  statusCode: number;
  error: string;
  message: string;
  truto_is_remote_error?: true;
  raw_response?: Record<string, unknown>;
}

/** Truto's `next_cursor` is derived from Pylon's cursor, so a client must send it back as Truto's. */
export function encodeCursor(pylonCursor: string): string {
  return Buffer.from(`pylon:${pylonCursor}`).toString('base64url');
}

/** Pylon's cursor inside a Truto `next_cursor`, or null when it is not one of ours. */
export function decodeCursor(trutoCursor: string): string | null {
  const text = Buffer.from(trutoCursor, 'base64url').toString('utf8');
  return text.startsWith('pylon:') && text.length > 'pylon:'.length ? text.slice('pylon:'.length) : null;
}

export function trutoListBody(result: Extract<HandlerResult, { kind: 'list' }>): Record<string, unknown> {
  const next = result.pagination?.has_next_page && result.pagination.cursor ? result.pagination.cursor : null;
  return {
    result: result.data,
    next_cursor: next === null ? null : encodeCursor(next),
    prev_cursor: null,
    result_count: result.data.length,
    is_partial_response: false,
  };
}

/** An error Truto itself raised (auth, account, limit, unknown resource). */
export function trutoError(statusCode: number, message: string): TrutoErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** Pylon's error, as Truto passes it on. */
export function remoteError(statusCode: number, pylonBody: Record<string, unknown>): TrutoErrorBody {
  const errors = Array.isArray(pylonBody.errors) ? pylonBody.errors.filter((e) => typeof e === 'string') : [];
  return {
    ...trutoError(statusCode, errors.length > 0 ? errors.join('; ') : `Pylon answered ${statusCode}`),
    truto_is_remote_error: true,
    raw_response: pylonBody,
  };
}
