import type { Operation } from '../plan/types.js';
import { toOperationError } from './errors.js';
import type { ApplyResult } from './types.js';

/** A dependency of the operation (collection, file, linked article) was not created in this run. */
export class SkipOperation extends Error {}

/**
 * Runs one operation and turns what it throws into its result: a missing dependency (a collection, file or
 * linked article this run did not create) is `skipped` with the reason, anything else `failed`. Apply
 * keeps going either way.
 */
export async function asResult(op: Operation, run: () => Promise<ApplyResult>): Promise<ApplyResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SkipOperation) return { status: 'skipped', op, reason: error.message };
    return { status: 'failed', op, error: toOperationError(error) };
  }
}
