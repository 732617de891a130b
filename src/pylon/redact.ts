/** Replaces every occurrence of a secret (raw, URL-encoded or JSON-escaped) with `[REDACTED]`. */
export type Redactor = (text: string) => string;

export const REDACTED = '[REDACTED]';

export function createRedactor(secrets: readonly string[]): Redactor {
  const needles = new Set<string>();
  for (const secret of secrets) {
    // A secret this short would mangle every message; real tokens are long.
    if (secret.length < 3) continue;
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
    needles.add(JSON.stringify(secret).slice(1, -1));
  }
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const needle of ordered) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    return out;
  };
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
