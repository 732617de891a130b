/** An error a handler throws to answer with Pylon's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly existsId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, message, 'invalid_request');
}

export function notFound(what: string): ApiError {
  return new ApiError(404, `${what} not found`, 'not_found');
}

export function duplicate(message: string, existsId: string): ApiError {
  return new ApiError(400, message, 'already_exists', existsId);
}
