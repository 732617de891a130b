import type { Operation } from '../plan/types.js';

export interface OperationError {
  message: string;
  status?: number;
  code?: string;
  requestId?: string;
}

/** What happened to one plan operation. */
export type ApplyResult =
  | { status: 'created'; op: Operation; id: string; url: string }
  | { status: 'updated'; op: Operation; id: string; url: string }
  | { status: 'moved'; op: Operation; id: string; url: string; redirects: string[] }
  | { status: 'retired'; op: Operation; id: string }
  | { status: 'unchanged'; op: Operation }
  | { status: 'skipped'; op: Operation; reason: string }
  | { status: 'failed'; op: Operation; error: OperationError };

export type ApplyStatus = ApplyResult['status'];
