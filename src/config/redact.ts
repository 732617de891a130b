import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedConfig, UserConfig } from './types.js';

export const REDACTED = '[redacted]';

/** A copy safe to print or log: the API token is replaced by `[redacted]`. */
export function redactConfig<T extends ResolvedConfig | UserConfig>(config: T): T {
  const target = config.target;
  if (target?.kind === 'emulator' || target?.token === undefined) return structuredClone(config);
  return { ...structuredClone(config), target: { ...target, token: REDACTED } };
}

/** Replaces every occurrence of a secret in the diagnostics' text, as a last line of defence. */
export function scrubSecrets(diagnostics: Diagnostic[], secrets: readonly string[]): Diagnostic[] {
  const wanted = secrets.flatMap((s) => [s, s.trim()]).filter((s) => s.length >= 4);
  if (wanted.length === 0) return diagnostics;
  const scrub = (text: string) => wanted.reduce((t, secret) => t.split(secret).join(REDACTED), text);
  return diagnostics.map((d) => {
    const out: Diagnostic = { ...d, message: scrub(d.message) };
    if (d.hint !== undefined) out.hint = scrub(d.hint);
    if (d.field !== undefined) out.field = scrub(d.field);
    return out;
  });
}
