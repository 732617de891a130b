import { formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { ToolFailure } from './result.js';

interface Coded {
  code?: unknown;
  hint?: unknown;
  diagnostics?: unknown;
}

/**
 * Any error a run throws, as a tool failure with the code and hint the CLI would print: input problems
 * keep their diagnostics (file, line, how to fix), client errors their stable code.
 */
export function toFailure(error: unknown): ToolFailure {
  if (!(error instanceof Error)) return { code: 'internal', message: String(error) };
  const { code, hint, diagnostics } = error as Error & Coded;
  const listed = Array.isArray(diagnostics) ? sortDiagnostics(diagnostics) : [];
  const first = listed[0];
  const message =
    listed.length > 0 ? `${error.message}\n${listed.map(formatDiagnostic).join('\n')}` : error.message;
  const failure: ToolFailure = {
    code: typeof code === 'string' ? code : (first?.code ?? codeForName(error.name)),
    message,
  };
  const why = typeof hint === 'string' ? hint : first?.hint;
  if (why) failure.hint = why;
  return failure;
}

function codeForName(name: string): string {
  if (name === 'InputError') return 'input/invalid';
  if (name === 'UsageError') return 'usage';
  return 'internal';
}
