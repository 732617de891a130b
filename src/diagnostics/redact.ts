import type { Diagnostic } from './diagnostic.js';

/**
 * The one rule that keeps secrets out of what pylon-kb prints, logs, writes or returns: the terminal streams,
 * `--out` files, the job summary and comment file, HTML reports, client errors, config diagnostics, MCP
 * results and `.pylon-kb/` all redact through `createRedactor`. A secret is replaced by `[redacted]` in every
 * form a message could carry it: raw, trimmed, URL-encoded, JSON-, HTML- and Markdown-escaped, slugified,
 * and any run of 8 or more of its characters (a message that quotes part of it, or all of it but a trailing
 * `=`) — runs that look random (letters with digits or mixed case), so a readable token such as the
 * emulator's does not take every word it shares with the output.
 */

export const REDACTED = '[redacted]';

/** Returns the text with every known secret replaced by `[redacted]`. */
export type Redactor = (text: string) => string;

/** Shorter values would mangle every message, and no real token is this short. */
const MIN_SECRET_LENGTH = 4;
/** A quoted part of a secret this long is redacted too. */
const MIN_PART_LENGTH = 8;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function htmlEscaped(text: string): string[] {
  const named = text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
  return [named, named.replace(/&#39;/g, '&#x27;'), text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)];
}

/** Markdown escaping as reports do it: HTML-significant characters as entities, a backslash before punctuation. */
function markdownEscaped(text: string): string[] {
  const punctuation = /[\\`*_{}[\]()#+\-.!|~@:<>]/g;
  const entities = text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);
  return [text.replace(punctuation, (c) => `\\${c}`), entities.replace(punctuation, (c) => `\\${c}`)];
}

/** A slug as pylon-kb and site generators make one: lower case, runs of other characters as one `-`. */
function slugified(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Every form a secret may take in a message. */
function formsOf(secret: string): string[] {
  const forms = new Set<string>();
  for (const form of [secret, secret.trim(), secret.trim().replace(/=+$/, '')]) {
    if (form.length < MIN_SECRET_LENGTH) continue;
    forms.add(form);
    forms.add(encodeURIComponent(form));
    forms.add(JSON.stringify(form).slice(1, -1));
    for (const html of htmlEscaped(form)) forms.add(html);
    for (const markdown of markdownEscaped(form)) forms.add(markdown);
    const slug = slugified(form);
    if (slug.length >= MIN_SECRET_LENGTH) forms.add(slug);
  }
  return [...forms];
}

/** Whether a run of a secret looks random enough that it cannot be a word of ordinary output. */
function looksRandom(part: string): boolean {
  const digit = /[0-9]/.test(part);
  const upper = /[A-Z]/.test(part);
  const lower = /[a-z]/.test(part);
  return (digit && (upper || lower)) || (upper && lower);
}

const BASE = 131;
const TOP = (() => {
  let p = 1;
  for (let k = 1; k < MIN_PART_LENGTH; k++) p = Math.imul(p, BASE);
  return p;
})();

/** A hash of an 8-character window, updated in O(1) as the window slides (so long outputs stay fast). */
function windowHash(text: string, at: number): number {
  let h = 0;
  for (let k = 0; k < MIN_PART_LENGTH; k++) h = (Math.imul(h, BASE) + text.charCodeAt(at + k)) | 0;
  return h;
}

interface Parts {
  windows: ReadonlySet<string>;
  hashes: ReadonlySet<number>;
}

/** Replaces every run of text whose 8-character windows all come from a secret's forms. */
function redactParts(text: string, parts: Parts): string {
  const last = text.length - MIN_PART_LENGTH;
  if (last < 0) return text;
  const pieces: string[] = [];
  let copied = 0;
  let h = windowHash(text, 0);
  for (let i = 0; i <= last; ) {
    if (parts.hashes.has(h) && parts.windows.has(text.slice(i, i + MIN_PART_LENGTH))) {
      let end = i + MIN_PART_LENGTH;
      while (end < text.length && parts.windows.has(text.slice(end - MIN_PART_LENGTH + 1, end + 1))) end++;
      pieces.push(text.slice(copied, i), REDACTED);
      copied = end;
      i = end;
      if (i <= last) h = windowHash(text, i);
      continue;
    }
    if (i + 1 <= last) {
      const out = Math.imul(text.charCodeAt(i), TOP);
      h = (Math.imul((h - out) | 0, BASE) + text.charCodeAt(i + MIN_PART_LENGTH)) | 0;
    }
    i++;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const needles = new Set<string>();
  const windows = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined) continue;
    for (const form of formsOf(secret)) {
      needles.add(form);
      for (let i = 0; i + MIN_PART_LENGTH <= form.length; i++) {
        const part = form.slice(i, i + MIN_PART_LENGTH);
        if (looksRandom(part)) windows.add(part);
      }
    }
  }
  const parts: Parts = { windows, hashes: new Set([...windows].map((w) => windowHash(w, 0))) };
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const needle of ordered) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    return windows.size > 0 ? redactParts(out, parts) : out;
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

/** A JSON-able value with every secret removed from its strings (and keys); it stays valid JSON. */
export function redactJson<T>(value: T, redact: Redactor): T {
  const text = JSON.stringify(value);
  if (text === undefined) return value;
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'string') return redact(v);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [redact(k), inner]));
    }
    return v;
  }) as T;
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
