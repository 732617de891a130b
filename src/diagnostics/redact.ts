import type { Diagnostic } from './diagnostic.js';

/**
 * The one rule that keeps secrets out of what pylon-kb prints, logs or returns: client errors, config
 * diagnostics, printed config and MCP results all redact through `createRedactor`. A secret is replaced
 * wherever it appears raw, trimmed, URL-encoded or JSON-escaped, by `[redacted]`.
 */

export const REDACTED = '[redacted]';

/** Returns the text with every known secret replaced by `[redacted]`. */
export type Redactor = (text: string) => string;

/** Shorter values would mangle every message, and no real token is this short. */
const MIN_SECRET_LENGTH = 4;

export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const needles = new Set<string>();
  for (const secret of secrets) {
    for (const form of secret === undefined ? [] : [secret, secret.trim()]) {
      if (form.length < MIN_SECRET_LENGTH) continue;
      needles.add(form);
      needles.add(encodeURIComponent(form));
      needles.add(JSON.stringify(form).slice(1, -1));
    }
  }
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const needle of ordered) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    return out;
  };
}

/** The diagnostics with secrets removed from their message, hint and field. */
export function redactDiagnostics(diagnostics: readonly Diagnostic[], redact: Redactor): Diagnostic[] {
  return diagnostics.map((d) => {
    const out: Diagnostic = { ...d, message: redact(d.message) };
    if (d.hint !== undefined) out.hint = redact(d.hint);
    if (d.field !== undefined) out.field = redact(d.field);
    return out;
  });
}

/** A JSON-able value with every secret removed from its strings (and keys). */
export function redactJson<T>(value: T, redact: Redactor): T {
  const text = JSON.stringify(value);
  return text === undefined ? value : (JSON.parse(redact(text)) as T);
}

/**
 * Removes secrets from an error in place: message, stack, every own string (or string array) property,
 * and its `cause` chain. Works on errors from any transport, not only ours.
 */
export function scrubError<T>(error: T, redact: Redactor, depth = 0): T {
  if (typeof error !== 'object' || error === null || depth > 4) return error;
  const target = error as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(target)) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor || !('value' in descriptor) || !descriptor.writable) continue;
    const value = descriptor.value as unknown;
    if (typeof value === 'string') target[key] = redact(value);
    else if (Array.isArray(value)) target[key] = value.map((v) => (typeof v === 'string' ? redact(v) : v));
    else if (key === 'cause') scrubError(value, redact, depth + 1);
  }
  // Newer V8 versions expose `stack` as an accessor rather than a data property.
  const stack = Object.getOwnPropertyDescriptor(target, 'stack');
  if (stack && !('value' in stack) && typeof target.stack === 'string') {
    try {
      target.stack = redact(target.stack);
    } catch {
      // read-only stack: nothing more to do
    }
  }
  return error;
}
