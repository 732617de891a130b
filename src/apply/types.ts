import type { Operation } from '../plan/types.js';
import type { Article } from '../pylon-api/index.js';

export interface OperationError {
  message: string;
  status?: number;
  code?: string;
  requestId?: string;
}

/** What happened to one plan operation. `article` is the article as the server returned it after the write. */
export type ApplyResult =
  | { status: 'created'; op: Operation; id: string; url: string; article?: Article }
  | { status: 'updated'; op: Operation; id: string; url: string; article?: Article }
  | { status: 'moved'; op: Operation; id: string; url: string; redirects: string[]; article?: Article }
  | { status: 'retired'; op: Operation; id: string }
  | { status: 'unchanged'; op: Operation }
  | { status: 'skipped'; op: Operation; reason: string }
  | { status: 'failed'; op: Operation; error: OperationError };

export type ApplyStatus = ApplyResult['status'];
