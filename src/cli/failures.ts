import { type Diagnostic, formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';

/** Input the user must fix: config, usage or content. Exit code 2, nothing written. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n');
}
