import { type Diagnostic, formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';

export { InputError } from '../run/errors.js';

export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n');
}
