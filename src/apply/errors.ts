import type { OperationError } from './types.js';

interface ApiErrorLike {
  name?: string;
  message?: string;
  status?: number;
  code?: string;
  requestId?: string;
  existsId?: string;
}

function asLike(error: unknown): ApiErrorLike {
  return typeof error === 'object' && error !== null ? (error as ApiErrorLike) : { message: String(error) };
}

/** A create whose response was lost: the server may or may not have committed it. */
export function isOutcomeUnknown(error: unknown): boolean {
  return asLike(error).name === 'OutcomeUnknownError';
}

/** The id of the object that already exists, when the server rejected a create as a duplicate. */
export function existingIdOf(error: unknown): string | undefined {
  const like = asLike(error);
  return like.status === 400 || like.status === 409 ? like.existsId : undefined;
}

export function toOperationError(error: unknown): OperationError {
  const like = asLike(error);
  return {
    message: like.message ?? 'Unknown error',
    ...(like.status !== undefined ? { status: like.status } : {}),
    ...(like.code !== undefined ? { code: like.code } : {}),
    ...(like.requestId !== undefined ? { requestId: like.requestId } : {}),
  };
}
