import { formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { describeFailure } from '../run/failure.js';
import type { ToolFailure } from './result.js';

/**
 * Any error a run throws, as a tool failure with the code and hint the CLI prints for it (the same
 * `describeFailure`); input problems keep their diagnostics (file, line, how to fix) in the message.
 */
export function toFailure(error: unknown): ToolFailure {
  const failure = describeFailure(error);
  const listed = sortDiagnostics(failure.diagnostics ?? []);
  const message =
    listed.length > 0 ? `${failure.message}\n${listed.map(formatDiagnostic).join('\n')}` : failure.message;
  return { code: failure.code, message, ...(failure.hint !== undefined ? { hint: failure.hint } : {}) };
}
