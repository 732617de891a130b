import type { ApiError } from './errors.js';
import type { HandlerResult } from './handler-types.js';

/** Pylon's success envelope: `{data, request_id}`, lists add `pagination` where Pylon has it, deletes `{request_id}`. */
export function pylonBody(result: HandlerResult, requestId: string): Record<string, unknown> {
  switch (result.kind) {
    case 'object':
      return { data: result.data, request_id: requestId };
    case 'list':
      return result.pagination
        ? { data: result.data, pagination: result.pagination, request_id: requestId }
        : { data: result.data, request_id: requestId };
    case 'deleted':
      return { request_id: requestId };
  }
}

/** Pylon's error body: `{errors, request_id, code, exists_id?}`. */
export function pylonErrorBody(
  error: Pick<ApiError, 'message' | 'code' | 'existsId'>,
  requestId: string,
): Record<string, unknown> {
  const body: Record<string, unknown> = { errors: [error.message], request_id: requestId, code: error.code };
  if (error.existsId !== undefined) body.exists_id = error.existsId;
  return body;
}
