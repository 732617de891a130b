import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createRedactor, REDACTED, redactDiagnostics } from '../diagnostics/redact.js';
import type { ResolvedConfig, UserConfig } from './types.js';

/** A copy safe to print or log: the API token is replaced by `[redacted]`. */
export function redactConfig<T extends ResolvedConfig | UserConfig>(config: T): T {
  const target = config.target;
  if (target?.kind === 'emulator' || target?.token === undefined) return structuredClone(config);
  return { ...structuredClone(config), target: { ...target, token: REDACTED } };
}

/** Replaces every occurrence of a secret in the diagnostics' text, as a last line of defence. */
export function scrubSecrets(diagnostics: Diagnostic[], secrets: readonly string[]): Diagnostic[] {
  return redactDiagnostics(diagnostics, createRedactor(secrets));
}
